package dev.camundahil.host;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import example.jpahost.JpaHostApplication;
import example.plainhost.PlainHostApplication;

import dev.camundahil.support.HostApplication;
import dev.camundahil.support.HostApplication.OptionalPart;
import dev.camundahil.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The plugin in applications whose own settings differ from Spring Boot's defaults: the HIL API keeps its contract
 * and the application keeps its settings.
 */
class HostSettingsTest {

	static final String KEY = "host-settings-key-0123456789";

	static final String JSON = "application/json";

	final ObjectMapper json = new ObjectMapper();

	/**
	 * Jackson set otherwise (snake case, dates as numbers, unknown properties refused), a context path, and the
	 * application's own Flyway migrations: the HIL API under the context path keeps its camel case and ISO dates and
	 * reads its requests as documented, as do the webhooks' payloads, while the application's JSON keeps the
	 * application's settings and its Flyway history only the application's scripts.
	 */
	@Test
	void jacksonSettingsAndContextPathOfTheApplication() throws Exception {
		List<String> payloads = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		receiver.createContext("/hook", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				payloads.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		try (HostApplication host = HostApplication.start(PlainHostApplication.class, EnumSet.allOf(OptionalPart.class),
				"--spring.flyway.locations=classpath:example/plainhost/db", "--server.servlet.context-path=/app",
				"--spring.jackson.property-naming-strategy=SNAKE_CASE",
				"--spring.jackson.serialization.write-dates-as-timestamps=true",
				"--spring.jackson.deserialization.fail-on-unknown-properties=true",
				"--hil.webhooks.allowed-hosts=127.0.0.1", "--hil.webhooks.encryption-key=host-settings-webhook-key",
				"--hil.security.api-keys=host-app:" + KEY)) {
			JsonNode greeting = this.json.readTree(host.get("/app/greeting").body());
			assertThat(greeting.has("greeting_text")).as(greeting.toString()).isTrue();
			assertThat(greeting.get("sent_at").isNumber()).as(greeting.toString()).isTrue();
			assertThat(this.json.readTree(host.get("/app/migrations").body())).extracting(JsonNode::asText)
				.containsExactly("V1__greeting.sql");

			HttpResponse<String> webhook = host.send("POST", "/app/api/v1/webhooks",
					"{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort()
							+ "/hook\", \"events\": [\"*\"]}",
					"X-API-Key", KEY, "Content-Type", JSON);
			assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);

			String process = host.deployApproval("/app");
			HttpResponse<String> started = host.send("POST",
					"/app/engine-rest/process-definition/key/" + process + "/start",
					"{\"variables\": {\"orderId\": {\"value\": 1, \"type\": \"Integer\"}}}", "Content-Type", JSON);
			assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
			HttpResponse<String> list = host.get("/app/api/v1/actions?flowId=" + process, "X-API-Key", KEY);
			assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
			JsonNode page = this.json.readTree(list.body());
			assertThat(page.get("total")).as(list.body()).isNotNull();
			JsonNode action = page.get("items").get(0);
			assertThat(action.get("flowId").asText()).as(list.body()).isEqualTo(process);
			assertThat(action.get("createdAt").isTextual()).as(list.body()).isTrue();
			UUID id = UUID.fromString(action.get("id").asText());

			HttpResponse<String> answer = host.send("POST", "/app/api/v1/actions/" + id + "/respond",
					"{\"value\": \"Approve\", \"respondedBy\": \"ann@example.com\", \"comment\": \"fine\"}",
					"X-API-Key", KEY, "Content-Type", JSON);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			JsonNode answered = this.json.readTree(answer.body());
			assertThat(answered.get("response").get("respondedBy").asText()).as(answer.body())
				.isEqualTo("ann@example.com");
			assertThat(answered.get("response").get("timestamp").isTextual()).as(answer.body()).isTrue();

			assertThat(host.get("/app/jobs").body()).as("the HIL jobs in their group, the application's in its own")
				.contains("hil.", "\"reports.nightly\"");

			HttpResponse<String> audit = host.get("/app/api/v1/actions/" + id + "/audit", "X-API-Key", KEY);
			assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
			assertThat(this.json.readTree(audit.body()).get(0).has("userId")).as(audit.body()).isTrue();

			HttpResponse<String> late = host.send("POST", "/app/api/v1/actions/" + id + "/respond",
					"{\"value\": \"Reject\"}", "X-API-Key", KEY, "Content-Type", JSON);
			assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
			assertThat(this.json.readTree(late.body()).get("respondedAt").isTextual()).as(late.body()).isTrue();

			await().atMost(Duration.ofSeconds(10)).until(() -> !payloads.isEmpty());
			JsonNode payload = this.json.readTree(payloads.get(0));
			assertThat(payload.get("timestamp").isTextual()).as(payloads.get(0)).isTrue();
			assertThat(payload.get("data").get("action").get("flowId").asText()).as(payloads.get(0))
				.isEqualTo(process);
		}
		finally {
			receiver.stop(0);
		}
	}

