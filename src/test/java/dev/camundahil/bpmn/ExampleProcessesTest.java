package dev.camundahil.bpmn;

import java.io.File;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionRequestRepository;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example processes under {@code processes/} are deployed at start and run, and the Camunda Modeler element
 * template only binds parameters the HIL task knows.
 */
@PostgresTest
class ExampleProcessesTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ActionService actions;

	@Autowired
	ActionRequestRepository actionRequests;

	@Test
	void everyExampleIsDeployedAtStart() {
		for (File file : new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
			String key = HilProcesses.processKey(org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(file));
			assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
				.as("definition of %s", file)
				.isPositive();
		}
	}

	@Test
	void theChatConfirmationRunsToTheEnd() {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("chatConfirmation", "booking-1");
		ActionRequest action = this.actionRequests.findByProcessInstanceId(instance.getId())
			.stream()
			.findFirst()
			.orElseThrow();

		this.actions.respond(action.getId(), ResponseCommand.of("yes", "ann"));

		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getEndTime()).isNotNull();
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("hilResponse")
			.singleResult()
			.getValue()).isEqualTo("Yes");
	}

	@Test
	void theElementTemplateBindsOnlyRealParameters() throws Exception {
		JsonNode template = new ObjectMapper().readTree(new File("processes/hil-task.element-template.json")).get(0);
		assertThat(template.get("appliesTo").get(0).asText()).isEqualTo("bpmn:ServiceTask");
		int parameters = 0;
		for (JsonNode property : template.get("properties")) {
			JsonNode binding = property.get("binding");
			if ("camunda:inputParameter".equals(binding.get("type").asText())) {
				assertThat(HilTaskParameters.KNOWN).as("parameter bound by '%s'", property.get("label").asText())
					.contains(binding.get("name").asText());
				parameters++;
			}
			else {
				assertThat(binding.get("name").asText()).isEqualTo("camunda:delegateExpression");
				assertThat(property.get("value").asText()).isEqualTo(HilTaskParseListener.DELEGATE_EXPRESSION);
			}
		}
		assertThat(parameters).isGreaterThanOrEqualTo(15);
	}

	@Test
	void aTaskFilledInAsTheTemplateWritesItDeploysAndRuns() throws Exception {
		JsonNode template = new ObjectMapper().readTree(new File("processes/hil-task.element-template.json")).get(0);
		String key = HilProcesses.key("template");
		ServiceTaskBuilder task = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key)
			.startEvent()
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}");
		Map<String, String> sample = Map.of("question", "Ship it?", "outputTypes", "chat", "expectedResponse",
				"Ship,Hold", "timeout", "PT2H", "onTimeout", "continue", "reminder", "PT1H");
		for (JsonNode property : template.get("properties")) {
			JsonNode binding = property.get("binding");
			if ("camunda:inputParameter".equals(binding.get("type").asText())) {
				// an empty field in the Modeler is written as an empty parameter
				task.camundaInputParameter(binding.get("name").asText(),
						sample.getOrDefault(binding.get("name").asText(), ""));
			}
		}
		BpmnModelInstance model = HilProcesses.waitingAfter(task);
		this.repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();

		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = this.actionRequests.findByProcessInstanceId(instance.getId())
			.stream()
			.findFirst()
			.orElseThrow();
		assertThat(action.getOutputTypes()).containsExactly("chat");
		assertThat(action.getArgs()).containsEntry("expectedResponse", List.of("Ship", "Hold"));
		assertThat(action.getSessionId()).isEqualTo(instance.getId());
	}

}
