package dev.camundahil.action;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data layer as both databases must keep it: entities, constraints, soft delete and the schema document's
 * three queries. Each test works on a flow id of its own, so rows of other tests do not interfere.
 */
abstract class ActionDataLayerContract {

	@Autowired
	ActionService actions;

	@Autowired
	ActionRequestRepository repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void anActionKeepsEveryFieldThroughTheDatabase() {
		String flow = uniqueFlow();
		Instant expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
		UUID id = this.actions.create(new NewAction(flow, "session-1", "approve", List.of("chat", "email"),
				"Approve the order?", Map.of("orderId", 42, "tags", List.of("a", "b")),
				Map.of("expectedResponse", List.of("Approve", "Reject"), "to", List.of("a@example.com")), "pi-1",
				"ex-1", expires)).getId();

		ActionRequest stored = this.repository.findById(id).orElseThrow();
		assertThat(stored.getFlowId()).isEqualTo(flow);
		assertThat(stored.getSessionId()).isEqualTo("session-1");
		assertThat(stored.getNodeId()).isEqualTo("approve");
		assertThat(stored.getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(stored.getOutputTypes()).containsExactly("chat", "email");
		assertThat(stored.getContext().question()).isEqualTo("Approve the order?");
		assertThat(stored.getContext().metadata()).containsEntry("orderId", 42)
			.containsEntry("tags", List.of("a", "b"));
		assertThat(stored.getArgs()).containsEntry("expectedResponse", List.of("Approve", "Reject"));
		assertThat(stored.getProcessInstanceId()).isEqualTo("pi-1");
		assertThat(stored.getExecutionId()).isEqualTo("ex-1");
		assertThat(stored.getExpiresAt()).isEqualTo(expires);
		assertThat(stored.getCreatedAt()).isNotNull();
		assertThat(stored.getUpdatedAt()).isNotNull();
		assertThat(stored.getDeletedAt()).isNull();
		assertThat(this.jdbc.queryForObject("SELECT status FROM action_request WHERE id = ?", String.class, id))
			.isEqualTo("pending");

		this.actions.respond(id, ResponseCommand.of("approve", "ann@example.com"));
		ActionRequest answered = this.repository.findById(id).orElseThrow();
		assertThat(answered.getStatus()).isEqualTo(ActionStatus.COMPLETED);
		assertThat(answered.getResponse().value()).isEqualTo("Approve");
		assertThat(answered.getResponse().respondedBy()).isEqualTo("ann@example.com");
		assertThat(answered.getResponse().timestamp()).isNotNull();
		assertThat(answered.getVersion()).isEqualTo(stored.getVersion() + 1);
		assertThat(this.actions.auditTrail(id)).extracting(ActionAudit::getEvent)
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCHED, AuditEvents.COMPLETED);
	}

	@Test
	void manyActionsExpireTogetherOrNotAtAll() {
		String flow = uniqueFlow();
		List<UUID> ids = List.of(pending(flow), pending(flow), pending(flow));

		List<ActionRequest> expired = this.transaction.execute((status) -> this.actions.expire(ids));

		assertThat(expired).extracting(ActionRequest::getId).containsExactlyElementsOf(ids);
		for (UUID id : ids) {
			ActionRequest stored = this.repository.findById(id).orElseThrow();
			assertThat(stored.getStatus()).isEqualTo(ActionStatus.EXPIRED);
			assertThat(stored.getVersion()).isEqualTo(1);
			assertThat(this.actions.auditTrail(id)).extracting(ActionAudit::getEvent).endsWith(AuditEvents.EXPIRED);
		}

		List<UUID> mixed = List.of(pending(flow), pending(flow), pending(flow));
		this.actions.respond(mixed.get(1), ResponseCommand.of("yes", "ann@example.com"));
		assertThatThrownBy(() -> this.transaction.executeWithoutResult((status) -> this.actions.expire(mixed)))
			.isInstanceOf(ActionConflictException.class)
			.hasMessageContaining(mixed.get(1).toString());
		assertThat(mixed).extracting((id) -> this.repository.findById(id).orElseThrow().getStatus())
			.containsExactly(ActionStatus.PENDING, ActionStatus.COMPLETED, ActionStatus.PENDING);
		assertThat(this.actions.auditTrail(mixed.get(0))).extracting(ActionAudit::getEvent)
			.doesNotContain(AuditEvents.EXPIRED);

		assertThatThrownBy(() -> this.actions.expire(List.of(mixed.get(0), UUID.randomUUID())))
			.isInstanceOf(ActionNotFoundException.class);
		assertThat(this.repository.findById(mixed.get(0)).orElseThrow().getStatus()).isEqualTo(ActionStatus.PENDING);
	}

	private UUID pending(String flow) {
		return this.actions.create(new NewAction(flow, "session-1", "approve", List.of("chat"), "Still there?",
				Map.of(), Map.of(), null, null, Instant.now().minusSeconds(1))).getId();
	}

	@Test
	void theDatabaseRefusesAStatusOutsideTheFour() {
		UUID id = create(uniqueFlow(), "chat").getId();

		assertThatThrownBy(() -> this.jdbc.update("UPDATE action_request SET status = 'done' WHERE id = ?", id))
			.satisfies((ex) -> assertThat(ex.getMessage().toLowerCase()).contains("ck_action_request_status"));
		assertThat(this.jdbc.queryForObject("SELECT status FROM action_request WHERE id = ?", String.class, id))
			.isEqualTo("pending");
	}

