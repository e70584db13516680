package dev.camundahil.reply;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.FailureMessage;
import dev.camundahil.action.Timestamps;
import dev.camundahil.i18n.HilTexts;
import dev.camundahil.retry.RetryPolicy;
import dev.camundahil.schedule.RecurringWork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the sender of a reply that came after its action had closed who answered what and when (or that it expired
 * or was withdrawn), in the action's language, threaded under the reply. The notice is written with the reply's
 * outcome ({@link LateReplyNotices}) and sent after that commits; one that fails is tried again by this work's
 * sweep ({@code late-reply-notices}) as {@link #RETRIES} says, then left with its error.
 */
class LateReplyNoticeSender implements RecurringWork {

	/** The waits before the attempts after a failed one. */
	static final RetryPolicy RETRIES = RetryPolicy.listed(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2)));

	/** How long a send may take before another sweep takes the notice again. */
	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(LateReplyNoticeSender.class);

	private final LateReplyNotices notices;

	private final SenderNotice mail;

	private final HilTexts texts;

	private final Duration interval;

	LateReplyNoticeSender(LateReplyNotices notices, SenderNotice mail, HilTexts texts, Duration interval) {
		this.notices = notices;
		this.mail = mail;
		this.texts = texts;
		this.interval = interval;
	}

	/** The notice owed to the sender of a late reply: the outcome in the action's language and time zone. */
	LateReplyNotices.Notice noticeFor(ActionRequest action, InboundMessage reply) {
		Locale locale = this.texts.locale(action.getLocale());
		ZoneId zone = this.texts.timeZone(action.getTimeZone());
		boolean answered = action.getStatus() == ActionStatus.COMPLETED && action.getResponse() != null;
		String outcome = this.texts.outcome(action.getStatus().value(),
				answered ? String.valueOf(action.getResponse().value()) : null,
				answered ? action.getResponse().respondedBy() : null,
				answered ? action.getResponse().timestamp() : action.getUpdatedAt(), locale, zone);
		String body = this.texts.get("reply.late.intro", locale) + "\n\n" + outcome + "\n\n"
				+ this.texts.get("reply.late.question", locale, action.getContext().question()) + "\n";
		String inReplyTo = "<" + reply.messageId() + ">";
		String references = Stream.concat(reply.referencedIds().stream().distinct(), Stream.of(reply.messageId()))
			.map((id) -> "<" + id + ">")
			.distinct()
			.collect(Collectors.joining(" "));
		if (references.length() > 4000) {
			references = inReplyTo;
		}
		return new LateReplyNotices.Notice(action.getId(), reply.from(), inReplyTo, references,
				SenderNotice.replySubject(reply.subject()), body, 0);
	}

	HilTexts texts() {
		return this.texts;
	}

	/** Sends a notice now if it is due and no one else is sending it; records how that went. */
	void deliver(UUID actionId, String sender) {
		Instant now = Timestamps.now();
		this.notices.claim(actionId, sender, now, now.plus(LEASE)).ifPresent((notice) -> {
			try {
				this.mail.sendThreaded(notice.sender(), notice.subject(), notice.body(), notice.inReplyTo(),
						notice.referenceIds());
				this.notices.sent(actionId, sender, Timestamps.now());
				log.info("Told the sender of a late reply to action {} how it ended", actionId);
			}
			catch (Exception ex) {
				String error = FailureMessage.of(ex);
				Instant next = RETRIES.delayAfter(notice.attempts()).map(Timestamps.now()::plus).orElse(null);
				this.notices.failed(actionId, sender, error, next);
				log.warn("Could not tell the sender of a late reply to action {} how it ended (attempt {}; {}): {}",
						actionId, notice.attempts(), (next != null) ? "tried again at " + next : "given up", error);
			}
		});
	}

	@Override
	public String name() {
		return "late-reply-notices";
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public int batchSize() {
		return 20;
	}

	@Override
	public int sweep() {
		List<Object[]> due = this.notices.due(Timestamps.now(), batchSize());
		due.forEach((row) -> deliver((UUID) row[0], (String) row[1]));
		return due.size();
	}

}
