package dev.camundahil.channel.email;

import java.util.List;

/**
 * What one email says: subject, both bodies, the attachments.
 */
record EmailContent(String subject, String text, String html, List<Attachment> attachments) {

}
