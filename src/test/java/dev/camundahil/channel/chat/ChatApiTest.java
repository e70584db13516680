package dev.camundahil.channel.chat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionQuery;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.channel.ChannelMessage;
import dev.camundahil.channel.OutputChannel;
import dev.camundahil.links.SignedTokens;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat over real HTTP on PostgreSQL: the conversation, answers that resume the process, the live stream, and
 * the signed links of the public page.
 */
@PostgresTest
class ChatApiTest {

	static final String QUESTION = "Ship order 7 today?";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	SignedTokens tokens;

	@Autowired
	List<OutputChannel> channels;

	@Autowired
	ActionService actionRequests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ManagementService management;

	final ObjectMapper json = new ObjectMapper();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	final List<ChatEventStream> openStreams = new ArrayList<>();

	String key;

	String session;

	@BeforeEach
	void deploy() {
		this.key = HilProcesses.key("chat");
		this.session = "chat-session-" + UUID.randomUUID();
		this.repository.createDeployment()
			.addModelInstance(this.key + ".bpmn", ChatProcesses.twoQuestions(this.key))
			.deploy();
	}

	@AfterEach
	void closeStreams() {
		this.openStreams.forEach(ChatEventStream::close);
	}

	@Test
	void theConversationInOrderAndAnswersThatResumeTheProcess() throws Exception {
		ProcessInstance instance = start(QUESTION);

		JsonNode first = get(api("/messages")).json();
		assertThat(first).hasSize(1);
		assertThat(first.get(0).get("role").asText()).isEqualTo("prompt");
		assertThat(first.get(0).get("text").asText()).isEqualTo(QUESTION);
		assertThat(first.get(0).get("options").toString()).isEqualTo("[\"Yes\",\"No\"]");
		assertThat(first.get(0).get("status").asText()).isEqualTo("pending");
		String firstAction = first.get(0).get("actionId").asText();

		Reply answered = post(api("/messages"), "{\"text\": \"yes\", \"user\": \"ann\"}");
		assertThat(answered.status()).as(answered.text()).isEqualTo(200);
		assertThat(answered.json().get("actionId").asText()).isEqualTo(firstAction);
		assertThat(answered.json().get("status").asText()).isEqualTo("completed");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("rate");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Yes");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann");
		assertThat(this.jdbc.queryForMap(
				"SELECT user_id, data FROM action_audit WHERE action_id = ?::uuid AND event = 'completed'", firstAction))
			.containsEntry("user_id", "tests")
			.extractingByKey("data")
			.asString()
			.contains("\"channel\": \"chat\"");

		Reply second = post(api("/messages"), "{\"text\": \"Quick and friendly\"}");
		assertThat(second.status()).as(second.text()).isEqualTo(200);
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Quick and friendly");

		JsonNode conversation = get(api("/messages")).json();
		assertThat(conversation.findValuesAsText("role")).containsExactly("prompt", "answer", "prompt", "answer");
		assertThat(conversation.findValuesAsText("text")).containsExactly(QUESTION, "Yes", ChatProcesses.RATE_MESSAGE,
				"Quick and friendly");
		assertThat(conversation.findValuesAsText("status")).containsOnly("completed");
		assertThat(conversation.get(1).get("user").asText()).isEqualTo("ann");
		assertThat(conversation.get(2).get("options")).isEmpty();
		assertThat(second.json().get("messages")).isEqualTo(conversation);

