package dev.camundahil.channel.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing HIL emails. The mailbox that replies arrive in has settings of its own under {@code hil.mail.inbound}.
 */
@ConfigurationProperties(prefix = "hil.mail")
public class EmailProperties {

	/** Sender address of HIL emails; its domain also ends every generated {@code Message-ID}. */
	private String from = "camunda-hil@localhost";

	/** Reply-To of HIL emails: the mailbox that {@code hil.mail.inbound.*} reads. Replies go to From when empty. */
	private String replyTo;

	/** Whether the Reply-To carries the action id as a plus-address ({@code hil+<id>@example.com}). */
	private boolean replyToPlusAddress = false;

	/** Directory that file attachments are read from; file attachments are refused while it is empty. */
	private String attachmentDir;

	/**
	 * Directory with templates that replace the built-in ones ({@code email.html}, {@code respond.html});
	 * {@code classpath:hil/templates/} is looked at after it.
	 */
	private String templateDir;

	/**
	 * How long an SMTP connection stays open after an email for the next one to use. Opening a connection per email
	 * (TCP, greeting, EHLO, any STARTTLS and login) limits a dispatch worker to a few dozen emails a second. Keep it
	 * below the server's own idle timeout (RFC 5321 suggests five minutes); zero opens a connection per email.
	 */
	private Duration connectionIdleTimeout = Duration.ofSeconds(30);

	/** How many emails one SMTP connection carries before a new one is opened; some servers limit it. */
	private int maxEmailsPerConnection = 100;

	public String getFrom() {
		return this.from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getReplyTo() {
		return this.replyTo;
	}

	public void setReplyTo(String replyTo) {
		this.replyTo = replyTo;
	}

	public boolean isReplyToPlusAddress() {
		return this.replyToPlusAddress;
	}

	public void setReplyToPlusAddress(boolean replyToPlusAddress) {
		this.replyToPlusAddress = replyToPlusAddress;
	}

	public String getAttachmentDir() {
		return this.attachmentDir;
	}

	public void setAttachmentDir(String attachmentDir) {
		this.attachmentDir = attachmentDir;
	}

	public String getTemplateDir() {
		return this.templateDir;
	}

	public void setTemplateDir(String templateDir) {
		this.templateDir = templateDir;
	}

	public Duration getConnectionIdleTimeout() {
		return this.connectionIdleTimeout;
	}

	public void setConnectionIdleTimeout(Duration connectionIdleTimeout) {
		this.connectionIdleTimeout = connectionIdleTimeout;
	}

	public int getMaxEmailsPerConnection() {
		return this.maxEmailsPerConnection;
	}

	public void setMaxEmailsPerConnection(int maxEmailsPerConnection) {
		this.maxEmailsPerConnection = maxEmailsPerConnection;
	}

}
