package dev.camundahil.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionContext;
import dev.camundahil.action.ActionResponse;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;
import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the 409 of a late answer shows, with and without {@code hil.api.late-answer-shows-response}.
 */
class LateAnswerProblemTest {

	private final Instant answeredAt = Instant.parse("2026-12-05T10:02:00Z");

	private final ActionView answered = new ActionView(UUID.randomUUID(), "flow", "session", "ask",
			ActionStatus.COMPLETED, List.of("chat"), new ActionContext("Ship?", Map.of()), Map.of(),
			new ActionResponse("Approve", "ann", this.answeredAt), "fine by me", null, null, null, this.answeredAt,
			this.answeredAt, null, null, null, null);

	@Test
	void showsWhoAnsweredWhatAndWhen() {
		ProblemDetail problem = LateAnswerProblem.of(this.answered, "Action cannot be answered", true);

		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getProperties()).containsEntry("status", "completed")
			.containsEntry("respondedBy", "ann")
			.containsEntry("respondedAt", "2026-12-05T10:02:00Z")
			.containsEntry("response", "Approve")
			.containsEntry("comment", "fine by me");
	}

	@Test
	void theSettingHidesTheResponseButNotWhoAndWhen() {
		ProblemDetail problem = LateAnswerProblem.of(this.answered, "Action cannot be answered", false);

		assertThat(problem.getProperties()).containsEntry("respondedBy", "ann")
			.containsEntry("respondedAt", "2026-12-05T10:02:00Z")
			.doesNotContainKeys("response", "comment");
		assertThat(problem.getDetail()).doesNotContain("Approve");
	}

}
