package dev.camundahil.channel.chat;

import dev.camundahil.links.SignedTokens;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What a person holding a chat link is told when the link does not open the session: never more than that it is
 * expired or not valid for it.
 */
final class ChatLinkCheck {

	static final String EXPIRED = "This chat link has expired. Ask for a new link.";

	static final String INVALID = "This chat link is not valid for this conversation.";

	private ChatLinkCheck() {
	}

	static String refusal(SignedTokens.Verdict verdict) {
		return switch (verdict) {
			case VALID -> null;
			case EXPIRED -> EXPIRED;
			case INVALID -> INVALID;
		};
	}

	/** A 403 problem unless the verdict is valid. */
	static void require(SignedTokens.Verdict verdict) {
		String refusal = refusal(verdict);
		if (refusal != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal);
			problem.setTitle((verdict == SignedTokens.Verdict.EXPIRED) ? "Chat link expired" : "Chat link not valid");
			throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
		}
	}

}
