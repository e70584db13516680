package dev.camundahil.channel.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionEvent;
import dev.camundahil.action.ActionView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the other nodes on the same PostgreSQL database of every change of a chat action, so that their streams of
 * the session hear of it ({@link ChatNotificationListener}): after commit, with {@code pg_notify} on the channel
 * {@link ChatNotice#CHANNEL}, from a thread of its own that sends what comes in within a few milliseconds in one
 * statement. Not inside the transaction that made the change: PostgreSQL commits transactions that notify one at a
 * time, under one lock for the whole database, so every chat answer would wait for the commits of all the others.
 * Inactive on H2.
 */
class ChatNotifier implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChatNotifier.class);

	/** Changes waiting beyond this many are dropped; streams on other nodes catch up when they reconnect. */
	private static final int MAX_QUEUED = 10_000;

	/** Most notifications one statement sends. */
	private static final int BATCH_SIZE = 500;

	/**
	 * How long the first change waits for others to share its statement: each statement is a commit that takes
	 * PostgreSQL's one lock for notifying, and a few milliseconds on other nodes' streams cost less than a commit per
	 * change under load.
	 */
	private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	/**
	 * The notifications in the order given, in one transaction of their own, which commits without waiting for its
	 * WAL to reach the disk: a notification lost in a crash is lost either way (streams catch up when they
	 * reconnect), and the wait made every chat change cost a second flushed commit.
	 */
	private static final String NOTIFY = "SELECT set_config('synchronous_commit', 'off', true), pg_notify('"
			+ ChatNotice.CHANNEL + "', payload) FROM unnest(?::text[]) AS payload";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final boolean active;

	private final String node = UUID.randomUUID().toString();

	private final BlockingQueue<ChatNotice> waiting = new LinkedBlockingQueue<>(MAX_QUEUED);

	private volatile boolean running;

	private Thread sender;

	/**
	 * @param active whether it notifies: on PostgreSQL, unless {@code hil.chat.cross-node-streams} is off
	 */
	ChatNotifier(JdbcTemplate jdbc, ObjectMapper json, boolean active) {
		this.jdbc = jdbc;
		this.json = json;
		this.active = active;
	}

	/** This node, as its notices name it. */
	String node() {
		return this.node;
	}

	boolean isActive() {
		return this.active;
	}

	/** Ordered first, as {@link ChatStreams#on} is, so that other nodes hear of an answer before its next question. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(ActionEvent event) {
		ActionView action = event.action();
		if (!this.active || ChatStreams.eventName(event.type()) == null
				|| !action.outputTypes().contains(ChatChannel.TYPE)) {
			return;
		}
		if (!this.waiting.offer(new ChatNotice(this.node, action.sessionId(), action.id(), event.type()))) {
			log.warn("Chat changes are not announced to other nodes as fast as they come; the {} of action {} is "
					+ "dropped (streams on other nodes catch up when they reconnect)", event.type(), action.id());
		}
	}

	@Override
	public synchronized void start() {
		if (!this.active || this.running) {
			return;
		}
		this.running = true;
		this.sender = new Thread(this::run, "hil-chat-notify");
		this.sender.setDaemon(true);
		this.sender.start();
		log.info("Changes of chat actions are announced to other nodes (PostgreSQL NOTIFY on channel {})",
				ChatNotice.CHANNEL);
	}

	/** Sends what is still waiting, then ends. */
	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.sender != null) {
			try {
				this.sender.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.sender = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		List<ChatNotice> batch = new ArrayList<>();
		while (this.running || !this.waiting.isEmpty()) {
			try {
				ChatNotice first = this.waiting.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				long until = System.nanoTime() + LINGER_NANOS;
				while (batch.size() < BATCH_SIZE && this.running) {
					ChatNotice next = this.waiting.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
					if (next == null) {
						break;
					}
					batch.add(next);
				}
				this.waiting.drainTo(batch, BATCH_SIZE - batch.size());
				send(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void send(List<ChatNotice> batch) {
		try {
			String[] payloads = new String[batch.size()];
			for (int i = 0; i < payloads.length; i++) {
				payloads[i] = this.json.writeValueAsString(batch.get(i));
			}
			this.jdbc.execute(NOTIFY, (PreparedStatementCallback<Boolean>) (statement) -> {
				statement.setArray(1, statement.getConnection().createArrayOf("text", payloads));
				return statement.execute();
			});
		}
		catch (DataAccessException | JsonProcessingException ex) {
			log.warn("{} change(s) of chat actions could not be announced to other nodes; streams there catch up "
					+ "when they reconnect: {}", batch.size(), ex.toString());
		}
	}

}
