package dev.camundahil.api;

import java.util.List;

import dev.camundahil.action.ActionView;

/**
 * What {@code POST /api/v1/actions/{id}/reassign} answers: the action and its recipients afterwards.
 */
record ReassignResult(ActionView action, List<RecipientEntry> recipients) {
}
