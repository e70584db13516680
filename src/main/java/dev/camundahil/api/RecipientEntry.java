package dev.camundahil.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.camundahil.action.ActionRecipient;

/**
 * A recipient of an action as the API shows it: whether their links still answer, and where the action went when
 * it passed from them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RecipientEntry(String address, boolean active, String addedBy,
		@JsonFormat(shape = JsonFormat.Shape.STRING) Instant createdAt,
		@JsonFormat(shape = JsonFormat.Shape.STRING) Instant removedAt, List<String> passedTo) {

	static RecipientEntry of(ActionRecipient recipient) {
		return new RecipientEntry(recipient.address(), recipient.isActive(), recipient.addedBy(),
				recipient.createdAt(), recipient.removedAt(), recipient.passedTo().isEmpty() ? null : recipient.passedTo());
	}

}
