package dev.camundahil.channel.email;

/**
 * One file attached to an email.
 */
record Attachment(String filename, String contentType, byte[] content) {

}
