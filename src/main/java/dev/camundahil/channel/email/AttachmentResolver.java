package dev.camundahil.channel.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.camundahil.action.ActionView;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.unit.DataSize;

/**
 * Reads the attachments an email names: each entry is the name of a process variable holding a Camunda file value
 * or a byte array, else a file path inside the attachment directory. Anything else is refused with a message that
 * says why, and so is a path that leads out of the directory or a file over the size limit.
 */
final class AttachmentResolver {

	private final ObjectProvider<RuntimeService> runtime;

	private final Path directory;

	private final DataSize maxSize;

	AttachmentResolver(ObjectProvider<RuntimeService> runtime, String directory, DataSize maxSize) {
		this.runtime = runtime;
		this.directory = (directory != null && !directory.isBlank()) ? Path.of(directory) : null;
		this.maxSize = maxSize;
	}

	List<Attachment> resolve(ActionView action, List<String> entries) {
		List<Attachment> attachments = new ArrayList<>();
		for (String entry : entries) {
			TypedValue variable = variable(action, entry);
			attachments.add((variable != null) ? fromVariable(entry, variable) : fromFile(entry));
		}
		return attachments;
	}

	private TypedValue variable(ActionView action, String name) {
		RuntimeService runtime = this.runtime.getIfAvailable();
		if (runtime == null) {
			return null;
		}
		for (String execution : new String[] { action.executionId(), action.processInstanceId() }) {
			if (execution == null) {
				continue;
			}
			try {
				return runtime.getVariableTyped(execution, name, true);
			}
			catch (ProcessEngineException ex) {
				// the execution has moved on or ended; its process instance may still hold the variable
			}
		}
		return null;
	}

	private Attachment fromVariable(String name, TypedValue value) {
		if (value instanceof FileValue file) {
			if (file.getValue() == null) {
				throw new EmailDispatchException("attachment variable '" + name + "' holds an empty file value");
			}
			try (InputStream content = file.getValue()) {
				byte[] bytes = readLimited(content, "attachment variable '" + name + "'");
				String type = (file.getMimeType() != null) ? file.getMimeType() : "application/octet-stream";
				String filename = (file.getFilename() != null && !file.getFilename().isBlank()) ? file.getFilename()
						: name;
				return new Attachment(filename, type, bytes);
			}
			catch (IOException ex) {
				throw new EmailAttemptException("attachment variable '" + name + "' could not be read: "
						+ ex.getMessage(), ex);
			}
		}
		if (value instanceof BytesValue bytes && bytes.getValue() != null) {
			checkSize(bytes.getValue().length, "attachment variable '" + name + "'");
			return new Attachment(name, "application/octet-stream", bytes.getValue());
		}
		Object raw = value.getValue();
		throw new EmailDispatchException("attachment variable '" + name + "' holds "
				+ ((raw != null) ? "a " + raw.getClass().getSimpleName() : "null")
				+ "; an attachment variable must hold a file value (Variables.fileValue) or a byte array");
	}

	private Attachment fromFile(String entry) {
		if (this.directory == null) {
			throw new EmailDispatchException("attachment '" + entry + "' is no process variable, and file attachments "
					+ "are off: set hil.mail.attachment-dir to the directory they may be read from");
		}
		Path file;
		Path root;
		try {
			root = this.directory.toRealPath();
			file = root.resolve(entry).normalize();
		}
		catch (IOException | InvalidPathException ex) {
			throw new EmailDispatchException("attachment '" + entry + "' is no process variable and no readable path "
					+ "under hil.mail.attachment-dir (" + ex.getMessage() + ")", ex);
		}
		if (!file.startsWith(root)) {
			throw new EmailDispatchException("attachment '" + entry + "' leads out of hil.mail.attachment-dir; "
					+ "only files inside it are sent");
		}
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
			throw new EmailDispatchException("attachment '" + entry + "' is neither a process variable nor a file "
					+ "under hil.mail.attachment-dir");
		}
		try {
			// a symbolic link inside the directory must not reach a file outside it
			if (!file.toRealPath().startsWith(root)) {
				throw new EmailDispatchException("attachment '" + entry + "' leads out of hil.mail.attachment-dir; "
						+ "only files inside it are sent");
			}
			checkSize(Files.size(file), "attachment file '" + entry + "'");
			String type = Files.probeContentType(file);
			return new Attachment(file.getFileName().toString(), (type != null) ? type : "application/octet-stream",
					Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new EmailAttemptException("attachment file '" + entry + "' could not be read: " + ex.getMessage(),
					ex);
		}
	}

	private byte[] readLimited(InputStream content, String what) throws IOException {
		long max = this.maxSize.toBytes();
		byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		checkSize(bytes.length, what);
		return bytes;
	}

	private void checkSize(long size, String what) {
		if (size > this.maxSize.toBytes()) {
			throw new EmailDispatchException(what + " is larger than hil.security.max-attachment-size ("
					+ this.maxSize + ")");
		}
	}

}
