package example.operatonhost;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The host application with its own model, deployed by Operaton at start from {@code processes/}: the HIL task
 * waits, an answer over the HIL API resumes it, and the engine side keeps Operaton's names.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OperatonHostApplicationTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	ActionService actions;

	@Value("${local.server.port}")
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

	@Test
	void theHostsOwnModelWaitsForAnAnswerAndResumes() throws Exception {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("booking", "booking-1",
				Map.of("room", "Lisbon"));

		ActionRequest action = this.actions.findByProcessInstanceId(instance.getId()).get(0);
		assertThat(action.getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(action.getContext().question()).isEqualTo("Shall I book room Lisbon?");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("confirm");

		HttpResponse<String> answered = post("/api/v1/actions/" + action.getId() + "/respond",
				"{\"value\":\"yes\",\"respondedBy\":\"ann\"}");

		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId("booked")
			.count()).as("the answer's path").isOne();
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("hilResponse")
			.singleResult()
			.getValue()).isEqualTo("Yes");
	}

	@Test
	void aModelInOperatonsOwnNamespaceIsAHilTaskToo() {
		String model = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:operaton="http://operaton.org/schema/1.0/bpmn" id="d" targetNamespace="http://example.com">
				  <bpmn:process id="%s" isExecutable="true" operaton:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start"/>
				    <bpmn:sequenceFlow id="toAsk" sourceRef="start" targetRef="ask"/>
				    <bpmn:serviceTask id="ask" operaton:delegateExpression="${hilTask}">
				      <bpmn:extensionElements>
				        <operaton:inputOutput>
				          %s
				          <operaton:inputParameter name="outputTypes">chat</operaton:inputParameter>
				        </operaton:inputOutput>
				      </bpmn:extensionElements>
				    </bpmn:serviceTask>
				    <bpmn:sequenceFlow id="toEnd" sourceRef="ask" targetRef="end"/>
				    <bpmn:endEvent id="end"/>
				  </bpmn:process>
				</bpmn:definitions>
				""";
		this.repository.createDeployment()
			.addString("operaton.bpmn",
					model.formatted("operatonNamespace", "<operaton:inputParameter name=\"question\">Go?</operaton:inputParameter>"))
			.deploy();
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("operatonNamespace");

		assertThat(this.actions.findByProcessInstanceId(instance.getId())).singleElement()
			.satisfies((action) -> assertThat(action.getContext().question()).isEqualTo("Go?"));
		assertThatThrownBy(() -> this.repository.createDeployment()
			.addString("unasked.bpmn", model.formatted("operatonUnasked", ""))
			.deploy()).as("the deployment check reads operaton: parameters").hasMessageContaining("question");
	}

	@Test
	void theEngineSideHasOperatonsNames() throws Exception {
		assertThat(this.identity.createUserQuery().userId("demo").count()).as("operaton.bpm.admin-user").isOne();
		assertThat(get("/engine-rest/engine").body()).contains("\"default\"");
		assertThat(get("/operaton/app/cockpit/").statusCode()).isEqualTo(200);
		assertThatThrownBy(() -> Class.forName("org.camunda.bpm.engine.ProcessEngine"))
			.as("no Camunda engine on the class path")
			.isInstanceOf(ClassNotFoundException.class);
		assertThatThrownBy(() -> Class.forName("org.operaton.spin.Spin")).as("no Spin on the class path")
			.isInstanceOf(ClassNotFoundException.class);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-API-Key", "operaton-host-api-key-0123456789")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

}
