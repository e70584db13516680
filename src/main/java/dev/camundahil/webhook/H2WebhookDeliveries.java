package dev.camundahil.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webhook outbox on H2, which has no {@code SKIP LOCKED}: the due rows are chosen in one query and claimed row
 * by row, each claim a conditional update that another node may win; equal attempts keep their turns.
 */
final class H2WebhookDeliveries extends WebhookDeliveries {

	H2WebhookDeliveries(JdbcTemplate jdbc) {
		super(jdbc);
	}

	@Override
	List<Claimed> claimDueRows(Instant now, Instant claimedUntil, int limit, Collection<UUID> skipped) {
		List<Object> arguments = new ArrayList<>(List.of(time(now)));
		arguments.addAll(skipped);
		arguments.add(limit);
		String notSkipped = skipped.isEmpty() ? ""
				: " AND webhook_id NOT IN (" + String.join(", ", Collections.nCopies(skipped.size(), "?")) + ")";
		List<String> due = this.jdbc.queryForList("""
				SELECT id FROM (SELECT id, next_attempt_at,
				                       ROW_NUMBER() OVER (PARTITION BY webhook_id ORDER BY next_attempt_at) AS turn
				                FROM action_webhook_delivery WHERE status = 'pending' AND next_attempt_at <= ?%s) due
				ORDER BY turn, next_attempt_at LIMIT ?""".formatted(notSkipped), String.class, arguments.toArray());
		List<Claimed> claimed = new ArrayList<>();
		due.forEach((id) -> claim(id, now, claimedUntil).ifPresent(claimed::add));
		claimed.sort(Comparator.comparingInt(Claimed::attempts));
		return claimed;
	}

	@Override
	String idIn(String ids) {
		return "id IN (" + ids + ")";
	}

}
