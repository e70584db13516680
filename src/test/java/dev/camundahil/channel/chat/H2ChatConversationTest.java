package dev.camundahil.channel.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionConflictException;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.H2Test;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conversation on the embedded H2 database the standalone app runs on by default.
 */
@H2Test
class H2ChatConversationTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ChatConversations conversations;

	@Autowired
	ChatNotifier notifier;

	@LocalServerPort
	int port;

	@Test
	void aConversationOfTwoQuestions() {
		String key = HilProcesses.key("h2chat");
		String session = "h2-" + UUID.randomUUID();
		this.repository.createDeployment().addModelInstance(key + ".bpmn", ChatProcesses.twoQuestions(key)).deploy();
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, session, Map.of("question", "Ready?"));

		this.conversations.answer(session, "no", "ann", null, "tests");
		ChatReply reply = this.conversations.answer(session, "Fine", null, null, "tests");

		assertThat(reply.messages()).extracting(ChatMessage::role).containsExactly("prompt", "answer", "prompt", "answer");
		assertThat(reply.messages()).extracting(ChatMessage::text)
			.containsExactly("Ready?", "No", ChatProcesses.RATE_MESSAGE, "Fine");
		assertThat(this.conversations.messages(session)).isEqualTo(reply.messages());
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).isEqualTo(List.of("after"));
		assertThatThrownBy(() -> this.conversations.answer(session, "more", null, null, "tests"))
			.isInstanceOf(ActionConflictException.class)
			.hasMessageContaining("no pending chat question");
	}

	@Test
	void aStreamHearsTheChangesOfItsOneNodeWithoutTheDatabase() throws Exception {
		String key = HilProcesses.key("h2stream");
		String session = "h2-stream-" + UUID.randomUUID();
		this.repository.createDeployment().addModelInstance(key + ".bpmn", ChatProcesses.twoQuestions(key)).deploy();
		HttpClient http = HttpClient.newHttpClient();
		try (ChatEventStream stream = ChatEventStream.open(http,
				URI.create("http://127.0.0.1:" + this.port + "/api/v1/chat/" + session + "/stream"), "X-API-Key",
				"test-key")) {
			stream.next("ready");
			this.runtime.startProcessInstanceByKey(key, session, Map.of("question", "Ready?"));
			assertThat(stream.next("prompt")).contains("Ready?");
			this.conversations.answer(session, "yes", null, null, "tests");
			assertThat(stream.next("status")).contains("\"status\":\"completed\"");
		}
		assertThat(this.notifier.isActive()).as("H2 is one node: nothing to tell others").isFalse();
	}

}
