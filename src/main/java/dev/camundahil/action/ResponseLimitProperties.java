package dev.camundahil.action;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The input limit that actions enforce on responses; one of the {@code hil.security} limits, bound here because
 * actions enforce it in every application, web or not.
 */
@ConfigurationProperties(prefix = "hil.security")
public class ResponseLimitProperties {

	/** Largest response value (as serialized JSON) an action takes; a larger one is refused with 413. */
	private DataSize maxResponseValueSize = DataSize.ofKilobytes(64);

	public DataSize getMaxResponseValueSize() {
		return this.maxResponseValueSize;
	}

	public void setMaxResponseValueSize(DataSize maxResponseValueSize) {
		this.maxResponseValueSize = maxResponseValueSize;
	}

}
