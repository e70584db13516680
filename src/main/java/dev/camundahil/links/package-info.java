/**
 * Signed tokens for the pages people open from links (chat pages, email response pages), and their expiry.
 * Uses no other feature package.
 */
package dev.camundahil.links;
