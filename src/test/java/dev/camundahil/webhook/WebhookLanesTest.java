package dev.camundahil.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.camundahil.webhook.WebhookDeliveries.Claimed;
import dev.camundahil.webhook.WebhookLanes.Entry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookLanesTest {

	private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

	private final WebhookLanes lanes = new WebhookLanes(2, 2, Duration.ofSeconds(15));

	private final UUID webhook = UUID.randomUUID();

	@Test
	void aWebhookGetsItsShareOfSendsAndTheRestWaitsInOrderThenGoesBack() {
		this.lanes.answered(this.webhook);
		assertThat(this.lanes.enter(delivery("a"), T0)).isEqualTo(Entry.SEND);
		assertThat(this.lanes.enter(delivery("b"), T0)).isEqualTo(Entry.SEND);
		assertThat(this.lanes.enter(delivery("c"), T0)).isEqualTo(Entry.WAITING);
		assertThat(this.lanes.enter(delivery("d"), T0)).isEqualTo(Entry.WAITING);
		assertThat(this.lanes.enter(delivery("e"), T0)).as("the lane is full").isEqualTo(Entry.FULL);
		assertThat(this.lanes.full()).containsExactly(this.webhook);
		assertThat(this.lanes.enter(delivery(UUID.randomUUID(), "x"), T0)).as("another webhook").isEqualTo(Entry.SEND);

		assertThat(this.lanes.exit(this.webhook, T0.plusSeconds(1)).delivery().id()).isEqualTo("c");
		assertThat(this.lanes.full()).as("room for one again").isEmpty();
		assertThat(this.lanes.exit(this.webhook, T0.plusSeconds(1)).delivery().id()).isEqualTo("d");
		assertThat(this.lanes.exit(this.webhook, T0.plusSeconds(1)).delivery()).as("nothing waits").isNull();
		assertThat(this.lanes.exit(this.webhook, T0.plusSeconds(1)).delivery()).isNull();

		assertThat(this.lanes.enter(delivery("f"), T0.plusSeconds(2))).as("both slots free again").isEqualTo(Entry.SEND);
		assertThat(this.lanes.enter(delivery("g"), T0.plusSeconds(2))).isEqualTo(Entry.SEND);
		assertThat(this.lanes.enter(delivery("h"), T0.plusSeconds(2))).isEqualTo(Entry.WAITING);
	}

	@Test
	void aDeliveryThatWaitedTooLongGoesBackAndTheSlotGoesToTheNextOrIsFreed() {
		this.lanes.answered(this.webhook);
		this.lanes.enter(delivery("a"), T0);
		this.lanes.enter(delivery("b"), T0);
		this.lanes.enter(delivery("c"), T0);
		this.lanes.enter(delivery("d"), T0.plusSeconds(10));

		WebhookLanes.Next next = this.lanes.exit(this.webhook, T0.plusSeconds(20));
		assertThat(next.expired()).extracting(Claimed::id).containsExactly("c");
		assertThat(next.delivery().id()).isEqualTo("d");

		WebhookLanes.Next none = this.lanes.exit(this.webhook, T0.plusSeconds(20));
		assertThat(none.delivery()).isNull();
		assertThat(this.lanes.enter(delivery("e"), T0.plusSeconds(20))).as("a slot was freed").isEqualTo(Entry.SEND);
		assertThat(this.lanes.enter(delivery("f"), T0.plusSeconds(20))).as("d still holds the other").isEqualTo(Entry.WAITING);
	}

	@Test
	void aStoppingNodeTakesOutWhatWaits() {
		this.lanes.answered(this.webhook);
		this.lanes.enter(delivery("a"), T0);
		this.lanes.enter(delivery("b"), T0);
		this.lanes.enter(delivery("c"), T0);

		assertThat(this.lanes.drain()).extracting(Claimed::id).containsExactly("c");
		assertThat(this.lanes.exit(this.webhook, T0).delivery()).isNull();
	}

	@Test
	void aWebhookWhoseEndpointHasNotAnsweredOrFailedSinceGetsOneSendAtATime() {
		assertThat(this.lanes.enter(delivery("a"), T0)).as("nothing answered yet").isEqualTo(Entry.SEND);
		assertThat(this.lanes.enter(delivery("b"), T0)).isEqualTo(Entry.WAITING);

		this.lanes.answered(this.webhook);
		assertThat(this.lanes.enter(delivery("c"), T0)).as("its whole share once it answered").isEqualTo(Entry.SEND);
		assertThat(this.lanes.enter(delivery("d"), T0)).isEqualTo(Entry.WAITING);

		this.lanes.failed(this.webhook);
		assertThat(this.lanes.exit(this.webhook, T0).delivery()).as("two in flight, one allowed: the slot is not handed on")
			.isNull();
		assertThat(this.lanes.exit(this.webhook, T0).delivery().id()).as("the last send hands on").isEqualTo("b");
		assertThat(this.lanes.enter(delivery("e"), T0)).isEqualTo(Entry.WAITING);
		assertThat(this.lanes.exit(this.webhook, T0).delivery().id()).isEqualTo("d");
	}

	private Claimed delivery(String id) {
		return delivery(this.webhook, id);
	}

	private static Claimed delivery(UUID webhook, String id) {
		return new Claimed(id, webhook, "action.completed", "{}", 0, UUID.randomUUID());
	}

}
