package dev.camundahil.reply;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies as mail clients write them, read from their raw RFC 822 text: the answer and comment are what the sender
 * typed, never the quoted original, a signature or an attachment.
 */
class ClientRepliesTest {

	private static final List<String> OPTIONS = List.of("Approve", "Reject");

	private static final String HEADERS = """
			From: Ann Example <ann@example.com>
			To: hil@example.com
			Subject: RE: Approve order 7? [HIL-11111111-2222-3333-4444-555555555555]
			Message-ID: <reply-1@example.com>
			In-Reply-To: <request-1@example.com>
			References: <request-1@example.com>
			MIME-Version: 1.0
			""";

	@Test
	void outlookDesktopHtmlKeepsTheQuotedOriginalOutOfTheComment() throws Exception {
		InboundMessage reply = read(HEADERS + """
				Content-Type: text/html; charset="windows-1252"
				Content-Transfer-Encoding: quoted-printable

				<html xmlns:o=3D"urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal {margin:0cm;} -->=
				</style></head>
				<body lang=3DEN-US><div class=3DWordSection1>
				<p class=3DMsoNormal>Approve<o:p></o:p></p>
				<p class=3DMsoNormal><o:p>&nbsp;</o:p></p>
				<div><div style=3D'border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>
				<p class=3DMsoNormal><b>From:</b> Order Desk &lt;hil@example.com&gt; <br><b>Sent:</b> Wednesday, Nov=
				ember 25, 2026 10:02 AM<br><b>To:</b> Ann Example &lt;ann@example.com&gt;<br><b>Subject:</b> Approve or=
				der 7?<o:p></o:p></p></div></div>
				<p class=3DMsoNormal><o:p>&nbsp;</o:p></p>
				<p class=3DMsoNormal>Please approve order 7 =96 it costs 1.200 =80.<o:p></o:p></p>
				</div></body></html>
				""");

		assertThat(answer(reply)).contains(new AnswerReader.Answer("Approve", null));
	}

	@Test
	void outlookOnTheWebHtmlKeepsTheQuotedOriginalOutOfTheComment() throws Exception {
		InboundMessage reply = read(HEADERS + """
				Content-Type: text/html; charset="iso-8859-1"
				Content-Transfer-Encoding: quoted-printable

				<html><head><style type=3D"text/css" style=3D"display:none;"> P {margin-top:0;margin-bottom:0;} </sty=
				le></head><body dir=3D"ltr"><div style=3D"font-family: Calibri">Reject</div><div>Wrong supplier.</div>=
				<div id=3D"appendonsend"></div><hr style=3D"display:inline-block;width:98%" tabindex=3D"-1"><div id=3D"d=
				ivRplyFwdMsg" dir=3D"ltr"><font face=3D"Calibri, sans-serif" style=3D"font-size:11pt" color=3D"#000000"><b>=
				From:</b> Order Desk &lt;hil@example.com&gt;<br><b>Sent:</b> Wednesday, November 25, 2026 10:02 AM<br><b>T=
				o:</b> Ann<br><b>Subject:</b> Approve order 7?</font><div>&nbsp;</div></div><div><p>Please approve order=
				 7.</p><p>Approve | Reject</p></div></body></html>
				""");

		assertThat(answer(reply)).contains(new AnswerReader.Answer("Reject", "Wrong supplier."));
	}

	@Test
	void aNoBreakSpaceAfterTheAnswerOrInOutlooksFrenchHeaderBlockIsASpace() throws Exception {
		InboundMessage typedInAnHtmlEditor = read(HEADERS + """
				Content-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: quoted-printable

				Approve=C2=A0
				""");
		InboundMessage french = read(HEADERS + """
				Content-Type: text/plain; charset="windows-1252"
				Content-Transfer-Encoding: quoted-printable

				Refus=E9

				De=A0: Bureau des commandes <hil@example.com>
				Envoy=E9=A0: mercredi 25 novembre 2026 10:02
				=C0=A0: Ann Example <ann@example.com>
				Objet=A0: Commande 7

				Approuver la commande 7=A0?
				""");

		assertThat(answer(typedInAnHtmlEditor)).contains(new AnswerReader.Answer("Approve", null));
		assertThat(answer(french, List.of("Approuvé", "Refusé"))).contains(new AnswerReader.Answer("Refusé", null));
	}

	@Test
	void gmailsFrenchAttributionWithANoBreakSpaceBeforeItsColonIsNoComment() throws Exception {
		InboundMessage reply = read(HEADERS + """
				Content-Type: text/plain; charset="UTF-8"
				Content-Transfer-Encoding: quoted-printable

				Refus=C3=A9, merci

				Le lun. 5 d=C3=A9c. 2026 =C3=A0 10:00, Bureau <hil@example.com> a =C3=A9crit=C2=A0:

				> Approuver la commande 7=C2=A0?
				""");

		assertThat(answer(reply, List.of("Approuvé", "Refusé"))).contains(new AnswerReader.Answer("Refusé", "merci"));
	}

