package dev.camundahil;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start that failed on an {@link InvalidSettingException} the way Spring Boot reports its own settings
 * errors: the setting and its problem, and what to do, instead of a stack trace.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
		return new FailureAnalysis("The setting '" + cause.getProperty() + "' " + cause.getProblem() + ".",
				cause.getAction(), cause);
	}

}
