package dev.camundahil.action;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.camundahil.schema.HilDatabase;
import dev.camundahil.support.FilledActionTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a table of 100,000 actions, the statement the expiry sweep claims a batch with is answered from the index of
 * pending deadlines, and its look-up of failed expiries from the audit index.
 */
class OverdueActionsPlanTest {

	private static FilledActionTables tables;

	@BeforeAll
	static void fillTables() {
		tables = FilledActionTables.create("hil_sweep_plans");
	}

	@Test
	void theSweepClaimsFromThePendingExpiryIndex() {
		OverdueActions overdue = OverdueActions.forDatabase(tables.jdbc(), HilDatabase.POSTGRESQL);
		// two days on, when every pending action is overdue
		OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2);

		String plan = tables.explain(overdue.batchClaim(), later, later.minus(Duration.ofMinutes(1)), 100);

		assertThat(plan).contains("IDX_ACTION_PENDING_EXPIRY")
			.contains("IDX_ACTION_AUDIT_ACTION")
			.contains("LockRows")
			.doesNotContain("Seq Scan");
	}

}
