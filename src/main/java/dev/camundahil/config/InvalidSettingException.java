package dev.camundahil.config;

/**
 * A {@code hil.*} setting the plugin cannot start with. Its message says which setting, what is wrong with it and
 * what to set instead; {@link InvalidSettingFailureAnalyzer} shows it as Spring Boot's start-up failure report.
 */
public class InvalidSettingException extends RuntimeException {

	private final String property;

	private final String problem;

	private final String action;

	/**
	 * @param property the setting, such as {@code hil.links.secret}
	 * @param problem what is wrong with its value, never the value itself (it may be a secret)
	 * @param action what to set instead
	 */
	public InvalidSettingException(String property, String problem, String action) {
		super(property + " " + problem + ". " + action);
		this.property = property;
		this.problem = problem;
		this.action = action;
	}

	public String getProperty() {
		return this.property;
	}

	public String getProblem() {
		return this.problem;
	}

	public String getAction() {
		return this.action;
	}

}
