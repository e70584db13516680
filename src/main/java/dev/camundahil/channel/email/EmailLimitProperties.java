package dev.camundahil.channel.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The input limits of emails, sent and read; two of the {@code hil.security} limits, bound here because emails
 * meet them whether or not the application serves the HIL API.
 */
@ConfigurationProperties(prefix = "hil.security")
public class EmailLimitProperties {

	/** Largest email body (text or HTML) the email channel sends or reads. */
	private DataSize maxEmailBodySize = DataSize.ofKilobytes(512);

	/** Largest single email attachment the email channel sends or reads. */
	private DataSize maxAttachmentSize = DataSize.ofMegabytes(10);

	public DataSize getMaxEmailBodySize() {
		return this.maxEmailBodySize;
	}

	public void setMaxEmailBodySize(DataSize maxEmailBodySize) {
		this.maxEmailBodySize = maxEmailBodySize;
	}

	public DataSize getMaxAttachmentSize() {
		return this.maxAttachmentSize;
	}

	public void setMaxAttachmentSize(DataSize maxAttachmentSize) {
		this.maxAttachmentSize = maxAttachmentSize;
	}

}
