package dev.camundahil.channel.email;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

import dev.camundahil.action.ArgumentList;
import dev.camundahil.bpmn.HilTaskCheck;
import dev.camundahil.bpmn.HilTaskDeclaration;

import org.springframework.util.unit.DataSize;

/**
 * Refuses, at deployment, an email task that cannot be sent: no {@code to}, an address that is no address, a
 * literal body over the size limit, or a file attachment path that leads out of the attachment directory. Values
 * given as expressions are checked when the email is sent.
 */
final class EmailTaskCheck implements HilTaskCheck {

	private final DataSize maxBodySize;

	EmailTaskCheck(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	@Override
	public void check(HilTaskDeclaration task) {
		boolean email = task.literal("outputTypes")
			.map((types) -> ArgumentList.of(types).stream().anyMatch((type) -> type.toLowerCase(Locale.ROOT).equals("email")))
			.orElse(false);
		if (!email) {
			return;
		}
		if (!task.isDeclared("to")) {
			throw new IllegalArgumentException(
					"output type 'email' needs the input parameter 'to' (one or more recipient addresses)");
		}
		task.literal("to").ifPresent((to) -> {
			if (ArgumentList.of(to).isEmpty()) {
				throw new IllegalArgumentException("the input parameter 'to' is empty; output type 'email' needs a recipient");
			}
		});
		for (String name : new String[] { "to", "cc", "bcc" }) {
			task.literal(name).ifPresent((value) -> EmailArgs.addresses(name, value));
		}
		for (String name : new String[] { "bodyHTML", "bodyText" }) {
			task.literal(name).ifPresent((body) -> {
				if (String.valueOf(body).getBytes(StandardCharsets.UTF_8).length > this.maxBodySize.toBytes()) {
					throw new IllegalArgumentException("'" + name + "' is larger than hil.security.max-email-body-size ("
							+ this.maxBodySize + ")");
				}
			});
		}
		task.literal("attachments").ifPresent((attachments) -> {
			for (String entry : ArgumentList.of(attachments)) {
				if (leadsOutward(entry)) {
					throw new IllegalArgumentException("attachment '" + entry
							+ "' leads out of hil.mail.attachment-dir; only files inside it are sent");
				}
			}
		});
	}

	private static boolean leadsOutward(String entry) {
		try {
			return Path.of(entry.replace('\\', '/')).normalize().startsWith("..");
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

}
