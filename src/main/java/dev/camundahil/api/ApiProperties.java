package dev.camundahil.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the actions API, under {@code hil.api}.
 */
@ConfigurationProperties(prefix = ApiProperties.PREFIX)
public class ApiProperties {

	public static final String PREFIX = "hil.api";

	/**
	 * Whether the 409 problem of an answer that came after the action closed shows the answer that was recorded (its
	 * value and comment); who answered and when are always shown.
	 */
	private boolean lateAnswerShowsResponse = true;

	public boolean isLateAnswerShowsResponse() {
		return this.lateAnswerShowsResponse;
	}

	public void setLateAnswerShowsResponse(boolean lateAnswerShowsResponse) {
		this.lateAnswerShowsResponse = lateAnswerShowsResponse;
	}

}
