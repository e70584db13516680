package dev.camundahil.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionView;
import dev.camundahil.action.EscalationLevel;
import dev.camundahil.schedule.RecurringWork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the escalation levels that have come due, each in a transaction of its own that claims the level's
 * row, adds its people through {@link ActionService#escalate} and marks the row done, so that a level is carried out
 * once: a second node finds the row locked or done. A level of an action that has closed meanwhile is only marked
 * done.
 */
class EscalationSweeper implements RecurringWork {

	static final String NAME = "escalation";

	private static final Logger log = LoggerFactory.getLogger(EscalationSweeper.class);

	private final EscalationSchedule schedule;

	private final ActionService actions;

	private final TransactionTemplate transaction;

	private final EscalationProperties settings;

	EscalationSweeper(EscalationSchedule schedule, ActionService actions, TransactionTemplate transaction,
			EscalationProperties settings) {
		this.schedule = schedule;
		this.actions = actions;
		this.transaction = transaction;
		this.settings = settings;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Duration interval() {
		return this.settings.getInterval();
	}

	@Override
	public int batchSize() {
		return this.settings.getBatchSize();
	}

	@Override
	public int sweep() {
		int handled = 0;
		while (handled < batchSize() && Boolean.TRUE.equals(this.transaction.execute((status) -> escalateNext()))) {
			handled++;
		}
		return handled;
	}

	/** Carries out the next due level; false when none is due. */
	private boolean escalateNext() {
		Instant now = Instant.now();
		Optional<EscalationSchedule.DueLevel> due = this.schedule.claim(now);
		if (due.isEmpty()) {
			return false;
		}
		EscalationSchedule.DueLevel level = due.get();
		Optional<ActionRequest> pending = this.actions.findPending(level.actionId());
		if (pending.isPresent()) {
			List<EscalationLevel> levels = EscalationLevel.of(ActionView.of(pending.get()));
			if (level.level() <= levels.size()) {
				this.actions.escalate(level.actionId(), level.level(), levels.get(level.level() - 1).to());
			}
		}
		else {
			log.debug("Action {} closed before escalation level {} came due", level.actionId(), level.level());
		}
		this.schedule.done(level.id(), now);
		return true;
	}

}
