package dev.camundahil.contract;

/**
 * The models of the contract tests as BPMN XML with the {@code camunda:} extension namespace, as the Modeler and
 * its element template write them: a HIL task {@code ask}, then a user task {@code after} that keeps the instance
 * open for its variables to be read; boundary events lead to user tasks of their own.
 */
final class HilModels {

	private HilModels() {
	}

	/**
	 * A HIL task with these parameters (name, value in turn; a name {@code out:x} is the output parameter
	 * {@code x}) and the boundary events' XML.
	 */
	static String hilTask(String key, String boundaryEvents, String... parameters) {
		StringBuilder inputs = new StringBuilder();
		for (int i = 0; i < parameters.length; i += 2) {
			boolean output = parameters[i].startsWith("out:");
			String kind = output ? "camunda:outputParameter" : "camunda:inputParameter";
			inputs.append("<" + kind + " name=\"")
				.append(output ? parameters[i].substring(4) : parameters[i])
				.append("\">")
				.append(parameters[i + 1])
				.append("</" + kind + ">\n");
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions"
				    targetNamespace="http://camundahil.dev/contract">
				  <bpmn:error id="expiredError" errorCode="HIL_EXPIRED"/>
				  <bpmn:message id="stopMessage" name="stop"/>
				  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start"/>
				    <bpmn:sequenceFlow id="toAsk" sourceRef="start" targetRef="ask"/>
				    <bpmn:serviceTask id="ask" camunda:delegateExpression="${hilTask}">
				      <bpmn:extensionElements>
				        <camunda:inputOutput>
				%2$s
				        </camunda:inputOutput>
				      </bpmn:extensionElements>
				    </bpmn:serviceTask>
				    <bpmn:sequenceFlow id="toAfter" sourceRef="ask" targetRef="after"/>
				    <bpmn:userTask id="after"/>
				    <bpmn:sequenceFlow id="toEnd" sourceRef="after" targetRef="end"/>
				    <bpmn:endEvent id="end"/>
				%3$s
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, inputs, boundaryEvents);
	}

	/** Leaves the task for the user task {@code late} when it expires with {@code onTimeout = error}. */
	static String onExpiredError() {
		return """
				    <bpmn:boundaryEvent id="expired" attachedToRef="ask">
				      <bpmn:errorEventDefinition errorRef="expiredError"/>
				    </bpmn:boundaryEvent>
				    <bpmn:sequenceFlow id="toLate" sourceRef="expired" targetRef="late"/>
				    <bpmn:userTask id="late"/>
				""";
	}

	/** Leaves the task for the user task {@code stopped} when the message {@code stop} arrives. */
	static String onStopMessage() {
		return """
				    <bpmn:boundaryEvent id="stop" attachedToRef="ask">
				      <bpmn:messageEventDefinition messageRef="stopMessage"/>
				    </bpmn:boundaryEvent>
				    <bpmn:sequenceFlow id="toStopped" sourceRef="stop" targetRef="stopped"/>
				    <bpmn:userTask id="stopped"/>
				""";
	}

}
