package dev.camundahil.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decision rules of several approvers, each with the examples of docs/approvals.md: the votes so far, in order,
 * and where they leave the action.
 */
class ApprovalRuleTest {

	private static final List<String> OPTIONS = List.of("Approve", "Reject");

	@Test
	void allDecidesTheFirstOptionWhenEveryoneChoseIt() {
		ApprovalRule all = ApprovalRule.parse("all").orElseThrow();
		assertThat(all.decide(votes("Approve"), 3, OPTIONS)).isEqualTo(ApprovalRule.Outcome.OPEN);
		assertThat(all.decide(votes("Approve", "Approve"), 3, OPTIONS)).isEqualTo(ApprovalRule.Outcome.OPEN);
		assertThat(all.decide(votes("Approve", "Approve", "Approve"), 3, OPTIONS))
			.isEqualTo(ApprovalRule.Outcome.decided("Approve"));
	}

	@Test
	void allDecidesAtOnceWhenAnyoneChoosesAnotherOption() {
		ApprovalRule all = ApprovalRule.parse("all").orElseThrow();
		assertThat(all.decide(votes("Reject"), 3, OPTIONS)).isEqualTo(ApprovalRule.Outcome.decided("Reject"));
		assertThat(all.decide(votes("Approve", "Reject"), 3, OPTIONS))
			.isEqualTo(ApprovalRule.Outcome.decided("Reject"));
		assertThat(all.decide(votes("Approve", "Hold"), 3, List.of("Approve", "Reject", "Hold")))
			.isEqualTo(ApprovalRule.Outcome.decided("Hold"));
	}

	@Test
	void allWithoutOptionsCompletesWhenEveryoneHasAnswered() {
		ApprovalRule all = ApprovalRule.parse("ALL").orElseThrow();
		assertThat(all.decide(votes("fine", "ok"), 3, List.of())).isEqualTo(ApprovalRule.Outcome.OPEN);
		assertThat(all.decide(votes("fine", "ok", "no"), 3, List.of()))
			.isEqualTo(ApprovalRule.Outcome.decided(List.of("fine", "ok", "no")));
	}

	@Test
	void quorumDecidesTheFirstOptionThatNApproversChose() {
		ApprovalRule two = ApprovalRule.parse("quorum:2").orElseThrow();
		assertThat(two.decide(votes("Approve"), 3, OPTIONS)).isEqualTo(ApprovalRule.Outcome.OPEN);
		assertThat(two.decide(votes("Approve", "Reject"), 3, OPTIONS)).isEqualTo(ApprovalRule.Outcome.OPEN);
		assertThat(two.decide(votes("Approve", "Reject", "Reject"), 3, OPTIONS))
			.isEqualTo(ApprovalRule.Outcome.decided("Reject"));
		assertThat(two.decide(votes("Approve", "Approve"), 5, OPTIONS))
			.isEqualTo(ApprovalRule.Outcome.decided("Approve"));
		assertThat(ApprovalRule.parse("quorum:1").orElseThrow().decide(votes("Reject"), 4, OPTIONS))
			.isEqualTo(ApprovalRule.Outcome.decided("Reject"));
	}

	@Test
	void quorumCompletesUndecidedWhenNoOptionCanReachNAnyMore() {
		ApprovalRule three = ApprovalRule.parse("quorum:3").orElseThrow();
		assertThat(three.decide(votes("Approve"), 4, OPTIONS)).isEqualTo(ApprovalRule.Outcome.OPEN);
		assertThat(three.decide(votes("Approve", "Reject"), 4, OPTIONS)).isEqualTo(ApprovalRule.Outcome.OPEN);
		assertThat(three.decide(votes("Approve", "Reject"), 3, OPTIONS)).isEqualTo(ApprovalRule.Outcome.UNDECIDED);
		assertThat(three.decide(votes("Approve", "Reject", "Hold"), 4, List.of("Approve", "Reject", "Hold")))
			.isEqualTo(ApprovalRule.Outcome.UNDECIDED);
	}

	@Test
	void quorumWithoutOptionsCountsEqualAnswers() {
		ApprovalRule two = ApprovalRule.parse("quorum:2").orElseThrow();
		assertThat(two.decide(votes("red", "blue"), 3, List.of())).isEqualTo(ApprovalRule.Outcome.OPEN);
		assertThat(two.decide(votes("red", "blue", "red"), 3, List.of()))
			.isEqualTo(ApprovalRule.Outcome.decided("red"));
		assertThat(two.decide(votes("red", "blue", "green"), 3, List.of())).isEqualTo(ApprovalRule.Outcome.UNDECIDED);
	}

	@Test
	void theTallyCountsEveryOptionAndWhoVoted() {
		ApprovalRule two = ApprovalRule.parse("quorum:2").orElseThrow();
		assertThat(two.tally(votes("Reject"), 3, OPTIONS)).containsEntry("rule", "quorum:2")
			.containsEntry("approvers", 3)
			.containsEntry("voted", 1)
			.containsEntry("counts", new java.util.LinkedHashMap<>(java.util.Map.of("Approve", 0, "Reject", 1)));
	}

	@Test
	void firstIsNoRuleAndABadValueIsRefused() {
		assertThat(ApprovalRule.parse("first")).isEmpty();
		assertThat(ApprovalRule.parse(null)).isEmpty();
		assertThat(ApprovalRule.parse(" ")).isEmpty();
		assertThat(ApprovalRule.parse("quorum: 2").orElseThrow()).isEqualTo(new ApprovalRule(ApprovalRule.Kind.QUORUM, 2));
		for (String bad : List.of("most", "quorum:0", "quorum:-1", "quorum:two", "quorum")) {
			assertThatThrownBy(() -> ApprovalRule.parse(bad)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("first, all or quorum:N");
		}
		ApprovalRule three = ApprovalRule.parse("quorum:3").orElseThrow();
		assertThatThrownBy(() -> three.checkedFor(List.of("ann", "bob"))).hasMessageContaining("at least 3 approvers");
		assertThatThrownBy(() -> ApprovalRule.parse("all").orElseThrow().checkedFor(List.of()))
			.hasMessageContaining("needs approvers");
	}

	private static List<ActionVote> votes(String... values) {
		List<ActionVote> votes = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			votes.add(new ActionVote("approver" + i, values[i], Instant.EPOCH.plusSeconds(i), "api"));
		}
		return votes;
	}

}