	@Test
	void theZeroWidthNoBreakSpaceIPhonesWriteIsNothing() throws Exception {
		InboundMessage reply = read(HEADERS + """
				Content-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: base64

				77u/QXBwcm92ZQoKU2VudCBmcm9tIG15IGlQaG9uZQo=
				""");

		assertThat(answer(reply)).contains(new AnswerReader.Answer("Approve", null));
	}

	@Test
	void aThunderbirdReplyWrittenBelowTheQuoteAnswersWithItsComment() throws Exception {
		InboundMessage reply = read(HEADERS + """
				Content-Type: text/plain; charset=UTF-8; format=flowed
				Content-Transfer-Encoding: 8bit

				On 05.12.26 10:00, Order Desk wrote:
				> Approve order 7?
				> Approve | Reject

				Reject, the supplier is not on our list.

				--\s
				Ann Example
				Purchasing
				""", StandardCharsets.UTF_8);

		assertThat(answer(reply)).contains(new AnswerReader.Answer("Reject", "the supplier is not on our list."));
	}

	@Test
	void aFlowedReplyFromAnIPhoneReadsAsTheLinesItsSenderTyped() throws Exception {
		// Apple Mail breaks long lines after an added space (delsp=yes) and sends the text base64-encoded
		String typed = """
				Reject - the price is far too high for this quarter, please ask us again\s\s
				in March.

				Sent from my iPhone

				> On 5 Dec 2026, at 10:00, Order Desk of the Northern Region <hil@example.com>\s\s
				> wrote:
				>\s
				> \uFEFFApprove order 7?
				""";
		InboundMessage reply = read(HEADERS + """
				Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes
				Content-Transfer-Encoding: base64

				""" + base64(typed));

		assertThat(answer(reply)).contains(new AnswerReader.Answer("Reject",
				"the price is far too high for this quarter, please ask us again in March."));
	}

	@Test
	void aFlowedReplyFromThunderbirdKeepsTheSpaceAtItsSoftLineBreaks() throws Exception {
		InboundMessage reply = read(HEADERS + """
				Content-Type: text/plain; charset=UTF-8; format=flowed
				Content-Transfer-Encoding: 7bit

				Approve - go ahead with the order, but please check the shipping address\s
				first: it changed.
				 From now on, order from the list.

				--\s
				Ann

				On 05.12.26 10:00, Order Desk wrote:
				> Approve order 7?
				""");

		assertThat(answer(reply)).contains(new AnswerReader.Answer("Approve",
				"go ahead with the order, but please check the shipping address first: it changed.\n"
						+ "From now on, order from the list."));
	}

	@Test
	void aTextFileAttachedInlineIsNotTheAnswer() throws Exception {
		InboundMessage reply = read(HEADERS + """
				Content-Type: multipart/mixed; boundary="Apple-Mail=_1"

				--Apple-Mail=_1
				Content-Type: text/html; charset=utf-8

				<div>Reject</div><div><br><blockquote type="cite"><div>On 5 Dec 2026, at 10:00, Order Desk wrote:</div>\
				<div>Approve order 7?</div></blockquote></div>
				--Apple-Mail=_1
				Content-Type: text/plain; name="notes.txt"
				Content-Disposition: inline; filename="notes.txt"

				Approve the cheaper offer
				--Apple-Mail=_1--
				""");

		assertThat(answer(reply)).contains(new AnswerReader.Answer("Reject", null));
	}

	@Test
	void aReplyWithAnAttachmentAfterItsTextAnswers() throws Exception {
		InboundMessage reply = read(HEADERS + """
				Content-Type: multipart/mixed; boundary="mixed"

				--mixed
				Content-Type: multipart/alternative; boundary="alt"

				--alt
				Content-Type: text/plain; charset="UTF-8"

				Approve - the quote is attached.

				On Mon, 5 Dec 2026 at 10:00, Order Desk <hil@example.com> wrote:
				> Approve order 7?
				--alt
				Content-Type: text/html; charset="UTF-8"

				<div dir="ltr">Approve - the quote is attached.</div>
				--alt--
				--mixed
				Content-Type: application/pdf; name="quote.pdf"
				Content-Disposition: attachment; filename="quote.pdf"
				Content-Transfer-Encoding: base64

				JVBERi0xLjQK
				--mixed--
				""");

		assertThat(answer(reply)).contains(new AnswerReader.Answer("Approve", "the quote is attached."));
	}

