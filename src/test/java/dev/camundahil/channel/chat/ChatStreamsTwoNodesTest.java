package dev.camundahil.channel.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.PostgresTest;
import dev.camundahil.support.SecondNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database: a chat stream open on this node hears of every change of its session made
 * on the other one (a new question, an answer, an expiry, a reminder), once, and catches up on what its node did not
 * hear when it listens again.
 * <p>
 * No other class has these settings, so the context is closed when the class is done rather than holding its
 * database connections for the rest of the run.
 */
@PostgresTest
@TestPropertySource(properties = { ChatStreamsTwoNodesTest.NO_EXPIRY, ChatStreamsTwoNodesTest.NO_REMINDERS })
@DirtiesContext
class ChatStreamsTwoNodesTest {

	/** Only the other node expires actions (every 200 ms), so that an expiry is certainly its change. */
	static final String NO_EXPIRY = "hil.expiry.enabled=false";

	/** Nor do reminders go out here before the hour is up; the other node sends them every 200 ms. */
	static final String NO_REMINDERS = "hil.reminders.interval=1h";

	static final String QUESTION = "Ship order 9 today?";

	/** How long a change on one node may take to reach a stream on the other: about two seconds, with room for load. */
	static final Duration ACROSS_NODES = Duration.ofSeconds(10);

	private static ConfigurableApplicationContext otherNode;

	/** This context's database, which the other node shares. */
	@Value("${spring.datasource.url}")
	String databaseUrl;

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	ChatConversations conversations;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	String key;

	String session;

	ChatEventStream stream;

	@BeforeEach
	void startOtherNode() {
		if (otherNode == null) {
			otherNode = SecondNode.start(this.databaseUrl, "spring.quartz.scheduler-name=otherChatNode",
					"hil.app.processes-dir=does-not-exist", "hil.expiry.interval=200ms",
					"hil.reminders.interval=200ms");
		}
		this.key = HilProcesses.key("chatnodes");
		this.session = "nodes-" + UUID.randomUUID();
		this.repository.createDeployment()
			.addModelInstance(this.key + ".bpmn", ChatProcesses.twoQuestions(this.key))
			.deploy();
	}

	@AfterEach
	void closeStream() {
		if (this.stream != null) {
			this.stream.close();
		}
	}

	@AfterAll
	static void stopOtherNode() {
		if (otherNode != null) {
			otherNode.close();
			otherNode = null;
		}
	}

	@Test
	void aStreamHearsQuestionsAnswersAndExpiriesOfTheOtherNode() throws Exception {
		assertThat(openStreamAndAskOnTheOtherNode(this.key)).contains("\"event\":\"action.created\"").contains(QUESTION);

		otherNode.getBean(ChatConversations.class).answer(this.session, "yes", "ann", null, "tests");
		assertThat(this.stream.next("status", ACROSS_NODES)).contains("\"event\":\"action.completed\"")
			.contains("\"status\":\"completed\"")
			.contains("\"user\":\"ann\"");
		assertThat(this.stream.next("prompt", ACROSS_NODES)).as("the next question, opened by the other node's answer")
			.contains(ChatProcesses.RATE_MESSAGE);

		this.jdbc.update("UPDATE action_request SET expires_at = now() - interval '1 second' "
				+ "WHERE session_id = ? AND status = 'pending'", this.session);
		assertThat(this.stream.next("status", ACROSS_NODES)).contains("\"event\":\"action.expired\"")
			.contains("\"status\":\"expired\"");
	}

	@Test
	void aStreamHearsOfAReminderTheOtherNodeSends() throws Exception {
		String reminding = HilProcesses.deploy(this.repository,
				waitingAfter(hilTask(HilProcesses.key("chatreminder"), "${question}", "chat")
					.camundaInputParameter("reminder", "PT1S")));
		openStreamAndAskOnTheOtherNode(reminding);

		assertThat(this.stream.next("reminder", ACROSS_NODES)).contains("\"event\":\"action.reminded\"")
			.contains(QUESTION);
	}

	@Test
	void aChangeOnTheStreamsOwnNodeArrivesOnce() throws Exception {
		openStreamAndAskOnTheOtherNode(this.key);

		this.conversations.answer(this.session, "no", null, null, "tests");

		// the answer and the question it led to, then time enough for the change to come back from the database as
		// well, which it must not
		List<String> events = new ArrayList<>(this.stream.untilEach(ACROSS_NODES, "status", "prompt"));
		events.addAll(this.stream.during(Duration.ofSeconds(3)));
		assertThat(events).filteredOn((event) -> event.startsWith("status\n")).hasSize(1);
		assertThat(events).filteredOn((event) -> event.startsWith("prompt\n")).hasSize(1);
	}

	@Test
	void aStreamCatchesUpWithWhatItsNodeDidNotHearWhenItListensAgain() throws Exception {
		openStreamAndAskOnTheOtherNode(this.key);

		// the answer goes unheard here, as a change does while this node's listening connection is down
		ChatNotifier otherNotifier = otherNode.getBean(ChatNotifier.class);
		otherNotifier.stop();
		try {
			otherNode.getBean(ChatConversations.class).answer(this.session, "yes", null, null, "tests");
			assertThat(this.stream.during(Duration.ofSeconds(1))).as("nothing heard of the answer").isEmpty();

			List<Boolean> terminated = this.jdbc.queryForList("SELECT pg_terminate_backend(pid) "
					+ "FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?",
					Boolean.class, ChatNotificationListener.APPLICATION_NAME);
			assertThat(terminated).as("the listening connections of both nodes").hasSize(2).containsOnly(true);
			assertThat(this.stream.next("ready", ACROSS_NODES)).as("the conversation as it is, once listening again")
				.contains("\"role\":\"answer\"")
				.contains(ChatProcesses.RATE_MESSAGE);
		}
		finally {
			otherNotifier.start();
		}

		otherNode.getBean(ChatConversations.class).answer(this.session, "Fine", null, null, "tests");
		String status;
		do {
			// past the first answer's change, which the other node sends late once it notifies again
			status = this.stream.next("status", ACROSS_NODES);
		}
		while (!status.contains("Fine"));
		assertThat(status).as("listening again").contains("\"event\":\"action.completed\"");
	}

	/** Opens a stream of the session on this node, then its first question on the other; returns its prompt. */
	private String openStreamAndAskOnTheOtherNode(String processKey) throws InterruptedException {
		this.stream = ChatEventStream.open(this.http,
				URI.create("http://127.0.0.1:" + this.port + "/api/v1/chat/" + this.session + "/stream"), "X-API-Key",
				"test-key");
		this.stream.next("ready");
		otherNode.getBean(RuntimeService.class)
			.startProcessInstanceByKey(processKey, this.session, Map.of("question", QUESTION));
		return this.stream.next("prompt", ACROSS_NODES);
	}

}
