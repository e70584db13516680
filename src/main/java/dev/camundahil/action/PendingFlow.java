package dev.camundahil.action;

import java.time.Instant;

/**
 * The pending actions of one flow.
 *
 * @param flowId the flow (process definition key, for BPMN processes)
 * @param pending how many of its actions wait for an answer
 * @param oldestCreatedAt when the oldest of them was created
 */
public record PendingFlow(String flowId, long pending, Instant oldestCreatedAt) {
}
