package dev.camundahil.bpmn;

import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.Process;

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

	/**
	 * The task, then a step {@code afterwards} that throws while the variable {@code broken} is true (it calls a bean
	 * that does not exist), then {@code after}: the instance cannot resume until {@code broken} is set to false.
	 */
	public static BpmnModelInstance failingAfter(ServiceTaskBuilder task) {
		return task.serviceTask("afterwards")
			.camundaExpression("${broken ? noSuchBean.run() : true}")
			.receiveTask("after")
			.endEvent()
			.done();
	}

	/** The key of a model's (first) process. */
	public static String processKey(BpmnModelInstance model) {
		return model.getModelElementsByType(Process.class).iterator().next().getId();
	}

	/** Deploys a model and returns its process key. */
	public static String deploy(RepositoryService repository, BpmnModelInstance model) {
		String key = processKey(model);
		repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
		return key;
	}

	/**
	 * A HIL task {@code ask}, then {@code after}, beside a parallel path whose HIL task {@code askShort} ends that
	 * path once answered: the engine then hands the wait in {@code ask} over to the instance's own execution.
	 */
	public static BpmnModelInstance besideAShortPath(String key) {
		return Bpmn.createExecutableProcess(key)
			.startEvent()
			.parallelGateway("fork")
			.serviceTask("askShort")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Short?")
			.camundaInputParameter("outputTypes", "chat")
			.endEvent("shortEnd")
			.moveToNode("fork")
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Long?")
			.camundaInputParameter("outputTypes", "chat")
			.receiveTask("after")
			.endEvent()
			.done();
	}

	public static BpmnModelInstance approval(String key) {
		return waitingAfter(hilTask(key, "Approve order ${orderId}?", "chat")
			.camundaInputParameter("expectedResponse", "Approve, Reject"));
	}

}
