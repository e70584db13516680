package dev.camundahil.channel.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionView;
import dev.camundahil.channel.ChannelMessage;
import dev.camundahil.channel.DispatchReceipt;
import dev.camundahil.support.HilApi;
import dev.camundahil.support.PostgresTest;
import dev.camundahil.support.ResponsePages;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The app against a real SMTP server (GreenMail on a free port of 127.0.0.1, reached through a proxy that counts
 * connections), with a fixed link secret and an attachment directory of its own. The email tests share it, and so
 * one application context; the server runs as long as that context may be reused.
 */
@PostgresTest
abstract class EmailTestSupport {

	static final String FROM = "hil@camunda-hil.test";

	static final String REPLY_TO = "replies@camunda-hil.test";

	static final String BASE_URL = "https://hil.example.test/app";

	static final String SECRET = "email-tests-link-secret-0123456789";

	/** The key links were signed with before {@link #SECRET}: a rotation keeps it in hil.links.previous-secrets. */
	static final String PREVIOUS_SECRET = "email-tests-previous-link-secret-42";

	/** How long a test waits for the dispatch outbox to deliver. */
	static final Duration PATIENCE = Duration.ofSeconds(60);

	/** A link of an email into this app; the group is its path. */
	static final Pattern LINK = Pattern.compile("href=\"" + Pattern.quote(BASE_URL) + "([^\"]+)\"");

	/** A fixed port, so that the server can be stopped and started again where the application sends to. */
	static final ServerSetup smtp;

	static GreenMail mail;

	/** Between the application and the server: counts the application's SMTP connections and can cut them. */
	static final SmtpProxy proxy;

	static final Path attachmentDir;

	static {
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			smtp = new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
			attachmentDir = Files.createTempDirectory("hil-attachments");
			proxy = new SmtpProxy(smtp.getPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		startMail();
	}

	static void startMail() {
		mail = new GreenMail(smtp);
		mail.start();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", proxy::port);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "5000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
		// quick retries, so that a test sees an outage end within seconds
		registry.add("hil.dispatch.retry-schedule", () -> "500ms,1s,1s,1s,2s,2s,2s,2s,2s,2s");
		registry.add("hil.dispatch.interval", () -> "500ms");
		registry.add("hil.mail.from", () -> "Approvals <" + FROM + ">");
		registry.add("hil.mail.reply-to", () -> REPLY_TO);
		registry.add("hil.mail.attachment-dir", attachmentDir::toString);
		registry.add("hil.links.base-url", () -> BASE_URL);
		registry.add("hil.links.secret", () -> SECRET);
		registry.add("hil.links.previous-secrets", () -> PREVIOUS_SECRET);
		registry.add("hil.security.max-email-body-size", () -> "32KB");
		registry.add("hil.security.max-attachment-size", () -> "64KB");
	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	ActionService actionRequests;

	@Autowired
	EmailChannel channel;

	@LocalServerPort
	int port;

	/** The response pages of this app, as the people an email went to open them. */
	ResponsePages pages;

	/** The API of this app, as the process's other systems call it. */
	HilApi api;

	@BeforeEach
	void clients() {
		this.pages = new ResponsePages(this.port);
		this.api = new HilApi(this.port);
	}

	/** Deploys a model and returns its process key. */
	String deploy(BpmnModelInstance model) {
		String key = model.getModelElementsByType(Process.class).iterator().next().getId();
		this.repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
		return key;
	}

	ActionRequest actionOf(ProcessInstance instance) {
		return this.actionRequests.findByProcessInstanceId(instance.getId())
			.stream()
			.findFirst()
			.orElseThrow(() -> new AssertionError("no action for instance " + instance.getId()));
	}

	/** Sends the email of an action now, as the dispatch outbox does after the action's transaction committed. */
	DispatchReceipt dispatch(UUID actionId, ChannelMessage.Purpose purpose) throws Exception {
		return this.channel.dispatch(new ChannelMessage(ActionView.of(this.actions.find(actionId)), "email", purpose));
	}

	/** Every copy GreenMail delivered of the message with this Message-ID (one per recipient). */
	static List<MimeMessage> delivered(String messageId) throws Exception {
		List<MimeMessage> copies = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (messageId.equals(message.getMessageID())) {
				copies.add(message);
			}
		}
		return copies;
	}

	static MimeMessage deliveredOnce(String messageId) throws Exception {
		List<MimeMessage> copies = delivered(messageId);
		if (copies.isEmpty()) {
			throw new AssertionError("no message with Message-ID " + messageId + " arrived");
		}
		return copies.get(0);
	}

	/** The emails about one action in one person's mailbox, waiting for the first to arrive. */
	static List<MimeMessage> inboxOf(String address, UUID actionId) {
		return await().atMost(PATIENCE).until(() -> {
			var user = mail.getUserManager().getUserByEmail(address);
			if (user == null) {
				return List.<MimeMessage>of();
			}
			List<MimeMessage> found = new ArrayList<>();
			for (var stored : mail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
				MimeMessage message = stored.getMimeMessage();
				if (header(message, EmailChannel.ACTION_ID_HEADER).contains(actionId.toString())) {
					found.add(message);
				}
			}
			return found;
		}, (found) -> !found.isEmpty());
	}

	/** The option links of the first email one person received about one action, as paths of this app. */
	static Map<String, String> emailedLinks(String address, UUID actionId) throws Exception {
		return optionLinks(inboxOf(address, actionId).get(0));
	}

	/** A message's links by the option each answers with, as paths of this app. */
	static Map<String, String> optionLinks(MimeMessage message) throws Exception {
		Map<String, String> links = new LinkedHashMap<>();
		Matcher link = LINK.matcher(body(message, "text/html"));
		while (link.find()) {
			String path = link.group(1).replace("&amp;", "&");
			Matcher option = Pattern.compile("option=([^&]+)").matcher(path);
			option.find();
			links.put(URLDecoder.decode(option.group(1), StandardCharsets.UTF_8), path);
		}
		return links;
	}

	/** The parts of a message that are neither multipart containers nor attachments, by content type. */
	static String body(Part part, String type) throws Exception {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = body(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return null;
		}
		// SMTP carries lines as CRLF
		return part.isMimeType(type) ? ((String) part.getContent()).replace("\r\n", "\n") : null;
	}

	static List<BodyPart> attachments(Part part) throws Exception {
		List<BodyPart> found = new ArrayList<>();
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
					found.add(child);
				}
				else {
					found.addAll(attachments(child));
				}
			}
		}
		return found;
	}

	static boolean hasAlternative(Part part) throws Exception {
		if (part.isMimeType("multipart/alternative")) {
			return true;
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				if (hasAlternative(multipart.getBodyPart(i))) {
					return true;
				}
			}
		}
		return false;
	}

	static List<String> header(MimeMessage message, String name) throws Exception {
		String[] values = message.getHeader(name);
		return (values != null) ? Arrays.asList(values) : List.of();
	}

}
