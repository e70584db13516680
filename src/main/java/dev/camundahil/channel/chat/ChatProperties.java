package dev.camundahil.channel.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The chat channel and its page.
 */
@ConfigurationProperties(prefix = "hil.chat")
public class ChatProperties {

	/** How long a chat page link stays valid after it is issued. */
	private Duration linkLifetime = Duration.ofHours(24);

	/** How long one live stream stays open; browsers reconnect by themselves when it ends. */
	private Duration streamTimeout = Duration.ofMinutes(30);

	/** How often an open stream gets a heartbeat comment, so proxies keep it open and dead ones are noticed. */
	private Duration heartbeatInterval = Duration.ofSeconds(15);

	/** Most live streams open at once on this node; more are refused with 503. */
	private int maxStreams = 1000;

	/** Most live streams open at once for one session on this node; more are refused with 503. */
	private int maxStreamsPerSession = 20;

	/** How many questions (newest) a conversation shows, with their answers. */
	private int historySize = 200;

	/** Largest message body the public chat page may post; a larger one is refused with 413. */
	private DataSize maxMessageSize = DataSize.ofKilobytes(16);

	/**
	 * Whether streams hear of changes made on other nodes of the same PostgreSQL database (LISTEN/NOTIFY on channel
	 * {@code hil_chat}; each web node keeps one pooled connection listening). Used on PostgreSQL only; a single node
	 * may switch it off.
	 */
	private boolean crossNodeStreams = true;

	public Duration getLinkLifetime() {
		return this.linkLifetime;
	}

	public void setLinkLifetime(Duration linkLifetime) {
		this.linkLifetime = linkLifetime;
	}

	public Duration getStreamTimeout() {
		return this.streamTimeout;
	}

	public void setStreamTimeout(Duration streamTimeout) {
		this.streamTimeout = streamTimeout;
	}

	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	public int getMaxStreams() {
		return this.maxStreams;
	}

	public void setMaxStreams(int maxStreams) {
		this.maxStreams = maxStreams;
	}

	public int getMaxStreamsPerSession() {
		return this.maxStreamsPerSession;
	}

	public void setMaxStreamsPerSession(int maxStreamsPerSession) {
		this.maxStreamsPerSession = maxStreamsPerSession;
	}

	public int getHistorySize() {
		return this.historySize;
	}

	public void setHistorySize(int historySize) {
		this.historySize = historySize;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public boolean isCrossNodeStreams() {
		return this.crossNodeStreams;
	}

	public void setCrossNodeStreams(boolean crossNodeStreams) {
		this.crossNodeStreams = crossNodeStreams;
	}

}