		assertProblem(post(api("/messages"), "{\"text\": \"anything else?\"}"), 409, "no pending chat question");
	}

	@Test
	void theNewestPendingQuestionIsAnsweredUnlessTheMessageNamesOne() throws Exception {
		ProcessInstance older = start(QUESTION);
		ProcessInstance newer = start("And order 8?");
		String olderAction = get(api("/messages")).json().get(0).get("actionId").asText();

		assertThat(post(api("/messages"), "{\"text\": \"No\"}").status()).isEqualTo(200);
		assertThat(this.runtime.getActiveActivityIds(newer.getId())).containsExactly("rate");
		assertThat(this.runtime.getActiveActivityIds(older.getId())).containsExactly("ask");

		Reply quickReply = post(api("/messages"), "{\"text\": \"Yes\", \"actionId\": \"" + olderAction + "\"}");
		assertThat(quickReply.status()).as(quickReply.text()).isEqualTo(200);
		assertThat(this.runtime.getVariable(older.getId(), "hilResponse")).isEqualTo("Yes");

		assertProblem(post(api("/messages"), "{\"text\": \"Yes\", \"actionId\": \"" + UUID.randomUUID() + "\"}"), 404,
				"No action");
	}

	@Test
	void aRefusedAnswerIsAuditedWithWhoSentItAndChangesNothing() throws Exception {
		ProcessInstance instance = start(QUESTION);
		String action = get(api("/messages")).json().get(0).get("actionId").asText();
		String token = this.tokens.issue("chat", this.session, Instant.now().plusSeconds(600));

		assertProblem(post(api("/messages"), "{\"text\": \"maybe\", \"user\": \"ann\"}"), 400,
				"not one of the expected responses");
		assertProblem(post("/chat/" + this.session + "/messages?token=" + token, "{\"text\": \"perhaps\", \"user\": \"bob\"}"),
				400, "not one of the expected responses");
		assertProblem(post(api("/messages"), "{\"text\": \"" + "x".repeat(70_000) + "\", \"user\": \"carl\"}"), 413,
				"at most 65536");
		assertProblem(post(api("/messages"), "{\"text\": \"   \"}"), 400, "'text' is required");

		List<Map<String, Object>> refusals = this.jdbc.queryForList("""
				SELECT data->>'reason' AS reason, data->>'respondedBy' AS responded_by, data->>'channel' AS channel,
				       user_id
				FROM action_audit WHERE action_id = ?::uuid AND event = 'response_rejected' ORDER BY timestamp""",
				action);
		assertThat(refusals).extracting((refusal) -> refusal.get("responded_by") + " with " + refusal.get("user_id")
				+ " on " + refusal.get("channel"))
			.containsExactly("ann with tests on chat", "bob with chat-link on chat", "carl with tests on chat");
		assertThat(refusals).extracting((refusal) -> (String) refusal.get("reason"))
			.satisfiesExactly((reason) -> assertThat(reason).contains("'maybe' is not one of the expected responses"),
					(reason) -> assertThat(reason).contains("'perhaps' is not one of the expected responses"),
					(reason) -> assertThat(reason).contains("bytes as JSON; at most 65536"));
		assertThat(this.actionRequests.lookup(UUID.fromString(action)).orElseThrow().isPending()).isTrue();
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");
	}

	@Test
	void aCommentBesideTheAnswerIsKeptAndReachesTheProcess() throws Exception {
		ProcessInstance instance = start(QUESTION);

		Reply answered = post(api("/messages"),
				"{\"text\": \"No\", \"user\": \"ann\", \"comment\": \"the van is full\"}");

		assertThat(answered.status()).as(answered.text()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment")).isEqualTo("the van is full");
		assertThat(answered.json().get("messages").findParents("role"))
			.filteredOn((entry) -> entry.get("role").asText().equals("answer"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.get("comment").asText()).isEqualTo("the van is full"));
	}

	@Test
	void noPendingQuestionIsAConflict() throws Exception {
		assertThat(get(api("/messages")).json()).isEmpty();
		assertProblem(post(api("/messages"), "{\"text\": \"hello\"}"), 409,
				"Session '" + this.session + "' has no pending chat question");
	}

	@Test
	void malformedBodiesNameTheProblemAndChangeNothing() throws Exception {
		ProcessInstance instance = start(QUESTION);
		String action = get(api("/messages")).json().get(0).get("actionId").asText();
		String token = this.tokens.issue("chat", this.session, Instant.now().plusSeconds(600));
		for (String path : List.of(api("/messages"), "/chat/" + this.session + "/messages?token=" + token)) {
			assertProblem(post(path, "{\"txt\": \"Yes\"}"), 400, "Unknown field 'txt'");
			assertProblem(post(path, "{\"text\": {\"a\": 1}}"), 400, "'text'");
			assertProblem(post(path, "{\"text\": \"Yes\", \"actionId\": \"nope\"}"), 400, "actionId");
			assertProblem(post(path, "{\"text\": \"Yes\""), 400, "not valid JSON");
			assertProblem(post(path, "[\"Yes\"]"), 400, "JSON object");
			assertProblem(post(path, "{}"), 400, "'text' is required");
			assertProblem(post(path, "null"), 400, "missing");
			assertProblem(send(path, "POST", "text=Yes", "text/plain"), 415, "application/json");
			assertProblem(send(path, "POST", "{\"text\": \"Yes\"}", "application/"), 415, "application/json");
		}
		String large = "{\"text\": \"" + "x".repeat(20_000) + "\"}";
		assertProblem(post("/chat/" + this.session + "/messages?token=" + token, large), 413, "at most 16 KB");

		assertThat(auditEvents(action)).containsExactly("created", "dispatched");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");
	}

	@Test
	void theStreamPushesNewQuestionsAndTheirAnswers() throws Exception {
		ChatEventStream events = stream(api("/stream"), "X-API-Key", "test-key");
		assertThat(events.next("ready")).contains(this.session);

		ProcessInstance instance = start(QUESTION);
		String prompt = events.next("prompt");
		assertThat(prompt).contains("\"event\":\"action.created\"").contains(QUESTION).contains("\"status\":\"pending\"");

		post(api("/messages"), "{\"text\": \"Yes\", \"user\": \"ann\"}");
		String status = events.next("status");
		assertThat(status).contains("\"event\":\"action.completed\"")
			.contains("\"status\":\"completed\"")
			.contains("\"role\":\"answer\"")
			.contains("\"user\":\"ann\"");
		assertThat(events.next("prompt")).as("the next question of the process")
			.contains(ChatProcesses.RATE_MESSAGE);

		this.runtime.deleteProcessInstance(instance.getId(), "test over");
		assertThat(events.next("status")).contains("\"status\":\"cancelled\"").contains("withdrawn");
	}

	@Test
	void streamsAreBoundedPerSession() throws Exception {
		for (int i = 0; i < 20; i++) {
			stream(api("/stream"), "X-API-Key", "test-key").next("ready");
		}
		Reply refused = send(api("/stream"), "GET", null, null, "Accept", "text/event-stream, application/problem+json");
		assertProblem(refused, 503, "Too many live chat streams");
		this.session = "another-" + UUID.randomUUID();
		assertThat(stream(api("/stream"), "X-API-Key", "test-key").next("ready")).contains(this.session);
	}

	@Test
	void aStreamHearsOnlyItsOwnSession() throws Exception {
		ChatEventStream events = stream(api("/stream"), "X-API-Key", "test-key");
		events.next("ready");
		String mine = this.session;
		this.session = "other-" + UUID.randomUUID();
		start("Not for that stream");
		this.session = mine;
		start(QUESTION);

		assertThat(events.next("prompt")).contains(QUESTION).doesNotContain("Not for that stream");
	}

	@Test
	void aLinkOpensThePageAndItsCallsForThatSessionOnly() throws Exception {
		ProcessInstance instance = start(QUESTION);
		Reply linkReply = post(api("/link"), "");
		assertThat(linkReply.status()).as(linkReply.text()).isEqualTo(200);
		String url = linkReply.json().get("url").asText();
		assertThat(url).startsWith("http://localhost:8080/chat/" + this.session + "?token=");
		assertThat(Instant.parse(linkReply.json().get("expiresAt").asText()))
			.isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
		String token = url.substring(url.indexOf("?token=") + 7);
		String page = "/chat/" + this.session;

		Reply opened = get(page + "?token=" + token);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.contentType()).startsWith("text/html");
		assertThat(opened.text()).contains("chat.js").doesNotContain(QUESTION);
		assertThat(get("/hil/chat/chat.js").status()).isEqualTo(200);

		String otherSession = this.tokens.issue("chat", "someone-else", Instant.now().plusSeconds(600));
		String otherPurpose = this.tokens.issue("respond", this.session, Instant.now().plusSeconds(600));
		String expired = this.tokens.issue("chat", this.session, Instant.now().minusSeconds(5));
		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		for (String bad : List.of(otherSession, otherPurpose, tampered, "garbage", "")) {
			Reply refused = get(page + "?token=" + bad);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("text/html");
			assertThat(refused.text()).contains("not valid").doesNotContain("Exception");
			assertProblem(get(page + "/messages?token=" + bad), 403, "not valid");
			assertProblem(send(page + "/messages", "GET", null, null, "X-Chat-Token", bad), 403, "not valid");
			assertProblem(post(page + "/messages?token=" + bad, "{\"text\": \"Yes\"}"), 403, "not valid");
			assertThat(send(page + "/stream?token=" + bad, "GET", null, null, "Accept", "text/event-stream").status())
				.isEqualTo(403);
		}
		assertThat(get(page).status()).isEqualTo(403);
		Reply expiredPage = get(page + "?token=" + expired);
		assertThat(expiredPage.status()).isEqualTo(403);
		assertThat(expiredPage.text()).contains("expired");
		assertProblem(get(page + "/messages?token=" + expired), 403, "expired");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");

		Reply read = send(page + "/messages", "GET", null, null, "X-Chat-Token", token);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get(0).get("text").asText()).isEqualTo(QUESTION);
		Reply answered = post(page + "/messages?token=" + token, "{\"text\": \"No\", \"user\": \"bea\"}");
		assertThat(answered.status()).as(answered.text()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("No");
		String action = read.json().get(0).get("actionId").asText();
		assertThat(this.jdbc.queryForObject(
				"SELECT user_id FROM action_audit WHERE action_id = ?::uuid AND event = 'completed'", String.class,
				action))
			.isEqualTo(PublicChatController.LINK_USER);

		ChatEventStream events = stream(page + "/stream?token=" + token);
		assertThat(events.next("ready")).as("the conversation so far")
			.contains(this.session)
			.contains(QUESTION)
			.contains("\"role\":\"answer\"");
	}

	@Test
	void aLinkForANamedPersonAnswersAsThemWhateverThePageSends() throws Exception {
		ProcessInstance instance = start(QUESTION);
		Reply linkReply = post(api("/link"), "{\"user\": \"ann\"}");
		assertThat(linkReply.status()).as(linkReply.text()).isEqualTo(200);
		assertThat(linkReply.json().get("user").asText()).isEqualTo("ann");
		String url = linkReply.json().get("url").asText();
		String token = url.substring(url.indexOf("?token=") + 7);
		String page = "/chat/" + this.session;

		Reply opened = get(page + "?token=" + token);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.text()).containsPattern("<input id=\"user\"[^>]* value=\"ann\"[^>]* readonly")
			.contains("id=\"comment\"");
		// the person's token opens this session only
		assertThat(get("/chat/someone-else?token=" + token).status()).isEqualTo(403);
		Reply answered = post(page + "/messages?token=" + token, "{\"text\": \"Yes\", \"user\": \"mallory\"}");

		assertThat(answered.status()).as(answered.text()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann");
		assertProblem(post(api("/link"), "{\"user\": \"  \"}"), 400, "'user' must be a name");
		assertProblem(post(api("/link"), "{\"user\": \"ann\\nbob\"}"), 400, "'user' must be a name");
		assertProblem(post(api("/link"), "{\"name\": \"ann\"}"), 400, "name");
	}

	@Test
	void theApiNeedsItsKey() throws Exception {
		for (String path : List.of("/messages", "/stream", "/link")) {
			String method = path.equals("/link") ? "POST" : "GET";
			assertThat(send(api(path), method, null, null, "X-API-Key", "").status()).as(path).isEqualTo(401);
			assertThat(send(api(path), method, null, null, "X-API-Key", "wrong").status()).as(path).isEqualTo(401);
		}
		assertThat(send(api("/messages"), "POST", "{\"text\": \"x\"}", "application/json", "X-API-Key", "").status())
			.isEqualTo(401);
	}

	@Test
	void theChatChannelDeliversInTheCreatingTransaction() throws Exception {
		OutputChannel chat = this.channels.stream().filter((channel) -> "chat".equals(channel.type())).findFirst()
			.orElseThrow();
		assertThat(chat.deliversInTransaction()).isTrue();
		start(QUESTION);
		ActionView view = ActionView.of(this.actionRequests
			.list(new ActionQuery(ActionStatus.PENDING, null, this.session, null, null), PageRequest.of(0, 1))
			.getContent()
			.get(0));
		assertThat(chat.dispatch(new ChannelMessage(view, "chat", ChannelMessage.Purpose.REQUEST)).messageId()).isNull();
		assertThat(this.jdbc.queryForObject(
				"SELECT data FROM action_audit WHERE action_id = ? AND event = 'dispatched'", String.class, view.id()))
			.as("delivered with the action, in its transaction")
			.contains("\"outputType\": \"chat\"")
			.contains("\"channel\": \"hilChatChannel\"");
	}

	@Test
	void anAnswerWhoseProcessFailsAfterwardsStandsAndTheInstanceResumesFromAJob() throws Exception {
		String failing = HilProcesses.deploy(this.repository,
				HilProcesses.failingAfter(HilProcesses.hilTask(HilProcesses.key("chatFailing"), QUESTION, "chat")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(failing, this.session, Map.of("broken", true));

		Reply answered = post(api("/messages"), "{\"text\": \"Not before noon\"}");

		assertThat(answered.status()).as(answered.text()).isEqualTo(200);
		assertThat(answered.json().get("status").asText()).isEqualTo("completed");
		assertThat(auditEvents(answered.json().get("actionId").asText())).contains("completed", "resume_failed");
		assertThat(this.management.createJobQuery().processInstanceId(instance.getId()).count()).isOne();
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");
	}

	@Test
	void aPendingQuestionThatSeveralApproversDecideShowsTheTally() throws Exception {
		String key = HilProcesses.deploy(this.repository, HilProcesses.waitingAfter(
				HilProcesses.hilTask(HilProcesses.key("chat-approval"), QUESTION, "chat")
					.camundaInputParameter("expectedResponse", "Approve, Reject")
					.camundaInputParameter("approval", "all")
					.camundaInputParameter("approvers", "ann, bob")));
		ChatEventStream events = stream(api("/stream"), "X-API-Key", "test-key");
		events.next("ready");
		this.runtime.startProcessInstanceByKey(key, this.session);
		events.next("prompt");
		JsonNode before = get(api("/messages")).json();
		assertThat(before.get(0).get("tally").asText()).isEqualTo("0 of 2 approved");
		String action = before.get(0).get("actionId").asText();

		Reply voted = post("/api/v1/actions/" + action + "/respond",
				"{\"value\": \"Approve\", \"respondedBy\": \"ann\"}");
		assertThat(voted.status()).as(voted.text()).isEqualTo(200);
		assertThat(events.next("vote")).contains("1 of 2 approved");

		JsonNode conversation = get(api("/messages")).json();
		assertThat(conversation.findValuesAsText("role")).containsExactly("prompt");
		assertThat(conversation.get(0).get("status").asText()).isEqualTo("pending");
		assertThat(conversation.get(0).get("tally").asText()).isEqualTo("1 of 2 approved");

		post("/api/v1/actions/" + action + "/respond", "{\"value\": \"Approve\", \"respondedBy\": \"bob\"}");
		JsonNode decided = get(api("/messages")).json();
		assertThat(decided.findValuesAsText("role")).containsExactly("prompt", "answer");
		assertThat(decided.get(0).has("tally")).isFalse();
	}

	@Test
	void anEscalationThatAddsApproversChangesTheTallyTheStreamShows() throws Exception {
		String key = HilProcesses.deploy(this.repository, HilProcesses.waitingAfter(
				HilProcesses.hilTask(HilProcesses.key("chat-escalation"), QUESTION, "chat")
					.camundaInputParameter("expectedResponse", "Approve, Reject")
					.camundaInputParameter("approval", "all")
					.camundaInputParameter("approvers", "ann@example.com")
					.camundaInputParameter("escalation", "PT4H: lead@example.com")));
		ChatEventStream events = stream(api("/stream"), "X-API-Key", "test-key");
		events.next("ready");
		this.runtime.startProcessInstanceByKey(key, this.session);
		events.next("prompt");
		UUID action = UUID.fromString(get(api("/messages")).json().get(0).get("actionId").asText());

		this.actionRequests.escalate(action, 1, List.of("lead@example.com"));

		assertThat(events.next("escalation")).contains("0 of 2 approved");
		assertThat(get(api("/messages")).json().get(0).get("tally").asText()).isEqualTo("0 of 2 approved");
	}

	private ProcessInstance start(String question) {
		return this.runtime.startProcessInstanceByKey(this.key, this.session, Map.of("question", question));
	}

	private String api(String path) {
		return "/api/v1/chat/" + this.session + path;
	}

	private List<String> auditEvents(String action) {
		return this.jdbc.queryForList("SELECT event FROM action_audit WHERE action_id = ?::uuid ORDER BY timestamp",
				String.class, action);
	}

	private ChatEventStream stream(String path, String... headers) {
		ChatEventStream stream = ChatEventStream.open(this.http, uri(path), headers);
		this.openStreams.add(stream);
		return stream;
	}

	private void assertProblem(Reply reply, int status, String detail) throws IOException {
		assertThat(reply.status()).as("status of %s", reply.text()).isEqualTo(status);
		assertThat(reply.contentType()).isEqualTo("application/problem+json");
		assertThat(reply.json().get("detail").asText()).contains(detail);
		assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	private Reply get(String path) throws Exception {
		return send(path, "GET", null, null);
	}

	private Reply post(String path, String body) throws Exception {
		return send(path, "POST", body, "application/json");
	}

	private Reply send(String path, String method, String body, String contentType, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(60))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		Map<String, String> all = new LinkedHashMap<>();
		if (path.startsWith("/api/")) {
			all.put("X-API-Key", "test-key");
		}
		if (contentType != null) {
			all.put("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			all.put(headers[i], headers[i + 1]);
		}
		// an empty value sends no such header at all
		all.values().removeIf(String::isEmpty);
		all.forEach(request::header);
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), this.json);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	record Reply(int status, String contentType, String text, ObjectMapper mapper) {

		JsonNode json() throws IOException {
			return this.mapper.readTree(this.text);
		}

		@Override
		public String contentType() {
			int semicolon = this.contentType.indexOf(';');
			return (semicolon >= 0) ? this.contentType.substring(0, semicolon) : this.contentType;
		}

	}

}