	@Test
	void aForwardedOriginalIsNoComment() throws Exception {
		String forwarded = HEADERS.replace("RE: ", "Fwd: ") + "Content-Type: text/plain; charset=utf-8\n\n";
		InboundMessage apple = read(forwarded + """
				Approve

				Begin forwarded message:

				From: Order Desk <hil@example.com>
				Subject: Approve order 7?
				Date: 5 December 2026 at 10:00:00 CET
				To: ann@example.com

				Approve order 7?
				""");
		InboundMessage gmail = read(forwarded + """
				Approve

				---------- Forwarded message ---------
				From: Order Desk <hil@example.com>
				Date: Mon, 5 Dec 2026 at 10:00
				Subject: Approve order 7?
				To: <ann@example.com>

				Approve order 7?
				""");
		InboundMessage outlook = read(forwarded.replace("Fwd: ", "FW: ") + """
				Approve

				________________________________
				From: Order Desk <hil@example.com>
				Sent: Monday, December 5, 2026 10:00 AM
				Subject: Approve order 7?

				Approve order 7?
				""");

		for (InboundMessage reply : List.of(apple, gmail, outlook)) {
			assertThat(answer(reply)).contains(new AnswerReader.Answer("Approve", null));
		}
	}

	@Test
	void thunderbirdsHtmlSignatureIsNoComment() throws Exception {
		InboundMessage reply = read(HEADERS + """
				Content-Type: text/html; charset=UTF-8
				Content-Transfer-Encoding: 8bit

				<html><body><p>Approve</p><div class="moz-cite-prefix">On 05.12.26 10:00, Order Desk wrote:<br></div>
				<blockquote type="cite">Approve order 7?</blockquote><br><pre class="moz-signature" cols="72">--\s
				Ann Example
				Purchasing</pre></body></html>
				""", StandardCharsets.UTF_8);

		assertThat(answer(reply)).contains(new AnswerReader.Answer("Approve", null));
	}

	@Test
	void theIdsAReplyRefersToAreReadWrittenTogetherOrWithAComment() throws Exception {
		InboundMessage together = read("""
				From: ann@example.com
				Message-ID: <reply-2@example.com>
				References: <thread-start@example.com><request-1@example.com>
				Content-Type: text/plain

				Approve
				""");
		InboundMessage withComment = read("""
				From: ann@example.com
				Message-ID: <reply-3@example.com>
				In-Reply-To: <request-1@example.com> (Order Desk's message of "Mon, 5 Dec 2026 10:00:00")
				Content-Type: text/plain

				Approve
				""");

		assertThat(together.referencedIds()).containsExactly("thread-start@example.com", "request-1@example.com");
		assertThat(withComment.referencedIds()).containsExactly("request-1@example.com");
	}

	@Test
	void textLabelledIso88591IsReadAsTheWindows1252ItHolds() throws Exception {
		// Outlook's en dash (0x96) and apostrophe (0x92) lie where ISO-8859-1 has control characters
		InboundMessage reply = read(HEADERS + """
				Content-Type: text/plain; charset="iso-8859-1"
				Content-Transfer-Encoding: quoted-printable

				Genehmigen =96 passt, die Lieferung l=E4uft =FCber Bob=92s Konto.

				Von: Auftragsstelle <hil@example.com>
				Gesendet: Mittwoch, 25. November 2026 10:02
				An: Ann Example <ann@example.com>
				Betreff: Bestellung 7 freigeben?
				""");

		assertThat(answer(reply, List.of("Genehmigen", "Ablehnen")))
			.contains(new AnswerReader.Answer("Genehmigen", "passt, die Lieferung läuft über Bob’s Konto."));
	}

	@Test
	void textWithoutACharsetOrInOneJavaDoesNotKnowIsReadAsUtf8WhereItIsUtf8() throws Exception {
		String body = "Refusé – trop cher\n";
		InboundMessage unlabelled = read(HEADERS + "Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n"
				+ body, StandardCharsets.UTF_8);
		InboundMessage unknown = read(HEADERS + "Content-Type: text/plain; charset=unknown-8bit\n"
				+ "Content-Transfer-Encoding: 8bit\n\n" + body, StandardCharsets.UTF_8);
		InboundMessage unknownLatin = read(HEADERS + "Content-Type: text/plain; charset=x-unknown\n"
				+ "Content-Transfer-Encoding: 8bit\n\nRefusé\n", StandardCharsets.ISO_8859_1);

		for (InboundMessage reply : List.of(unlabelled, unknown)) {
			assertThat(answer(reply, List.of("Approuvé", "Refusé")))
				.contains(new AnswerReader.Answer("Refusé", "trop cher"));
		}
		assertThat(answer(unknownLatin, List.of("Approuvé", "Refusé"))).contains(new AnswerReader.Answer("Refusé", null));
	}

	/** The answer and comment the reply gives to the task's options. */
	private static Optional<AnswerReader.Answer> answer(InboundMessage reply) {
		return answer(reply, OPTIONS);
	}

	private static Optional<AnswerReader.Answer> answer(InboundMessage reply, List<String> options) {
		return AnswerReader.answer(reply.typedText(), options);
	}

	private static String base64(String text) {
		return Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A message as the mailbox holds it, from its raw text in ISO-8859-1 (8-bit bytes as written). */
	static InboundMessage read(String raw) throws Exception {
		return read(raw, StandardCharsets.ISO_8859_1);
	}

	static InboundMessage read(String raw, Charset bytes) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(bytes)));
		return InboundMessage.read(message, "fallback-id", new InboundMessage.Limits(64 * 1024, 1024 * 1024));
	}

}
