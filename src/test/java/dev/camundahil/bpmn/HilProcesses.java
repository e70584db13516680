package dev.camundahil.bpmn;

import java.util.UUID;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;

/**
 * BPMN models for tests: a HIL task named {@code ask}, followed by a receive task {@code after} that holds the
 * instance so its variables can be read, then the end.
 */
public final class HilProcesses {

	private HilProcesses() {
	}

	/** A fresh process key, so tests never share definitions. */
	public static String key(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	public static ServiceTaskBuilder hilTask(String key, String question, String outputTypes) {
		ServiceTaskBuilder task = Bpmn.createExecutableProcess(key)
			.startEvent()
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}");
		if (question != null) {
			task.camundaInputParameter("question", question);
		}
		if (outputTypes != null) {
			task.camundaInputParameter("outputTypes", outputTypes);
		}
		return task;
	}

	public static BpmnModelInstance waitingAfter(ServiceTaskBuilder task) {
		return task.receiveTask("after").endEvent().done();
	}

	public static BpmnModelInstance approval(String key) {
		return waitingAfter(hilTask(key, "Approve order ${orderId}?", "chat")
			.camundaInputParameter("expectedResponse", "Approve, Reject"));
	}

}
