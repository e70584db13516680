package dev.camundahil.reply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.camundahil.InvalidSettingException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mailbox that email replies arrive in (the {@code Reply-To} of every HIL email). Reading it is off while
 * {@code host} is not set.
 */
@ConfigurationProperties(prefix = "hil.mail.inbound")
public class InboundMailProperties implements InitializingBean {

	/** Mail store protocol: imap or imaps. */
	private String protocol = "imap";

	/** IMAP server host; replies are not read while this is empty. */
	private String host;

	/** IMAP server port; the protocol's default when not set. */
	private Integer port;

	/** Mailbox user name. */
	private String username;

	/** Mailbox password. */
	private String password;

	/** Folder that replies arrive in. */
	private String folder = "INBOX";

	/** How often the mailbox is read. */
	private Duration pollInterval = Duration.ofSeconds(30);

	/** How many new messages one poll reads at most before it is called again. */
	private int batchSize = 50;

	/**
	 * Threads that handle the messages of one read side by side; replies to the same action are handled one after
	 * another, in mailbox order.
	 */
	private int workers = 4;

	/** What happens to a message once handled: mark it seen, or move it to {@link #moveTo}. */
	private AfterProcessing afterProcessing = AfterProcessing.MARK_SEEN;

	/** Folder that handled messages are moved to when {@code after-processing} is {@code move}. */
	private String moveTo = "Processed";

	/** Connection and read timeout of the mail store. */
	private Duration timeout = Duration.ofSeconds(20);

	/**
	 * How many times a message whose handling fails is tried, one attempt per poll, before it is left failed (in
	 * the mailbox, unmarked) for good.
	 */
	private int maxAttempts = 5;

	/**
	 * Whether a reply counts only when the receiving server vouches for its sender: an Authentication-Results header
	 * of a trusted authserv-id says dmarc=pass, or dkim=pass for a domain aligned with the From domain. Recommended
	 * for mailboxes that receive mail from the internet.
	 */
	private boolean requireAuthenticatedSender = false;

	/**
	 * The authserv-ids of the receiving mail servers whose Authentication-Results headers are believed (for example
	 * mx.example.com); headers of any other id are ignored.
	 */
	private List<String> trustedAuthservIds = new ArrayList<>();

	public boolean isRequireAuthenticatedSender() {
		return this.requireAuthenticatedSender;
	}

	public void setRequireAuthenticatedSender(boolean requireAuthenticatedSender) {
		this.requireAuthenticatedSender = requireAuthenticatedSender;
	}

	public List<String> getTrustedAuthservIds() {
		return this.trustedAuthservIds;
	}

	public void setTrustedAuthservIds(List<String> trustedAuthservIds) {
		this.trustedAuthservIds = trustedAuthservIds;
	}

	public boolean isEnabled() {
		return this.host != null && !this.host.isBlank();
	}

	public String getProtocol() {
		return this.protocol;
	}

	public void setProtocol(String protocol) {
		this.protocol = protocol;
	}

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public Integer getPort() {
		return this.port;
	}

	public void setPort(Integer port) {
		this.port = port;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getFolder() {
		return this.folder;
	}

	public void setFolder(String folder) {
		this.folder = folder;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public int getWorkers() {
		return this.workers;
	}

	public void setWorkers(int workers) {
		this.workers = workers;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public AfterProcessing getAfterProcessing() {
		return this.afterProcessing;
	}

	public void setAfterProcessing(AfterProcessing afterProcessing) {
		this.afterProcessing = afterProcessing;
	}

	public String getMoveTo() {
		return this.moveTo;
	}

	public void setMoveTo(String moveTo) {
		this.moveTo = moveTo;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public enum AfterProcessing {

		/** Leave the message where it is, flagged as seen. */
		MARK_SEEN,

		/** Move the message to the {@code move-to} folder. */
		MOVE

	}

	@Override
	public void afterPropertiesSet() {
		InvalidSettingException.requireAtLeast("hil.mail.inbound.max-attempts", this.maxAttempts, 1);
		if (this.requireAuthenticatedSender && this.trustedAuthservIds.stream().allMatch(String::isBlank)) {
			throw new InvalidSettingException("hil.mail.inbound.trusted-authserv-ids",
					"is empty while hil.mail.inbound.require-authenticated-sender is true, so no reply could count",
					"Set it to the authserv-id that your receiving mail server writes in its Authentication-Results "
							+ "headers (for example mx.example.com), or turn require-authenticated-sender off");
		}
	}

}