	@Test
	void softDeletedActionsNeverAppear() {
		String flow = uniqueFlow();
		ActionRequest kept = create(flow, "chat");
		ActionRequest deleted = create(flow, "chat");

		this.actions.delete(deleted.getId(), "tester");

		assertThat(this.repository.findById(deleted.getId())).isEmpty();
		assertThat(this.repository.findPendingByFlowId(flow, PageRequest.of(0, 10))).extracting(ActionRequest::getId)
			.containsExactly(kept.getId());
		assertThat(this.actions.list(new ActionQuery(null, flow, null, null, null), PageRequest.of(0, 10)))
			.extracting(ActionRequest::getId)
			.containsExactly(kept.getId());
		assertThat(this.jdbc.queryForObject("SELECT status FROM action_request WHERE id = ?", String.class,
				deleted.getId()))
			.isEqualTo("cancelled");
		assertThat(this.jdbc.queryForObject("SELECT deleted_at FROM action_request WHERE id = ?", Instant.class,
				deleted.getId()))
			.isNotNull();
	}

	@Test
	void theDocumentsThreeQueries() {
		String flow = uniqueFlow();
		ActionRequest older = create(flow, "email");
		ActionRequest newer = create(flow, "chat", "email");
		ActionRequest answered = create(flow, "chat");
		this.actions.respond(answered.getId(), ResponseCommand.of("ok", "bob"));
		ActionRequest otherFlow = create(uniqueFlow(), "custom");

		assertThat(this.repository.findPendingByFlowId(flow, PageRequest.of(0, 10))).extracting(ActionRequest::getId)
			.containsExactly(newer.getId(), older.getId());

		List<UUID> pendingEmail = this.repository.findPendingByOutputType("email", PageRequest.of(0, 1000))
			.stream()
			.map(ActionRequest::getId)
			.toList();
		assertThat(pendingEmail).containsSubsequence(newer.getId(), older.getId())
			.doesNotContain(answered.getId(), otherFlow.getId());

		assertThat(this.repository.findById(otherFlow.getId())).get()
			.extracting(ActionRequest::getFlowId)
			.isEqualTo(otherFlow.getFlowId());
		assertThat(this.repository.findById(UUID.randomUUID())).isEmpty();
	}

	@Test
	void listFiltersByEveryField() {
		String flow = uniqueFlow();
		ActionRequest chat = create(flow, "chat");
		ActionRequest email = create(flow, "email");
		this.actions.cancel(email.getId(), "not needed", "tester");

		assertThat(this.actions.list(new ActionQuery(ActionStatus.CANCELLED, flow, null, null, null),
				PageRequest.of(0, 10)))
			.extracting(ActionRequest::getId)
			.containsExactly(email.getId());
		assertThat(this.actions.list(new ActionQuery(null, flow, null, null, "chat"), PageRequest.of(0, 10)))
			.extracting(ActionRequest::getId)
			.containsExactly(chat.getId());
		assertThat(this.actions.list(new ActionQuery(null, null, "session-" + flow, "node", null),
				PageRequest.of(0, 10)).getTotalElements())
			.isEqualTo(2);
	}

	@Test
	void recipientsArePassedOnAndAnAnswerThroughARemovedOneIsRefused() {
		ActionRequest action = create(uniqueFlow(), "chat");
		List<ActionRecipient> added = this.actions.addRecipients(action.getId(),
				List.of("ann@data.example", "bob@data.example", "ANN@data.example"));
		assertThat(added).extracting(ActionRecipient::address).containsExactly("ann@data.example", "bob@data.example");
		ActionRecipient ann = added.get(0);

		List<ActionRecipient> after = this.actions.reassign(action.getId(), new Reassignment(List.of("Ann@Data.example"),
				List.of("carol@data.example"), "away", "clerk", false));

		assertThat(after).extracting(ActionRecipient::address, ActionRecipient::isActive)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ann@data.example", false),
					org.assertj.core.groups.Tuple.tuple("bob@data.example", true),
					org.assertj.core.groups.Tuple.tuple("carol@data.example", true));
		ActionRecipient removed = this.actions.recipient(ann.id()).orElseThrow();
		assertThat(removed.passedTo()).containsExactly("carol@data.example");
		assertThat(removed.removedAt()).isNotNull();
		ActionRecipient carol = after.stream().filter((r) -> r.address().startsWith("carol")).findFirst().orElseThrow();
		assertThat(carol.addedBy()).isEqualTo("clerk");
		assertThat(carol.reason()).isEqualTo("away");
		assertThat(this.actions.find(action.getId()).getVersion()).as("a reassignment moves the version on")
			.isGreaterThan(action.getVersion());

		assertThatThrownBy(() -> this.actions.respondAs(action.getId(), ann.id(), ResponseCommand.of("yes", "ann")))
			.isInstanceOf(ActionConflictException.class)
			.hasMessageContaining("passed from ann@data.example to carol@data.example");
		ActionRequest answered = this.actions.respondAs(action.getId(), carol.id(),
				new ResponseCommand("yes", "carol@data.example", "carol@data.example", "email-link", null));
		assertThat(answered.getResponse().respondedBy()).isEqualTo("carol@data.example");
		assertThat(answered.getResponse().channel()).isEqualTo("email-link");
		assertThat(this.actions.find(action.getId()).getResponse().channel()).isEqualTo("email-link");
		assertThatThrownBy(() -> this.actions.reassign(action.getId(),
				new Reassignment(List.of(), List.of("dave@data.example"), null, "clerk", false)))
			.isInstanceOf(ActionConflictException.class);
	}

	ActionRequest create(String flow, String... outputTypes) {
		return this.actions.create(new NewAction(flow, "session-" + flow, "node", List.of(outputTypes), "Question?",
				Map.of(), Map.of(), null, null, null));
	}

	static String uniqueFlow() {
		return "flow-" + UUID.randomUUID();
	}

}
