package dev.camundahil.reply;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import dev.camundahil.i18n.HilTexts;
import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message owed to a late replier is kept in its table until it is sent: a failed send is tried again by the
 * {@code late-reply-notices} work once it is due, and a sender is owed one message per action at most.
 */
class LateReplyNoticeRetryTest {

	private final ApplicationContextRunner contexts = PluginContexts.withDatabase(new ApplicationContextRunner());

	@Test
	void aFailedSendIsTriedAgainWhenDueAndSentOnce() {
		this.contexts.run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			FlakyMailSender mail = new FlakyMailSender();
			StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", mail));
			LateReplyNotices notices = new LateReplyNotices(jdbc);
			LateReplyNoticeSender sender = new LateReplyNoticeSender(notices,
					new SenderNotice(beans.getBeanProvider(JavaMailSender.class), "hil@example.com"), HilTexts.defaults(),
					java.time.Duration.ofMinutes(1));
			UUID action = UUID.randomUUID();
			LateReplyNotices.Notice notice = new LateReplyNotices.Notice(action, "ann@example.com", "<late@example.com>",
					"<request@example.com> <late@example.com>", "Re: Approve? [HIL-" + action + "]", "Too late.", 0);

			assertThat(notices.record(notice)).isTrue();
			sender.deliver(action, "ann@example.com");

			assertThat(mail.sent).isEmpty();
			Map<String, Object> failed = row(jdbc, action);
			assertThat(failed.get("error").toString()).contains("server down");
			assertThat(jdbc.queryForObject("SELECT next_attempt_at FROM action_late_reply_notice WHERE action_id = ?",
					OffsetDateTime.class, action).toInstant()).isAfter(Instant.now());
			assertThat(sender.sweep()).as("not due yet").isZero();

			jdbc.update("UPDATE action_late_reply_notice SET next_attempt_at = ? WHERE action_id = ?",
					java.sql.Timestamp.from(Instant.now().minusSeconds(1)), action);
			assertThat(sender.sweep()).isEqualTo(1);

			assertThat(mail.sent).hasSize(1);
			assertThat(mail.sent.get(0).getHeader("In-Reply-To")[0]).isEqualTo("<late@example.com>");
			assertThat(mail.sent.get(0).getHeader("References")[0]).contains("<request@example.com>");
			Map<String, Object> sent = row(jdbc, action);
			assertThat(sent.get("sent_at")).isNotNull();
			assertThat(sent.get("next_attempt_at")).isNull();
			assertThat(sender.sweep()).isZero();
			assertThat(notices.record(notice)).as("one per sender and action").isFalse();
		});
	}

	private static Map<String, Object> row(JdbcTemplate jdbc, UUID action) {
		return jdbc.queryForMap("SELECT * FROM action_late_reply_notice WHERE action_id = ?", action);
	}

	/** Fails its first send, as a mail server that is down, and keeps the messages it sent after that. */
	static class FlakyMailSender extends JavaMailSenderImpl {

		final List<MimeMessage> sent = new ArrayList<>();

		private boolean failed;

		@Override
		public void send(MimeMessage... messages) {
			if (!this.failed) {
				this.failed = true;
				throw new MailSendException("server down");
			}
			this.sent.addAll(List.of(messages));
		}

	}

}
