/**
 * Signed links: the tokens of the pages people open from emails and chat invitations, and their settings.
 * Uses no other feature package; channels use it.
 */
package dev.camundahil.links;
