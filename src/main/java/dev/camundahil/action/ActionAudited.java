package dev.camundahil.action;

/**
 * An audit entry was written, published inside the transaction that wrote it: for listeners that count what
 * happens to actions (a dispatch, a reply and what became of it) without reading the audit table.
 *
 * @param entry the entry as written
 */
public record ActionAudited(ActionAudit entry) {
}
