package dev.camundahil.action;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How several approvers decide an action: the task parameter {@code approval}, kept in the action's
 * {@code args.approval} with the approvers in {@code args.approvers}. {@code first} (the default) is no rule at all:
 * the first answer completes the action. {@code all} decides the first option when every approver chose it, and
 * decides at once for any other option as soon as one approver chooses it; without options it completes when
 * everyone has answered, with the answers as its decision. {@code quorum:N} decides the first option (or, without
 * options, the first answer) that N different approvers gave, and completes undecided as soon as no option can
 * reach N any more.
 *
 * @param kind {@code all} or {@code quorum}
 * @param quorum N of {@code quorum:N}; for {@code all}, 0
 */
public record ApprovalRule(Kind kind, int quorum) {

	/** The argument that holds the rule, as the task parameter names it. */
	public static final String ARG = "approval";

	/** The argument that holds the approvers. */
	public static final String APPROVERS = "approvers";

	/**
	 * The rule a parameter value names, or empty for {@code first} (and for no value).
	 * @throws IllegalArgumentException the value is none of {@code first}, {@code all}, {@code quorum:N} with N ≥ 1
	 */
	public static Optional<ApprovalRule> parse(Object value) {
		String text = (value != null) ? String.valueOf(value).strip().toLowerCase(Locale.ROOT) : "";
		if (text.isEmpty() || text.equals("first")) {
			return Optional.empty();
		}
		if (text.equals("all")) {
			return Optional.of(new ApprovalRule(Kind.ALL, 0));
		}
		if (text.startsWith("quorum:")) {
			try {
				int quorum = Integer.parseInt(text.substring("quorum:".length()).strip());
				if (quorum >= 1) {
					return Optional.of(new ApprovalRule(Kind.QUORUM, quorum));
				}
			}
			catch (NumberFormatException ex) {
				// refused below, with the others
			}
		}
		throw new IllegalArgumentException("'" + ARG + "' must be first, all or quorum:N with N of 1 or more, not '"
				+ value + "'");
	}

	/**
	 * Checks the rule against the approvers it has, and returns the rule.
	 * @throws IllegalArgumentException there are no approvers, or fewer than the quorum
	 */
	public ApprovalRule checkedFor(Collection<String> approvers) {
		if (approvers.isEmpty()) {
			throw new IllegalArgumentException("'" + ARG + "' = " + this + " needs approvers: 'to'/'cc' recipients or '"
					+ APPROVERS + "'");
		}
		if (this.kind == Kind.QUORUM && this.quorum > approvers.size()) {
			throw new IllegalArgumentException("'" + ARG + "' = " + this + " needs at least " + this.quorum
					+ " approvers, but there are " + approvers.size());
		}
		return this;
	}

	/** The rule of an action; empty when its first answer completes it. */
	static Optional<ApprovalRule> of(ActionRequest action) {
		return parse(action.getArgs().get(ARG));
	}

	/** The approvers of an action, as its task named them. */
	static List<String> approvers(ActionRequest action) {
		Object approvers = action.getArgs().get(APPROVERS);
		return (approvers instanceof Collection<?> names) ? names.stream().map(String::valueOf).toList() : List.of();
	}

	/** Where the votes given so far leave the action. */
	Outcome decide(List<ActionVote> votes, int approvers, List<String> options) {
		Map<String, Integer> counts = counts(votes);
		ActionVote last = votes.get(votes.size() - 1);
		if (this.kind == Kind.ALL) {
			if (options.isEmpty()) {
				return (votes.size() >= approvers)
						? Outcome.decided(votes.stream().map(ActionVote::value).toList()) : Outcome.OPEN;
			}
			String approval = options.get(0);
			if (!approval.equals(last.value())) {
				return Outcome.decided(last.value());
			}
			return (counts.getOrDefault(approval, 0) >= approvers) ? Outcome.decided(approval) : Outcome.OPEN;
		}
		if (counts.getOrDefault(key(last.value()), 0) >= this.quorum) {
			return Outcome.decided(last.value());
		}
		int remaining = approvers - votes.size();
		int best = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		return (Math.max(best, 0) + remaining < this.quorum) ? Outcome.UNDECIDED : Outcome.OPEN;
	}

	/**
	 * The tally as the action shows it: the rule, how many approvers there are and how many voted, and the votes
	 * per option (per answer when there are no options).
	 */
	Map<String, Object> tally(List<ActionVote> votes, int approvers, List<String> options) {
		Map<String, Integer> perOption = new LinkedHashMap<>();
		options.forEach((option) -> perOption.put(option, 0));
		counts(votes).forEach((value, count) -> perOption.merge(value, count, Integer::sum));
		Map<String, Object> tally = new LinkedHashMap<>();
		tally.put("rule", toString());
		tally.put("approvers", approvers);
		tally.put("voted", votes.size());
		tally.put("counts", perOption);
		return tally;
	}

	private static Map<String, Integer> counts(List<ActionVote> votes) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		votes.forEach((vote) -> counts.merge(key(vote.value()), 1, Integer::sum));
		return counts;
	}

	private static String key(Object value) {
		return String.valueOf(value);
	}

	@Override
	public String toString() {
		return (this.kind == Kind.ALL) ? "all" : "quorum:" + this.quorum;
	}

	public enum Kind {

		ALL, QUORUM

	}

	/**
	 * Where the votes leave an action.
	 *
	 * @param ended whether the action completes
	 * @param decided whether it completes with a decision
	 * @param value the decision
	 */
	record Outcome(boolean ended, boolean decided, Object value) {

		static final Outcome OPEN = new Outcome(false, false, null);

		static final Outcome UNDECIDED = new Outcome(true, false, null);

		static Outcome decided(Object value) {
			return new Outcome(true, true, (value instanceof List<?> list) ? new ArrayList<>(list) : value);
		}

	}

}
