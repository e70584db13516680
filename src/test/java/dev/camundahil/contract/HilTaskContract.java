package dev.camundahil.contract;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a HIL task does on an engine, seen from outside as a person and a client system see it: models with the
 * {@code camunda:} namespace deployed through the engine's REST API, answers by the HIL API, by the signed link of
 * an email and by an email reply, expiry (continuing, or with the BPMN error), cancellation by a boundary event, and
 * webhooks. Only HTTP, SMTP and IMAP are used, so the same tests run against an application on Camunda and one on
 * Operaton; each engine's class says how its application starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HilTaskContract {

	/** The API key of the HIL API. */
	protected static final String API_KEY = "contract-tests-api-key-0123456789";

	/** The address links point to; the tests send them to the application's port. */
	protected static final String BASE_URL = "http://hil.example";

	private static final String MAILBOX = "hil@localhost";

	private static final Pattern LINK = Pattern.compile("href=\"" + Pattern.quote(BASE_URL) + "([^\"]+)\"");

	private static final ObjectMapper json = new ObjectMapper();

	private static final AtomicInteger processes = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private GreenMail mail;

	private WebhookSink webhooks;

	private ContractHost host;

	/** Starts the engine's application with these settings ({@code --name=value}) besides its own. */
	protected abstract ContractHost start(List<String> settings) throws Exception;

	@BeforeAll
	void startHost() throws Exception {
		this.mail = new GreenMail(new ServerSetup[] { ServerSetup.SMTP.dynamicPort(), ServerSetup.IMAP.dynamicPort() });
		this.mail.start();
		this.mail.setUser(MAILBOX, MAILBOX, "secret");
		this.webhooks = new WebhookSink();
		this.host = start(List.of("--hil.security.api-keys=contract:" + API_KEY,
				"--hil.links.secret=contract-tests-links-secret", "--hil.links.base-url=" + BASE_URL,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.mail.getSmtp().getPort(),
				"--hil.mail.from=" + MAILBOX, "--hil.mail.reply-to=" + MAILBOX,
				"--hil.mail.inbound.host=127.0.0.1", "--hil.mail.inbound.port=" + this.mail.getImap().getPort(),
				"--hil.mail.inbound.username=" + MAILBOX, "--hil.mail.inbound.password=secret",
				"--hil.mail.inbound.poll-interval=500ms", "--hil.expiry.interval=200ms",
				"--hil.webhooks.allowed-hosts=127.0.0.1", "--hil.webhooks.interval=200ms",
				"--hil.webhooks.retry-schedule=0s,200ms,200ms", "--hil.webhooks.encryption-key=contract-tests-webhooks",
				"--spring.quartz.scheduler-name=hil-contract-" + UUID.randomUUID()));
	}

	@AfterAll
	void stopHost() throws Exception {
		try {
			if (this.host != null) {
				this.host.close();
			}
		}
		finally {
			this.webhooks.close();
			this.mail.stop();
		}
	}

	@Test
	void aDeployedTaskWaitsAndAnAnswerByTheApiResumesTheInstance() throws Exception {
		String key = deploy((name) -> HilModels.hilTask(name, "", "question", "Approve order ${orderId}?",
				"outputTypes", "chat", "expectedResponse", "Approve,Reject", "out:answer", "${hilResponse}"));
		String instance = startInstance(key, "api-1", Map.of("orderId", Map.of("value", 7)));

		JsonNode action = pendingAction("api-1");
		assertThat(action.path("context").path("question").asText()).isEqualTo("Approve order 7?");
		assertThat(action.path("processInstanceId").asText()).isEqualTo(instance);
		assertThat(userTasks(instance)).isEmpty();
		assertThat(variables(instance).path("hilState").path("value").path("pendingActionId").asText())
			.isEqualTo(action.path("id").asText());

		HttpResponse<String> answered = api("POST", "/api/v1/actions/" + action.path("id").asText() + "/respond",
				"{\"value\":\"approve\",\"respondedBy\":\"ann\"}");

		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(userTasks(instance)).containsExactly("after");
		JsonNode variables = variables(instance);
		assertThat(variables.path("hilStatus").path("value").asText()).isEqualTo("completed");
		assertThat(variables.path("hilResponse").path("value").asText()).isEqualTo("Approve");
		assertThat(variables.path("hilRespondedBy").path("value").asText()).isEqualTo("ann");
		assertThat(variables.path("answer").path("value").asText()).isEqualTo("Approve");
		assertThat(variables.has("hilState")).isFalse();
	}

	@Test
	void anAnswerThatIsAMapIsAJsonVariableThatExpressionsRead() throws Exception {
		String key = deploy((name) -> HilModels.hilTask(name, "", "question", "Details?", "outputTypes", "chat",
				"resultVariable", "review", "out:answer", "${hilResponse}", "out:score", "${hilResponse.score}"));
		String instance = startInstance(key, "map-1", Map.of());
		String action = pendingAction("map-1").path("id").asText();

		HttpResponse<String> answered = api("POST", "/api/v1/actions/" + action + "/respond",
				"{\"value\":{\"score\":4,\"tags\":[\"a\",\"b\"]},\"respondedBy\":\"bob\"}");

		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		JsonNode variables = variables(instance);
		JsonNode response = variables.path("hilResponse");
		assertThat(response.path("type").asText()).isEqualTo("Object");
		assertThat(response.path("valueInfo").path("serializationDataFormat").asText()).isEqualTo("application/json");
		assertThat(response.path("value")).isEqualTo(json.readTree("{\"score\":4,\"tags\":[\"a\",\"b\"]}"));
		assertThat(variables.path("answer").path("value")).as("${hilResponse} in an output parameter")
			.isEqualTo(response.path("value"));
		assertThat(variables.path("score").path("value").asInt()).as("${hilResponse.score}").isEqualTo(4);
		assertThat(variables.path("review").path("value").path("respondedBy").asText()).isEqualTo("bob");
		assertThat(variables.path("review").path("value").path("response").path("score").asInt()).isEqualTo(4);

		HttpResponse<String> changed = send("PUT", "/engine-rest/process-instance/" + instance + "/variables/hilResponse",
				json.writeValueAsString(Map.of("type", "Object", "value", "{\"score\":5}", "valueInfo",
						Map.of("objectTypeName", response.path("valueInfo").path("objectTypeName").asText(),
								"serializationDataFormat", "application/json"))),
				"Content-Type", "application/json");
		assertThat(changed.statusCode()).as("changed as Cockpit does: %s", changed.body()).isEqualTo(204);
		assertThat(variables(instance).path("hilResponse").path("value").path("score").asInt()).isEqualTo(5);
	}

	@Test
	void aLongTextAnswerAndCommentResumeTheInstanceAsText() throws Exception {
		String key = deploy((name) -> HilModels.hilTask(name, "", "question", "What happened?", "outputTypes", "chat",
				"out:length", "${hilResponse.length()}"));
		String instance = startInstance(key, "long-1", Map.of());
		String action = pendingAction("long-1").path("id").asText();
		// longer than the engine's text columns (4000 characters, 2000 on Oracle)
		String answer = "It started on Monday. ".repeat(300).strip();
		String comment = "See the ticket. ".repeat(300).strip();

		HttpResponse<String> answered = api("POST", "/api/v1/actions/" + action + "/respond",
				json.writeValueAsString(Map.of("value", answer, "respondedBy", "ann", "comment", comment)));

		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(userTasks(instance)).containsExactly("after");
		JsonNode variables = variables(instance);
		assertThat(variables.path("hilResponse").path("value").asText()).isEqualTo(answer);
		assertThat(variables.path("hilComment").path("value").asText()).isEqualTo(comment);
		assertThat(variables.path("length").path("value").asInt()).isEqualTo(answer.length());
		assertThat(variables.path("hilRespondedBy").path("type").asText()).isEqualTo("String");

		HttpResponse<String> changed = send("PUT", "/engine-rest/process-instance/" + instance + "/variables/hilComment",
				json.writeValueAsString(Map.of("type", "Object", "value", "\"shorter\"", "valueInfo",
						Map.of("objectTypeName", variables.path("hilComment").path("valueInfo").path("objectTypeName")
							.asText(), "serializationDataFormat", "application/json"))),
				"Content-Type", "application/json");
		assertThat(changed.statusCode()).as("changed as Cockpit does: %s", changed.body()).isEqualTo(204);
		assertThat(variables(instance).path("hilComment").path("value").asText()).isEqualTo("shorter");
	}

	@Test
	void theSignedLinkOfTheEmailAnswers() throws Exception {
		String key = deploy((name) -> HilModels.hilTask(name, "", "question", "Ship order 8?", "outputTypes", "email",
				"to", "link@example.com", "expectedResponse", "Ship,Hold"));
		String instance = startInstance(key, "link-1", Map.of());
		MimeMessage email = emailTo("link@example.com");
		Map<String, String> links = new LinkedHashMap<>();
		Matcher link = LINK.matcher(text(email, "text/html"));
		while (link.find()) {
			String path = link.group(1).replace("&amp;", "&");
			Matcher option = Pattern.compile("option=([^&]+)").matcher(path);
			if (option.find()) {
				links.put(URLDecoder.decode(option.group(1), StandardCharsets.UTF_8), path);
			}
		}
		assertThat(links).containsKeys("Ship", "Hold");

		HttpResponse<String> page = send("GET", links.get("Ship"), null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Ship order 8?");
		assertThat(userTasks(instance)).as("opening the link answers nothing").isEmpty();
		Matcher form = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page.body());
		assertThat(form.find()).isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(page.body());
		while (hidden.find()) {
			fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
		}
		// the link is the recipient's own: the answer is theirs, and the comment goes with it
		fields.put("comment", "before noon");
		String body = fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> confirmed = send("POST", form.group(1).replace("&amp;", "&"), body, "Content-Type",
				"application/x-www-form-urlencoded");

		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(userTasks(instance)).containsExactly("after");
		assertThat(variables(instance).path("hilResponse").path("value").asText()).isEqualTo("Ship");
		assertThat(variables(instance).path("hilRespondedBy").path("value").asText()).isEqualTo("link@example.com");
		assertThat(variables(instance).path("hilComment").path("value").asText()).isEqualTo("before noon");
	}

	@Test
	void aReplyToTheEmailAnswers() throws Exception {
		String key = deploy((name) -> HilModels.hilTask(name, "", "question", "Refund order 9?", "outputTypes", "email",
				"to", "reply@example.com", "expectedResponse", "Refund,Decline"));
		String instance = startInstance(key, "reply-1", Map.of());
		MimeMessage original = emailTo("reply@example.com");

		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(this.mail.getSmtp().getPort()));
		MimeMessage reply = new MimeMessage(Session.getInstance(properties));
		reply.setFrom(new InternetAddress("reply@example.com"));
		reply.setRecipients(Message.RecipientType.TO, original.getReplyTo());
		reply.setSubject("Re: " + original.getSubject());
		reply.setHeader("In-Reply-To", original.getMessageID());
		reply.setHeader("References", original.getMessageID());
		reply.setText("Decline\n\nOn Monday HIL <hil@localhost> wrote:\n> Refund order 9?\n", "UTF-8");
		Transport.send(reply);

		await().atMost(Duration.ofSeconds(30)).until(() -> userTasks(instance).contains("after"));
		JsonNode variables = variables(instance);
		assertThat(variables.path("hilResponse").path("value").asText()).isEqualTo("Decline");
		assertThat(variables.path("hilRespondedBy").path("value").asText()).isEqualTo("reply@example.com");
	}

	@Test
	void anExpiredTaskContinuesWithTheStatusExpired() throws Exception {
		String key = deploy((name) -> HilModels.hilTask(name, "", "question", "Still there?", "outputTypes", "chat",
				"timeout", "PT1S", "onTimeout", "continue"));
		String instance = startInstance(key, "expire-1", Map.of());
		String action = actionOf("expire-1").path("id").asText();

		await().atMost(Duration.ofSeconds(30)).until(() -> userTasks(instance).contains("after"));
		assertThat(variables(instance).path("hilStatus").path("value").asText()).isEqualTo("expired");
		assertThat(actionById(action).path("status").asText()).isEqualTo("expired");
	}

	@Test
	void anExpiredTaskWithOnTimeoutErrorThrowsTheBpmnError() throws Exception {
		String key = deploy((name) -> HilModels.hilTask(name, HilModels.onExpiredError(), "question", "Still there?",
				"outputTypes", "chat", "timeout", "PT1S", "onTimeout", "error"));
		String instance = startInstance(key, "expire-2", Map.of());
		String action = actionOf("expire-2").path("id").asText();

		await().atMost(Duration.ofSeconds(30)).until(() -> userTasks(instance).contains("late"));
		assertThat(actionById(action).path("status").asText()).isEqualTo("expired");
		assertThat(variables(instance).path("hilStatus").path("value").asText()).isEqualTo("expired");
	}

	@Test
	void aBoundaryEventThatLeavesTheTaskCancelsItsAction() throws Exception {
		String key = deploy((name) -> HilModels.hilTask(name, HilModels.onStopMessage(), "question", "Go on?",
				"outputTypes", "chat", "out:answer", "${hilResponse}"));
		String instance = startInstance(key, "cancel-1", Map.of());
		String action = pendingAction("cancel-1").path("id").asText();

		HttpResponse<String> correlated = send("POST", "/engine-rest/message",
				"{\"messageName\":\"stop\",\"processInstanceId\":\"" + instance + "\"}", "Content-Type",
				"application/json");

		assertThat(correlated.statusCode()).as(correlated.body()).isBetween(200, 204);
		assertThat(userTasks(instance)).containsExactly("stopped");
		assertThat(actionById(action).path("status").asText()).isEqualTo("cancelled");
		assertThat(variables(instance).has("answer")).as("no answer, nothing mapped").isFalse();
		HttpResponse<String> late = api("POST", "/api/v1/actions/" + action + "/respond",
				"{\"value\":\"yes\",\"respondedBy\":\"ann\"}");
		assertThat(late.statusCode()).isEqualTo(409);
	}

	@Test
	void aWebhookIsSentSignedWhenAnActionIsAnswered() throws Exception {
		HttpResponse<String> created = api("POST", "/api/v1/webhooks",
				"{\"url\":\"" + this.webhooks.url() + "\",\"events\":[\"action.completed\"]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String secret = json.readTree(created.body()).path("secret").asText();
		String key = deploy((name) -> HilModels.hilTask(name, "", "question", "Notify?", "outputTypes", "chat"));
		startInstance(key, "hook-1", Map.of());
		String action = pendingAction("hook-1").path("id").asText();

		api("POST", "/api/v1/actions/" + action + "/respond", "{\"value\":\"yes\",\"respondedBy\":\"ann\"}");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.webhooks.deliveries().stream().anyMatch((delivery) -> delivery.body().contains(action)));
		WebhookSink.Delivery delivery = this.webhooks.deliveries()
			.stream()
			.filter((candidate) -> candidate.body().contains(action))
			.findFirst()
			.orElseThrow();
		new Webhook(secret).verify(delivery.body(), HttpHeaders.of(delivery.headers(), (name, value) -> true));
		JsonNode event = json.readTree(delivery.body());
		assertThat(event.path("type").asText()).isEqualTo("action.completed");
		assertThat(event.path("data").path("action").path("response").path("value").asText()).isEqualTo("yes");
	}

	/** Deploys the model through the engine's REST API, under a process key of its own; returns the key. */
	private String deploy(java.util.function.Function<String, String> model) throws Exception {
		String key = "contract" + processes.incrementAndGet() + "x" + Long.toHexString(System.nanoTime());
		String boundary = "----contract" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"; filename=\"" + key
				+ ".bpmn\"\r\nContent-Type: application/xml\r\n\r\n" + model.apply(key) + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> deployed = send("POST", "/engine-rest/deployment/create", body, "Content-Type",
				"multipart/form-data; boundary=" + boundary);
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		return key;
	}

	private String startInstance(String key, String businessKey, Map<String, Object> variables) throws Exception {
		HttpResponse<String> started = send("POST", "/engine-rest/process-definition/key/" + key + "/start",
				json.writeValueAsString(Map.of("businessKey", businessKey, "variables", variables)), "Content-Type",
				"application/json");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		return json.readTree(started.body()).path("id").asText();
	}

	/** The one pending action of the conversation (the business key). */
	private JsonNode pendingAction(String sessionId) throws Exception {
		return onlyAction("status=pending&sessionId=" + sessionId);
	}

	/**
	 * The one action of the conversation (the business key), whatever its status: one that expires within a second
	 * may have expired by the time it is read.
	 */
	private JsonNode actionOf(String sessionId) throws Exception {
		return onlyAction("sessionId=" + sessionId);
	}

	private JsonNode onlyAction(String query) throws Exception {
		HttpResponse<String> listed = api("GET", "/api/v1/actions?" + query, null);
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		JsonNode items = json.readTree(listed.body()).path("items");
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	private JsonNode actionById(String id) throws Exception {
		return json.readTree(api("GET", "/api/v1/actions/" + id, null).body());
	}

	private List<String> userTasks(String instance) throws Exception {
		HttpResponse<String> tasks = send("GET", "/engine-rest/task?processInstanceId=" + instance, null);
		List<String> keys = new ArrayList<>();
		json.readTree(tasks.body()).forEach((task) -> keys.add(task.path("taskDefinitionKey").asText()));
		return keys;
	}

	private JsonNode variables(String instance) throws Exception {
		HttpResponse<String> variables = send("GET", "/engine-rest/process-instance/" + instance + "/variables", null);
		assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
		return json.readTree(variables.body());
	}

	private MimeMessage emailTo(String address) {
		await().atMost(Duration.ofSeconds(30)).until(() -> received(address) != null);
		return received(address);
	}

	private MimeMessage received(String address) {
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			try {
				if (List.of(message.getAllRecipients()).stream().anyMatch((to) -> to.toString().contains(address))
						&& message.getSubject() != null && !message.getSubject().startsWith("Re:")) {
					return message;
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return null;
	}

	private static String text(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = text(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private HttpResponse<String> api(String method, String path, String body) throws Exception {
		return (body != null) ? send(method, path, body, "X-API-Key", API_KEY, "Content-Type", "application/json")
				: send(method, path, null, "X-API-Key", API_KEY);
	}

	private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.host.port() + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
