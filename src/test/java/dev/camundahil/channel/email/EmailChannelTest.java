package dev.camundahil.channel.email;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionView;
import dev.camundahil.channel.ChannelMessage;
import dev.camundahil.channel.ChannelMessage.Purpose;
import dev.camundahil.channel.DispatchReceipt;
import dev.camundahil.links.SignedTokens;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.StreamUtils;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HIL emails as a real SMTP server receives them: recipients, both parts, subject, headers, signed links,
 * attachments, and the errors of emails that cannot be sent as configured.
 */
class EmailChannelTest extends EmailTestSupport {

	private static final Pattern LINK = Pattern.compile("href=\"(" + Pattern.quote(BASE_URL)
			+ "/respond/([0-9a-f-]{36})\\?option=([^&\"]*)&amp;r=([0-9a-f-]{36})&amp;token=([^\"]+))\"");

	@Autowired
	SignedTokens tokens;

	@Test
	void anEmailReachesEveryRecipientWithTextAndHtmlAndASignedButtonPerOption() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("mail"), "Approve order 7?", "email")
			.camundaInputParameter("to", "Ann Example <ann@to.example>, bob@to.example")
			.camundaInputParameter("cc", "carl@cc.example")
			.camundaInputParameter("bcc", "dora@bcc.example")
			.camundaInputParameter("subject", "Order 7 needs you")
			.camundaInputParameter("expectedResponse", "Approve, Reject")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = actionOf(instance);

		DispatchReceipt receipt = dispatch(action.getId(), Purpose.REQUEST);

		assertThat(receipt.messageId()).matches("<[0-9a-f-]{36}@camunda-hil\\.test>");
		List<MimeMessage> copies = delivered(receipt.messageId());
		assertThat(copies).hasSize(4);
		assertThat(inbox("dora@bcc.example")).contains(receipt.messageId());
		assertThat(inbox("carl@cc.example")).contains(receipt.messageId());
		Map<String, UUID> recipients = new java.util.HashMap<>();
		this.actions.recipients(action.getId()).forEach((recipient) -> recipients.put(recipient.address(), recipient.id()));
		assertThat(recipients).containsOnlyKeys("ann@to.example", "bob@to.example", "carl@cc.example", "dora@bcc.example");
		java.util.Set<String> linkedTo = new java.util.HashSet<>();
		for (MimeMessage message : copies) {
			// every copy shows the headers the task set, and carries links bound to the one person it went to
			assertThat(addresses(message.getRecipients(Message.RecipientType.TO))).containsExactly("ann@to.example",
					"bob@to.example");
			assertThat(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
				.isEqualTo("Ann Example");
			assertThat(addresses(message.getRecipients(Message.RecipientType.CC))).containsExactly("carl@cc.example");
			assertThat(header(message, "Bcc")).isEmpty();
			assertThat(addresses(message.getFrom())).containsExactly(FROM);
			assertThat(addresses(message.getReplyTo())).containsExactly(REPLY_TO);
			assertThat(message.getSubject()).isEqualTo("Order 7 needs you [HIL-" + action.getId() + "]");
			assertThat(header(message, EmailChannel.ACTION_ID_HEADER)).containsExactly(action.getId().toString());

			assertThat(hasAlternative(message)).isTrue();
			String html = body(message, "text/html");
			String text = body(message, "text/plain");
			assertThat(html).contains("Approve order 7?");
			assertThat(text).contains("Approve order 7?");
			Matcher links = LINK.matcher(html);
			List<String> options = new java.util.ArrayList<>();
			java.util.Set<String> bound = new java.util.HashSet<>();
			while (links.find()) {
				assertThat(links.group(2)).isEqualTo(action.getId().toString());
				assertThat(this.tokens.verify(links.group(5), ResponseLinks.PURPOSE,
						action.getId() + "/" + links.group(4))).isEqualTo(SignedTokens.Verdict.VALID);
				// a token bound to a recipient opens nothing as the action's own
				assertThat(this.tokens.verify(links.group(5), ResponseLinks.PURPOSE, action.getId().toString()))
					.isEqualTo(SignedTokens.Verdict.INVALID);
				assertThat(text).contains(links.group(1).replace("&amp;", "&"));
				options.add(links.group(3));
				bound.add(links.group(4));
			}
			assertThat(options).containsExactly("Approve", "Reject");
			assertThat(bound).hasSize(1);
			linkedTo.addAll(bound);
			// replies are read only where hil.mail.inbound.host is set, and only then does the email offer them
			assertThat(html).doesNotContain("reply to this email");
		}
		assertThat(linkedTo).containsExactlyInAnyOrderElementsOf(
				recipients.values().stream().map(UUID::toString).toList());
	}

	@Test
	void withoutSubjectOrBodyTheQuestionIsBothAndReminderSubjectsSaySo() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("plain"), "Is the\nreport ready?", "email")
			.camundaInputParameter("to", "ann@to.example")));
		ActionRequest action = actionOf(this.runtime.startProcessInstanceByKey(key));

		MimeMessage request = deliveredOnce(dispatch(action.getId(), Purpose.REQUEST).messageId());
		MimeMessage reminder = deliveredOnce(dispatch(action.getId(), Purpose.REMINDER).messageId());

		assertThat(request.getSubject()).isEqualTo("Is the report ready? [HIL-" + action.getId() + "]");
		assertThat(body(request, "text/plain")).contains("Is the\nreport ready?");
		assertThat(body(request, "text/html")).contains("/respond/" + action.getId() + "?r=").contains(">Answer<");
		assertThat(reminder.getSubject()).isEqualTo("Reminder: Is the report ready? [HIL-" + action.getId() + "]");
		assertThat(body(reminder, "text/html")).contains("still waiting");
		assertThat(reminder.getMessageID()).isNotEqualTo(request.getMessageID());
	}

	@Test
	void questionOptionsAndMessageAreEscapedInTheHtml() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("inject"), "Pay <script>alert(1)</script> & co?", "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("expectedResponse", "<img src=x onerror=alert(2)>, O'Reilly \"&\" Sons")));
		ActionRequest action = actionOf(this.runtime.startProcessInstanceByKey(key));

		MimeMessage message = deliveredOnce(dispatch(action.getId(), Purpose.REQUEST).messageId());

		String html = body(message, "text/html");
		assertThat(html).doesNotContain("<script>").doesNotContain("<img");
		assertThat(html).contains("Pay &lt;script&gt;alert(1)&lt;/script&gt; &amp; co?");
		assertThat(html).contains("&lt;img src=x onerror=alert(2)&gt;");
		assertThat(html).contains("option=%3Cimg+src%3Dx+onerror%3Dalert%282%29%3E");
		assertThat(body(message, "text/plain")).contains("Pay <script>alert(1)</script> & co?");
		assertThat(message.getSubject()).startsWith("Pay <script>alert(1)</script> & co?");
	}

	@Test
	void anHtmlOnlyBodyGetsATextPartReadFromItAndATextBodyIsSentAsGiven() throws Exception {
		String htmlKey = deploy(waitingAfter(hilTask(key("html"), "Order 7?", "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("bodyHTML", "<html><body><h1>Order 7</h1><p>Please <a href=\"https://shop.example/7\">look"
					+ "</a> at it.<br>Total: 12&nbsp;EUR</p><ul><li>Pens</li><li>Paper</li></ul></body></html>")));
		ActionRequest htmlAction = actionOf(this.runtime.startProcessInstanceByKey(htmlKey));
		String textKey = deploy(waitingAfter(hilTask(key("text"), "Order 8?", "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("bodyHTML", "<p>Order <b>8</b></p>")
			.camundaInputParameter("bodyText", "Order 8, in plain words.")));
		ActionRequest textAction = actionOf(this.runtime.startProcessInstanceByKey(textKey));

		MimeMessage fromHtml = deliveredOnce(dispatch(htmlAction.getId(), Purpose.REQUEST).messageId());
		MimeMessage withText = deliveredOnce(dispatch(textAction.getId(), Purpose.REQUEST).messageId());

		String derived = body(fromHtml, "text/plain");
		assertThat(derived).contains("Order 7\n\nPlease look <https://shop.example/7> at it.\nTotal: 12 EUR")
			.contains("- Pens\n- Paper")
			.contains("\nApprove <" + BASE_URL + "/respond/" + htmlAction.getId() + "?option=Approve&r=")
			.contains("\nReject <" + BASE_URL + "/respond/" + htmlAction.getId() + "?option=Reject&r=")
			.doesNotContain("<h1>")
			.doesNotContain("<p>");
		assertThat(body(fromHtml, "text/html")).contains("<h1>Order 7</h1>").doesNotContain("Order 7?</p>");
		String given = body(withText, "text/plain");
		assertThat(given).startsWith("Order 8, in plain words.\n\nApprove: " + BASE_URL + "/respond/" + textAction.getId());
		assertThat(body(withText, "text/html")).contains("Order <b>8</b>");
	}

	@Test
	void attachmentsComeFromFileValuesByteArraysAndFilesInTheAttachmentDirectory() throws Exception {
		byte[] pdf = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);
		byte[] raw = { 0, 1, 2, (byte) 0xff };
		Files.writeString(attachmentDir.resolve("terms.txt"), "Terms and conditions");
		String key = deploy(waitingAfter(hilTask(key("files"), "Sign?", "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("attachments", "invoice, raw, terms.txt")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Variables.createVariables()
			.putValue("invoice", Variables.fileValue("invoice-7.pdf").file(pdf).mimeType("application/pdf").create())
			.putValue("raw", raw));

		MimeMessage message = deliveredOnce(dispatch(actionOf(instance).getId(), Purpose.REQUEST).messageId());

		List<BodyPart> attachments = attachments(message);
		assertThat(attachments).extracting(BodyPart::getFileName).containsExactly("invoice-7.pdf", "raw", "terms.txt");
		assertThat(attachments.get(0).getContentType()).startsWith("application/pdf");
		assertThat(content(attachments.get(0))).isEqualTo(pdf);
		assertThat(content(attachments.get(1))).isEqualTo(raw);
		assertThat(new String(content(attachments.get(2)), StandardCharsets.UTF_8)).isEqualTo("Terms and conditions");
		assertThat(body(message, "text/plain")).contains("Sign?");
	}

	@Test
	void attachmentsThatAreNoFileAreRefusedWithAMessageThatSaysWhy() throws Exception {
		Files.writeString(attachmentDir.getParent().resolve("hil-outside.txt"), "secret");
		String key = deploy(waitingAfter(hilTask(key("badFiles"), "Sign?", "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("attachments", "${files}")));

		assertThat(failure(key, "../hil-outside.txt", Map.of())).contains("leads out of hil.mail.attachment-dir");
		assertThat(failure(key, "note", Map.of("note", "just text"))).contains("'note' holds a String")
			.contains("file value");
		assertThat(failure(key, "nothing-here.pdf", Map.of())).contains("neither a process variable nor a file");
		assertThat(failure(key, "big", Map.of("big", new byte[65 * 1024])))
			.contains("larger than hil.security.max-attachment-size");
	}

	@Test
	void anOversizedBodyIsRefusedAtDeploymentAsALiteralAndWhenSentAsAnExpression() throws Exception {
		String big = "x".repeat(33 * 1024);
		String literal = key("bigBody");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(literal, "Read?", "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("bodyText", big))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(literal)
			.hasMessageContaining("'ask'")
			.hasMessageContaining("max-email-body-size");

		// a process variable holds at most 4000 characters, so a large body reaches the channel from an action's args
		String key = deploy(waitingAfter(hilTask(key("bigBodyArgs"), "Read?", "email")
			.camundaInputParameter("to", "ann@to.example")));
		ActionView stored = ActionView.of(actionOf(this.runtime.startProcessInstanceByKey(key)));
		Map<String, Object> args = new java.util.HashMap<>(stored.args());
		args.put("bodyHTML", "<p>" + big + "</p>");
		ActionView large = new ActionView(stored.id(), stored.flowId(), stored.sessionId(), stored.nodeId(),
				stored.status(), stored.outputTypes(), stored.context(), args, stored.response(),
				stored.processInstanceId(), stored.executionId(), stored.expiresAt(), stored.createdAt(),
				stored.updatedAt());

		assertThatThrownBy(() -> this.channel.dispatch(new ChannelMessage(large, "email", Purpose.REQUEST)))
			.isInstanceOf(EmailDispatchException.class)
			.hasMessageContaining("bodyHTML is larger than hil.security.max-email-body-size");
		for (MimeMessage message : mail.getReceivedMessages()) {
			assertThat(String.valueOf(body(message, "text/html"))).doesNotContain(big);
		}
	}

	@Test
	void anEmailTaskWithoutRecipientsOrWithABadAddressFailsItsDeployment() {
		String noTo = key("noTo");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(noTo, "Q?", "chat, email"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(noTo)
			.hasMessageContaining("'ask'")
			.hasMessageContaining("'to'");
		String badTo = key("badTo");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(badTo, "Q?", "email")
			.camundaInputParameter("to", "ann@to.example, not an address"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(badTo)
			.hasMessageContaining("invalid email address 'not an address'");
		String escaping = key("escaping");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(escaping, "Q?", "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("attachments", "../../etc/passwd"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("leads out of hil.mail.attachment-dir");
	}

	@Test
	void recipientsGivenByAnExpressionAreCheckedWhenSent() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("exprTo"), "Q?", "email")
			.camundaInputParameter("to", "${recipients}")));
		ActionRequest none = actionOf(this.runtime.startProcessInstanceByKey(key, Map.of("recipients", " ")));
		ActionRequest bad = actionOf(this.runtime.startProcessInstanceByKey(key, Map.of("recipients", "nobody")));

		assertThatThrownBy(() -> dispatch(none.getId(), Purpose.REQUEST)).isInstanceOf(EmailDispatchException.class)
			.hasMessageContaining("no email recipients");
		assertThatThrownBy(() -> dispatch(bad.getId(), Purpose.REQUEST)).isInstanceOf(EmailDispatchException.class)
			.hasMessageContaining("invalid email address 'nobody'");
	}

	private String failure(String key, String attachment, Map<String, Object> variables) {
		Map<String, Object> all = new java.util.HashMap<>(variables);
		all.put("files", attachment);
		ActionRequest action = actionOf(this.runtime.startProcessInstanceByKey(key, all));
		try {
			dispatch(action.getId(), Purpose.REQUEST);
		}
		catch (EmailDispatchException ex) {
			return ex.getMessage();
		}
		catch (Exception ex) {
			throw new AssertionError("expected an EmailDispatchException", ex);
		}
		throw new AssertionError("the email with attachment '" + attachment + "' was sent");
	}

	/** The Message-IDs in one recipient's mailbox on the server. */
	private static List<String> inbox(String address) throws Exception {
		List<String> ids = new java.util.ArrayList<>();
		for (var stored : mail.getManagers()
			.getImapHostManager()
			.getInbox(mail.getUserManager().getUserByEmail(address))
			.getMessages()) {
			ids.add(stored.getMimeMessage().getMessageID());
		}
		return ids;
	}

	private static byte[] content(BodyPart part) throws Exception {
		return StreamUtils.copyToByteArray(part.getInputStream());
	}

	private static List<String> addresses(jakarta.mail.Address[] addresses) {
		return java.util.Arrays.stream(addresses).map((address) -> ((InternetAddress) address).getAddress()).toList();
	}

}
