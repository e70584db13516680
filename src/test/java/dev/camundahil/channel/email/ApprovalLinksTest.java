package dev.camundahil.channel.email;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.support.HilApi.Reply;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several approvers over real HTTP with the emails a real SMTP server received: votes through people's own links
 * and the API mixed, a link showing its owner's vote, the decision shown to everyone, and a recipient who is not an
 * approver refused.
 */
class ApprovalLinksTest extends EmailTestSupport {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void underAllTheToAndCcRecipientsVoteByLinkAndApiAndTheLastApprovalDecides() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("approvalLinks"), "Approve order 41?", "email")
			.camundaInputParameter("to", "ann@vote.example, bob@vote.example")
			.camundaInputParameter("cc", "carol@vote.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("approval", "all")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = actionOf(instance);
		assertThat(action.getArgs()).containsEntry("approvers",
				List.of("ann@vote.example", "bob@vote.example", "carol@vote.example"));
		Map<String, String> ann = emailedLinks("ann@vote.example", action.getId());
		Map<String, String> carol = emailedLinks("carol@vote.example", action.getId());

		HttpResponse<String> annPage = this.pages.get(ann.get("Approve"));
		assertThat(this.pages.confirm(annPage).statusCode()).isEqualTo(200);
		HttpResponse<String> annAgain = this.pages.get(ann.get("Reject"));
		assertThat(annAgain.statusCode()).isEqualTo(409);
		assertThat(annAgain.body()).contains("Answered Approve by ann@vote.example");
		assertThat(this.pages.confirm(annPage).statusCode()).isEqualTo(409);
		Reply bob = this.api.post("/api/v1/actions/" + action.getId() + "/respond",
				"{\"value\": \"Approve\", \"respondedBy\": \"Bob@vote.example\"}");
		assertThat(bob.status()).as("%s", bob.body()).isEqualTo(200);
		assertThat(bob.body().get("tally").get("voted").asInt()).isEqualTo(2);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);

		HttpResponse<String> carolPage = this.pages.get(carol.get("Approve"));
		assertThat(this.pages.confirm(carolPage).statusCode()).isEqualTo(200);

		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.COMPLETED);
		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilResponse", "Approve")
			.containsEntry("hilRespondedBy", "carol@vote.example")
			.containsEntry("hilDecided", true);
		JsonNode votes = this.json.valueToTree(this.runtime.getVariable(instance.getId(), "hilVotes"));
		assertThat(votes.findValuesAsText("by")).containsExactly("ann@vote.example", "bob@vote.example",
				"carol@vote.example");
		assertThat(votes.findValuesAsText("channel")).containsExactly("email-link", "api", "email-link");
		// everyone's links now show the decision
		assertThat(this.pages.get(ann.get("Approve")).body()).contains("Answered Approve by carol@vote.example");
	}

	@Test
	void aRecipientWhoIsNotAnApproverCannotVote() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("approvalOthers"), "Approve order 42?", "email")
			.camundaInputParameter("to", "ann@vote.example, dave@vote.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("approval", "quorum:1")
			.camundaInputParameter("approvers", "ann@vote.example")));
		ActionRequest action = actionOf(this.runtime.startProcessInstanceByKey(key));
		Map<String, String> dave = emailedLinks("dave@vote.example", action.getId());

		HttpResponse<String> davePage = this.pages.get(dave.get("Reject"));
		HttpResponse<String> refused = this.pages.confirm(davePage);

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.actions.find(action.getId()).getVotes()).isEmpty();
	}

	@Test
	void aReassignmentPassesTheVoteOfTheApproversItRemoves() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("approvalPassed"), "Approve order 43?", "email")
			.camundaInputParameter("to", "ann@vote.example, bob@vote.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("approval", "all")));
		ActionRequest action = actionOf(this.runtime.startProcessInstanceByKey(key));
		emailedLinks("ann@vote.example", action.getId());

		this.actions.reassign(action.getId(), new dev.camundahil.action.Reassignment(List.of("ann@vote.example"),
				List.of("erin@vote.example"), "Ann is away", "clerk", false));

		assertThat(this.actions.find(action.getId()).getArgs().get("approvers"))
			.isEqualTo(List.of("bob@vote.example", "erin@vote.example"));
		Reply ann = this.api.post("/api/v1/actions/" + action.getId() + "/respond",
				"{\"value\": \"Approve\", \"respondedBy\": \"ann@vote.example\"}");
		assertThat(ann.status()).isEqualTo(403);
		Map<String, String> erin = emailedLinks("erin@vote.example", action.getId());
		HttpResponse<String> erinPage = this.pages.get(erin.get("Approve"));
		assertThat(this.pages.confirm(erinPage).statusCode()).isEqualTo(200);
		this.api.post("/api/v1/actions/" + action.getId() + "/respond",
				"{\"value\": \"Approve\", \"respondedBy\": \"bob@vote.example\"}");

		assertThat(this.actions.find(action.getId()).getResponse().value()).isEqualTo("Approve");
		assertThat(this.actions.find(action.getId()).getVotes()).extracting((vote) -> vote.by())
			.containsExactly("erin@vote.example", "bob@vote.example");
	}

}