	/**
	 * Beans created lazily and Camunda's job executor off: the HIL jobs are still in the application's scheduler, and
	 * an answer resumes its process in the answer's own transaction, without a job.
	 */
	@Test
	void lazyInitializationAndNoJobExecutor() throws Exception {
		try (HostApplication host = HostApplication.start(PlainHostApplication.class, EnumSet.allOf(OptionalPart.class),
				"--spring.flyway.locations=classpath:example/plainhost/db", "--server.servlet.context-path=/app",
				"--spring.main.lazy-initialization=true", "--camunda.bpm.job-execution.enabled=false",
				"--hil.security.api-keys=host-app:" + KEY)) {
			assertThat(host.get("/app/jobs").body()).contains("hil.");

			String process = host.deployApproval("/app");
			HttpResponse<String> started = host.send("POST",
					"/app/engine-rest/process-definition/key/" + process + "/start",
					"{\"variables\": {\"orderId\": {\"value\": 1, \"type\": \"Integer\"}}}", "Content-Type", JSON);
			assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
			String id = this.json.readTree(host.get("/app/api/v1/actions?flowId=" + process, "X-API-Key", KEY).body())
				.get("items")
				.get(0)
				.get("id")
				.asText();
			HttpResponse<String> answer = host.send("POST", "/app/api/v1/actions/" + id + "/respond",
					"{\"value\": \"Approve\"}", "X-API-Key", KEY, "Content-Type", JSON);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			assertThat(host.get("/app/engine-rest/execution/count?activityId=after&processDefinitionKey=" + process)
				.body()).isEqualTo("{\"count\":1}");
		}
	}

	/**
	 * JPA entities of the application's own, with Hibernate validating every table instead of making them: the
	 * plugin's entity passes the check against the plugin's migrated table, and the webhook API works.
	 */
	@Test
	void jpaEntitiesOfTheApplicationValidated() throws Exception {
		try (HostApplication host = HostApplication.start(JpaHostApplication.class, EnumSet.allOf(OptionalPart.class),
				"--spring.flyway.locations=classpath:example/jpahost/db", "--spring.jpa.hibernate.ddl-auto=validate",
				"--hil.webhooks.allowed-hosts=127.0.0.1", "--hil.webhooks.encryption-key=host-settings-webhook-key",
				"--hil.security.api-keys=host-app:" + KEY)) {
			assertThat(host.get("/invoices/count").body()).isEqualTo("1");
			HttpResponse<String> webhook = host.send("POST", "/api/v1/webhooks",
					"{\"url\": \"http://127.0.0.1:9/hil\", \"events\": [\"*\"]}", "X-API-Key", KEY,
					"Content-Type", JSON);
			assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
			assertThat(host.get("/api/v1/webhooks", "X-API-Key", KEY).body()).contains("127.0.0.1:9/hil");
		}
	}

	/** The same on PostgreSQL, where Hibernate checks the plugin's table against PostgreSQL's column types. */
	@Test
	void jpaEntitiesOfTheApplicationValidatedOnPostgres() throws Exception {
		try (HostApplication host = HostApplication.start(JpaHostApplication.class, EnumSet.allOf(OptionalPart.class),
				"--spring.datasource.url=" + PostgresTestDatabase.create("host_jpa"),
				"--spring.datasource.username=" + PostgresTestDatabase.user(),
				"--spring.datasource.password=" + PostgresTestDatabase.password(),
				"--spring.flyway.locations=classpath:example/jpahost/db", "--spring.jpa.hibernate.ddl-auto=validate",
				"--hil.security.api-keys=host-app:" + KEY)) {
			assertThat(host.get("/invoices/count").body()).isEqualTo("1");
			assertThat(host.get("/api/v1/webhooks", "X-API-Key", KEY).statusCode()).isEqualTo(200);
		}
	}

}
