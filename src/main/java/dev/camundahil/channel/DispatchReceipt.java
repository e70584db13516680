package dev.camundahil.channel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a delivery produced, recorded with the dispatch and in its audit entry.
 *
 * @param messageId the identifier of the sent message where the channel has one (an email's {@code Message-ID}),
 * used to match replies to the action; may be {@code null}
 * @param details anything else worth keeping in the audit entry (never secrets or message bodies)
 */
public record DispatchReceipt(String messageId, Map<String, Object> details) {

	public DispatchReceipt {
		details = (details != null) ? Map.copyOf(details) : Map.of();
	}

	public static DispatchReceipt delivered() {
		return new DispatchReceipt(null, Map.of());
	}

	public static DispatchReceipt withMessageId(String messageId) {
		return new DispatchReceipt(messageId, Map.of());
	}

	/** The audit data of this receipt. */
	public Map<String, Object> auditData() {
		Map<String, Object> data = new LinkedHashMap<>(this.details);
		if (this.messageId != null) {
			data.put("messageId", this.messageId);
		}
		return data;
	}

}
