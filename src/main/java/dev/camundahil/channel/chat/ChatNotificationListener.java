package dev.camundahil.channel.chat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hears the changes of chat actions that other nodes announce ({@link ChatNotifier}) and hands them to this node's
 * streams. Holds one connection of the pool, listening, on a thread of its own for as long as the node runs; when the
 * connection drops it reconnects after a pause that grows up to half a minute, and every time it listens (again) it
 * has the open streams sent their conversation anew, since changes made meanwhile went unheard.
 */
class ChatNotificationListener implements SmartLifecycle {

	/** How the listening connection shows in {@code pg_stat_activity}. */
	static final String APPLICATION_NAME = "hil-chat-listener";

	private static final Logger log = LoggerFactory.getLogger(ChatNotificationListener.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration MAX_RETRY = Duration.ofSeconds(30);

	/** How long one wait for notifications lasts; also how long stopping may take. */
	private static final int WAIT_MILLIS = 500;

	/** After this long without a notification the connection is checked, so that a silently lost one is noticed. */
	private static final long CHECK_AFTER_NANOS = Duration.ofSeconds(15).toNanos();

	/** The longest any read on the listening connection may block. */
	private static final int NETWORK_TIMEOUT_MILLIS = 10_000;

	private final DataSource dataSource;

	private final ChatStreams streams;

	private final ChatNotifier notifier;

	private final ObjectMapper json;

	private volatile boolean running;

	private Thread listener;

	ChatNotificationListener(DataSource dataSource, ChatStreams streams, ChatNotifier notifier, ObjectMapper json) {
		this.dataSource = dataSource;
		this.streams = streams;
		this.notifier = notifier;
		this.json = json;
	}

	@Override
	public synchronized void start() {
		if (!this.notifier.isActive() || this.running) {
			return;
		}
		this.running = true;
		this.listener = new Thread(this::run, "hil-chat-listen");
		this.listener.setDaemon(true);
		this.listener.start();
	}

	@Override
	public void stop() {
		Thread stopping;
		synchronized (this) {
			this.running = false;
			// wakes a pause before reconnecting
			notifyAll();
			stopping = this.listener;
			this.listener = null;
		}
		if (stopping != null) {
			try {
				stopping.join(NETWORK_TIMEOUT_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		Duration retry = FIRST_RETRY;
		boolean listenedBefore = false;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try {
					listen(connection);
					if (listenedBefore) {
						log.info("Chat streams hear of changes on other nodes again; open streams get their "
								+ "conversation anew");
					}
					else {
						log.info("Chat streams hear of changes on other nodes (PostgreSQL LISTEN on channel {})",
								ChatNotice.CHANNEL);
					}
					listenedBefore = true;
					retry = FIRST_RETRY;
					this.streams.catchUp();
					receive(connection);
				}
				finally {
					release(connection);
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Chat streams do not hear of changes on other nodes: the listening connection failed ({}); "
						+ "trying again in {}s", ex.toString(), retry.toSeconds());
				pause(retry);
				retry = (retry.compareTo(MAX_RETRY.dividedBy(2)) > 0) ? MAX_RETRY : retry.multipliedBy(2);
			}
		}
	}

	private void listen(Connection connection) throws SQLException {
		// notifications arrive only between transactions
		connection.setAutoCommit(true);
		connection.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
			statement.execute("LISTEN " + ChatNotice.CHANNEL);
		}
	}

	private void receive(Connection connection) throws SQLException {
		PGConnection postgres = connection.unwrap(PGConnection.class);
		long heardAt = System.nanoTime();
		while (this.running) {
			PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
			if (notifications != null && notifications.length > 0) {
				heardAt = System.nanoTime();
				for (PGNotification notification : notifications) {
					hand(notification.getParameter());
				}
			}
			else if (System.nanoTime() - heardAt > CHECK_AFTER_NANOS) {
				if (!connection.isValid(NETWORK_TIMEOUT_MILLIS / 1000)) {
					throw new SQLException("the listening connection no longer answers");
				}
				heardAt = System.nanoTime();
			}
		}
	}

	private void hand(String payload) {
		ChatNotice notice;
		try {
			notice = this.json.readValue(payload, ChatNotice.class);
		}
		catch (JsonProcessingException ex) {
			log.warn("A notification on channel {} is not a chat change and is ignored: {}", ChatNotice.CHANNEL,
					ex.getOriginalMessage());
			return;
		}
		// this node's own changes went to its streams at commit
		if (!this.notifier.node().equals(notice.node())) {
			this.streams.relay(notice.sessionId(), notice.actionId(), notice.event());
		}
	}

	/**
	 * Leaves the connection as the pool gave it. A broken one fails here, and the pool drops it; a connection that
	 * went back to the pool still listening would let the notifications pile up in the database.
	 */
	private static void release(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("UNLISTEN *");
			statement.execute("RESET application_name");
		}
		catch (SQLException ex) {
			log.debug("The listening connection could not be reset: {}", ex.toString());
		}
	}

	private synchronized void pause(Duration duration) {
		long until = System.nanoTime() + duration.toNanos();
		long left;
		while (this.running && (left = until - System.nanoTime()) > 0) {
			try {
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				log.info("Chat streams stop listening for changes on other nodes: interrupted");
				this.running = false;
				return;
			}
		}
	}

}
