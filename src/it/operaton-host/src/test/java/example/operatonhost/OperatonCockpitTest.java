package example.operatonhost;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.contract.CockpitSession;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HIL view in Operaton's Cockpit, over HTTP as its script calls it: Operaton serves the plugin's script, and its
 * admin user, in Operaton's own admin group, reads an instance's actions, extends one, is told that a chat task cannot
 * be passed on by email, and cancels it, with the Cockpit session and CSRF token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OperatonCockpitTest {

	static final String API = "/operaton/api/cockpit/plugin/hil/default";

	@Autowired
	RuntimeService runtime;

	@Autowired
	ActionService actions;

	@Value("${local.server.port}")
	int port;

	@Test
	void operatonsAdminSeesExtendsAndCancelsAnActionInCockpit() throws Exception {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("booking", "booking-cockpit",
				Map.of("room", "Porto"));
		ActionRequest action = this.actions.findByProcessInstanceId(instance.getId()).get(0);
		CockpitSession admin = new CockpitSession(this.port, "/operaton");
		admin.logIn("demo", "demo");

		HttpResponse<String> script = admin.get("/operaton/api/cockpit/plugin/hil/static/app/plugin.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("Human tasks");

		HttpResponse<String> view = admin.get(API + "/process-instance/" + instance.getId());
		assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
		assertThat(view.body()).contains(action.getId().toString())
			.contains("Shall I book room Porto?")
			.contains("\"mayAct\":true");

		HttpResponse<String> extended = admin.post(API + "/actions/" + action.getId() + "/extend",
				"{\"by\": \"P1D\"}", true);
		assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
		assertThat(this.actions.find(action.getId()).getExpiresAt()).isAfter(action.getExpiresAt());

		HttpResponse<String> notByEmail = admin.post(API + "/actions/" + action.getId() + "/reassign",
				"{\"to\": [\"bob@example.com\"]}", true);
		assertThat(notByEmail.statusCode()).as(notByEmail.body()).isEqualTo(400);
		assertThat(notByEmail.body()).contains("by email");

		HttpResponse<String> cancelled = admin.post(API + "/actions/" + action.getId() + "/cancel", true);
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.CANCELLED);
		assertThat(this.actions.auditTrail(action.getId()))
			.anyMatch((entry) -> "cancelled".equals(entry.getEvent()) && "demo".equals(entry.getUserId()));
	}

}
