package dev.camundahil.channel.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camundahil.action.ActionEvent;
import dev.camundahil.action.ActionView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams of chat sessions (Server-Sent Events). When a chat action of a session is opened or ends, every
 * stream of that session hears of it, once the change has committed: from this node's own transactions directly,
 * from other nodes through the {@link ChatNotificationListener}. Streams are bounded in number and lifetime, get a
 * heartbeat comment, and are forgotten as soon as they end, time out or fail. Reading and sending happen on one
 * thread of its own, never on the thread that committed the change, and in the order the changes came in.
 * <p>
 * Events: {@code ready} when a stream opens, and again whenever this node may have missed changes, with the whole
 * conversation as it is then ({@code {sessionId, messages}}), so that a stream that reconnects misses nothing;
 * {@code prompt} for a new question, {@code status} when a question is answered, expires or is withdrawn,
 * {@code reminder} when a reminder goes out; their data is a {@link ChatUpdate} as JSON.
 */
class ChatStreams implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);

	/** Updates waiting to be sent beyond this many are dropped; a page catches up at its next {@code ready}. */
	private static final int MAX_QUEUED = 10_000;

	private final Map<String, Set<SseEmitter>> sessions = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	private final ChatConversations conversations;

	private final ConversationEntries entries;

	private final Duration timeout;

	private final int maxStreams;

	private final int maxPerSession;

	private final ScheduledThreadPoolExecutor sender;

	private volatile boolean running;

	ChatStreams(ChatConversations conversations, ConversationEntries entries, Duration timeout, Duration heartbeat,
			int maxStreams, int maxPerSession) {
		this.conversations = conversations;
		this.entries = entries;
		this.timeout = timeout;
		this.maxStreams = maxStreams;
		this.maxPerSession = maxPerSession;
		this.sender = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "hil-chat-stream");
			thread.setDaemon(true);
			return thread;
		});
		this.sender.setRemoveOnCancelPolicy(true);
		this.sender.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream for a session.
	 * @throws ErrorResponseException 503 when this node has as many streams open as it allows
	 */
	SseEmitter open(String sessionId) {
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		synchronized (this) {
			Set<SseEmitter> streams = this.sessions.computeIfAbsent(sessionId, (id) -> ConcurrentHashMap.newKeySet());
			if (this.open.get() >= this.maxStreams || streams.size() >= this.maxPerSession) {
				if (streams.isEmpty()) {
					this.sessions.remove(sessionId);
				}
				throw tooMany();
			}
			streams.add(emitter);
			this.open.incrementAndGet();
		}
		emitter.onCompletion(() -> forget(sessionId, emitter));
		emitter.onTimeout(() -> {
			forget(sessionId, emitter);
			emitter.complete();
		});
		emitter.onError((ex) -> forget(sessionId, emitter));
		// read on the sending thread, in turn with the changes: a change sent before it is in the conversation it
		// reads, and a change committed after the read is sent after it
		try {
			this.sender.execute(() -> ready(sessionId, List.of(emitter)));
		}
		catch (RejectedExecutionException ex) {
			forget(sessionId, emitter);
			emitter.complete();
		}
		log.debug("Chat stream opened for session {} ({} open)", sessionId, this.open.get());
		return emitter;
	}

	/**
	 * Sends a change of a chat action to the streams of its session once it has committed. Ordered first, so that
	 * an answer's update goes out before the next question that the answer led to in the same transaction (the
	 * process resumes while the answer's event is being published).
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(ActionEvent event) {
		ActionView action = event.action();
		String name = eventName(event.type());
		if (name == null || !action.outputTypes().contains(ChatChannel.TYPE)
				|| !this.sessions.containsKey(action.sessionId())) {
			return;
		}
		ChatUpdate update = new ChatUpdate(event.type(), action.id(), action.status(), this.entries.of(action));
		queue(action.id(), () -> send(action.sessionId(), name, update));
	}

	/**
	 * Sends a change that another node committed to the streams of its session on this node, with the action read as
	 * it is now.
	 */
	void relay(String sessionId, UUID actionId, ActionEvent.Type type) {
		String name = eventName(type);
		if (name == null || !this.sessions.containsKey(sessionId)) {
			return;
		}
		queue(actionId, () -> this.conversations.question(sessionId, actionId)
			.ifPresent((action) -> send(sessionId, name,
					new ChatUpdate(type, actionId, action.status(), this.entries.of(action)))));
	}

	/**
	 * Sends every open stream a new {@code ready} with its conversation as it is now: this node may have missed
	 * changes of other nodes (while it was not listening for them).
	 */
	void catchUp() {
		for (String sessionId : List.copyOf(this.sessions.keySet())) {
			try {
				this.sender.execute(() -> ready(sessionId, streamsOf(sessionId)));
			}
			catch (RejectedExecutionException ex) {
				return;
			}
		}
	}

	/** How many streams are open on this node. */
	int openStreams() {
		return this.open.get();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Ends every stream as the application stops, so that a graceful shutdown does not wait for open streams. */
	@Override
	public void stop() {
		this.running = false;
		this.sessions.forEach((sessionId, streams) -> streams.forEach((emitter) -> {
			forget(sessionId, emitter);
			emitter.complete();
		}));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops ahead of the web server's graceful shutdown, which waits for open requests. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	@Override
	public void destroy() {
		stop();
		this.sender.shutdownNow();
	}

	private void queue(UUID actionId, Runnable sending) {
		if (this.sender.getQueue().size() > MAX_QUEUED) {
			log.warn("Chat streams are behind; an update of action {} is dropped (pages catch up when they reconnect)",
					actionId);
			return;
		}
		try {
			this.sender.execute(() -> {
				try {
					sending.run();
				}
				catch (RuntimeException ex) {
					log.warn("An update of chat action {} could not be sent to its streams: {}", actionId, ex.toString());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// shutting down
		}
	}

	/** Sends streams of a session their conversation as it is now; when it cannot be read, ends them to reconnect. */
	private void ready(String sessionId, List<SseEmitter> emitters) {
		if (emitters.isEmpty()) {
			return;
		}
		Map<String, Object> ready;
		try {
			ready = Map.of("sessionId", sessionId, "messages", this.conversations.messages(sessionId));
		}
		catch (RuntimeException ex) {
			log.warn("The conversation of session {} could not be read for its {} chat stream(s), which are ended so "
					+ "that they reconnect: {}", sessionId, emitters.size(), ex.toString());
			emitters.forEach((emitter) -> {
				forget(sessionId, emitter);
				emitter.complete();
			});
			return;
		}
		emitters.forEach((emitter) -> send(sessionId, emitter, SseEmitter.event().name("ready").data(ready)));
	}

	private void send(String sessionId, String name, ChatUpdate update) {
		for (SseEmitter emitter : streamsOf(sessionId)) {
			send(sessionId, emitter, SseEmitter.event().name(name).data(update));
		}
	}

	private void send(String sessionId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// the container reports the broken connection and completes the emitter; stop writing to it now
			forget(sessionId, emitter);
		}
	}

	private void heartbeat() {
		this.sessions.forEach((sessionId, streams) -> streams
			.forEach((emitter) -> send(sessionId, emitter, SseEmitter.event().comment("heartbeat"))));
	}

	private List<SseEmitter> streamsOf(String sessionId) {
		Set<SseEmitter> streams = this.sessions.get(sessionId);
		return (streams != null) ? List.copyOf(streams) : List.of();
	}

	private synchronized void forget(String sessionId, SseEmitter emitter) {
		Set<SseEmitter> streams = this.sessions.get(sessionId);
		if (streams != null && streams.remove(emitter)) {
			this.open.decrementAndGet();
			if (streams.isEmpty()) {
				this.sessions.remove(sessionId);
			}
			log.debug("Chat stream of session {} closed ({} open)", sessionId, this.open.get());
		}
	}

	/** The stream event of an action event, or null when streams do not show it. */
	static String eventName(ActionEvent.Type type) {
		if (type == ActionEvent.Type.CREATED) {
			return "prompt";
		}
		if (type.closesAction()) {
			return "status";
		}
		if (type == ActionEvent.Type.REMINDED) {
			return "reminder";
		}
		// a vote that decides nothing yet changes the tally the conversation shows
		if (type == ActionEvent.Type.VOTED) {
			return "vote";
		}
		// an escalation adds approvers, which changes the tally too
		if (type == ActionEvent.Type.ESCALATED) {
			return "escalation";
		}
		return null;
	}

	private static ErrorResponseException tooMany() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Too many live chat streams are open; try again later, or read the conversation instead");
		problem.setTitle("Too many streams");
		return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
	}

}
