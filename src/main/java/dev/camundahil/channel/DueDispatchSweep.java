package dev.camundahil.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.camundahil.channel.ChannelMessage.Purpose;
import dev.camundahil.schedule.RecurringWork;

/**
 * Delivers due outbox rows of one purpose: retries and rows a crashed node left behind ({@code dispatch-retries}),
 * or reminders whose time has come ({@code reminders}). It claims a small batch in one statement, then delivers each
 * row outside that statement's transaction. A node claims only rows of channels it has, so nodes with different
 * channel beans (during a rolling update) never fail each other's rows.
 */
final class DueDispatchSweep implements RecurringWork {

	private final String name;

	private final Purpose purpose;

	private final Duration interval;

	private final int batchSize;

	private final Duration lease;

	private final DispatchRows rows;

	private final ChannelRouter router;

	private final DispatchDelivery delivery;

	DueDispatchSweep(String name, Purpose purpose, Duration interval, int batchSize, Duration lease, DispatchRows rows,
			ChannelRouter router, DispatchDelivery delivery) {
		this.name = name;
		this.purpose = purpose;
		this.interval = interval;
		this.batchSize = batchSize;
		this.lease = lease;
		this.rows = rows;
		this.router = router;
		this.delivery = delivery;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public int batchSize() {
		return this.batchSize;
	}

	@Override
	public int sweep() {
		Instant now = Instant.now();
		List<ClaimedDispatch> claimed = this.rows.claimDue(this.purpose, this.router.channelNames(), this.batchSize, now,
				now.plus(this.lease));
		claimed.forEach(this.delivery::deliver);
		return claimed.size();
	}

}
