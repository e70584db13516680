package dev.camundahil.health;

import dev.camundahil.selfcheck.LostWaits;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * What the last check of waits that lost their other half found on this node: orphaned actions it cancelled and
 * the open {@code hilMissingAction} incidents. Those incidents are for an operator in Cockpit, one instance each, so
 * they do not take the application down; a node that has not run the check says unknown.
 */
final class WaitsHealth implements HealthIndicator {

	private final LostWaits waits;

	WaitsHealth(LostWaits waits) {
		this.waits = waits;
	}

	@Override
	public Health health() {
		LostWaits.Report last = this.waits.last();
		if (last == null) {
			return Health.unknown().withDetail("reason", "this node has not checked waits yet").build();
		}
		return Health.up()
			.withDetail("checkedAt", last.checkedAt().toString())
			.withDetail("orphansCancelled", last.orphansCancelled())
			.withDetail("missingActionIncidentsRaised", last.incidentsRaised())
			.withDetail("missingActionIncidentsOpen", last.incidentsOpen())
			.build();
	}

}
