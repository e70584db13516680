package dev.camundahil.channel.chat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A chat conversation of two HIL tasks: a question with quick replies ({@code ask}, its question taken from the
 * variable {@code question}), then a free-text one ({@code rate}, shown with its chat {@code message}), then a
 * receive task {@code after} that holds the instance so its variables can be read.
 */
final class ChatProcesses {

	static final String RATE_MESSAGE = "Thanks! How was the delivery?";

	private ChatProcesses() {
	}

	static BpmnModelInstance twoQuestions(String key) {
		return Bpmn.createExecutableProcess(key)
			.startEvent()
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "${question}")
			.camundaInputParameter("outputTypes", "chat")
			.camundaInputParameter("expectedResponse", "Yes, No")
			.serviceTask("rate")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Rate the delivery")
			.camundaInputParameter("message", RATE_MESSAGE)
			.camundaInputParameter("outputTypes", "chat")
			.receiveTask("after")
			.endEvent()
			.done();
	}

}
