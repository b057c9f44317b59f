package org.qinglang.inbox;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.qinglang.common.Sha256;
import org.qinglang.intake.NewComplaint.Attachment;

/**
 * Reads mail as it really arrives: GB2312/GBK/GB18030 and UTF-8, base64 and quoted-printable,
 * RFC 2047 headers and RFC 2231 file names, multipart/alternative (plain text preferred),
 * HTML-only bodies (turned into text, scripts dropped) and forwarded messages.
 */
public final class MailParser {

    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");

    private MailParser() {
    }

    public static ParsedMail parse(MimeMessage message) throws UnreadableMailException {
        try {
            Charset unlabelled = unlabelledCharset(message);
            InternetAddress from = sender(message, unlabelled);
            String subject = decodeHeader(message.getHeader("Subject", null), unlabelled);
            List<String> texts = new ArrayList<>();
            List<Attachment> attachments = new ArrayList<>();
            collect(message, texts, attachments, unlabelled);
            String text = String.join("\n\n", texts).strip();
            String messageId = message.getMessageID();
            if (messageId == null || messageId.isBlank()) {
                // Without a Message-ID the content itself identifies a redelivery.
                messageId = "<sha256-" + Sha256.hex((from + "|" + subject + "|" + text).getBytes(StandardCharsets.UTF_8))
                        + "@qinglang.invalid>";
            }
            return new ParsedMail(messageId.strip(), from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                    from == null ? null : from.getPersonal(), subject == null ? "" : subject, text, attachments,
                    referencedIds(message), isAutomatic(message, from == null ? null : from.getAddress()));
        } catch (MessagingException | IOException e) {
            throw new UnreadableMailException(UnreadableMailException.Reason.BROKEN_MIME, String.valueOf(e.getMessage()));
        }
    }

    /**
     * The sender, read leniently: raw 8-bit names in the message's charset, and the obsolete syntax of
     * RFC 5322 section 4 (comments and spaces inside the address, {@code From  :}) that strict parsing
     * refuses although a person sent it.
     */
    private static InternetAddress sender(MimeMessage message, Charset unlabelled) throws MessagingException {
        String raw = message.getHeader("From", ",");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] from = InternetAddress.parseHeader(UnlabelledCharset.decode(raw, unlabelled), false);
            if (from.length == 0 || from[0].getAddress() == null) {
                return null;
            }
            String address = from[0].getAddress().replaceAll("\\([^()]*\\)", "").replaceAll("\\s+", "");
            if (!address.matches("[^@\\s<>()]+@[^@\\s<>()]+")) {
                return null;
            }
            return new InternetAddress(address, from[0].getPersonal(), StandardCharsets.UTF_8.name());
        } catch (jakarta.mail.internet.AddressException | UnsupportedEncodingException e) {
            return null;
        }
    }

    /**
     * Auto-replies, bulk and list mail, delivery and feedback reports and other robots' messages never
     * open cases and are never answered (RFC 3834, RFC 2369, RFC 3464, RFC 5965, common practice).
     */
    static boolean isAutomatic(MimeMessage message, String fromAddress) throws MessagingException {
        if (isRobotAddress(fromAddress)) {
            return true;
        }
        String contentType = message.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            return true;
        }
        for (String listHeader : new String[] {"List-Unsubscribe", "List-Post", "List-Help", "List-Owner",
            "X-Mailman-Version"}) {
            if (message.getHeader(listHeader) != null) {
                return true;
            }
        }
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null
                || message.getHeader("List-Id") != null;
    }

    /** Addresses only robots send from: no-reply boxes, list and bounce addresses, mailer daemons. */
    static boolean isRobotAddress(String address) {
        if (address == null || !address.contains("@")) {
            return false;
        }
        String local = address.substring(0, address.indexOf('@')).toLowerCase(Locale.ROOT);
        return ROBOT_LOCAL_PART.matcher(local).matches();
    }

    private static final java.util.regex.Pattern ROBOT_LOCAL_PART = java.util.regex.Pattern.compile(
            "((no-?reply|do-?not-?reply)([-_.+].*)?|mailer-daemon|postmaster|bounces?([-_+].*)?|dmarc.*"
                    + "|.*-request|.*-bounces?(\\+.*)?|.*-owner|owner-.*)");

    private static List<String> referencedIds(MimeMessage message) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String value = message.getHeader(header, " ");
            if (value != null) {
                for (String token : value.split("\\s+")) {
                    if (token.startsWith("<") && token.endsWith(">")) {
                        ids.add(token);
                    }
                }
            }
        }
        return List.copyOf(ids);
    }

    private static void collect(Part part, List<String> texts, List<Attachment> attachments, Charset unlabelled)
            throws MessagingException, IOException, UnreadableMailException {
        ContentType type = contentType(part);
        String disposition = part.getDisposition();
        String fileName = fileName(part, unlabelled);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || (fileName != null
                && !type.match("text/plain") && !type.match("text/html"));

        if (type.match("multipart/alternative")) {
            Multipart alternatives = (Multipart) part.getContent();
            Part chosen = null;
            for (int i = 0; i < alternatives.getCount(); i++) {
                BodyPart candidate = alternatives.getBodyPart(i);
                ContentType candidateType = contentType(candidate);
                if (candidateType.match("text/plain")) {
                    chosen = candidate;
                    break;
                }
                if (chosen == null || candidateType.match("text/html") || candidateType.match("multipart/*")) {
                    chosen = candidate;
                }
            }
            if (chosen != null) {
                collect(chosen, texts, attachments, unlabelled);
            }
            // The other branches say the same in another form, but what they attach is evidence all the same.
            for (int i = 0; i < alternatives.getCount(); i++) {
                BodyPart other = alternatives.getBodyPart(i);
                if (other != chosen) {
                    collect(other, new ArrayList<>(), attachments, unlabelled);
                }
            }
        } else if (type.match("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                collect(parts.getBodyPart(i), texts, attachments, unlabelled);
            }
        } else if (type.match("message/rfc822") && part.getContent() instanceof MimeMessage forwarded) {
            // A forwarded complaint: its headers tell where it came from, its parts are evidence.
            Charset forwardedUnlabelled = unlabelledCharset(forwarded);
            texts.add("---------- Forwarded message ----------\nFrom: "
                    + decodeHeader(forwarded.getHeader("From", ","), forwardedUnlabelled)
                    + "\nSubject: " + decodeHeader(forwarded.getHeader("Subject", null), forwardedUnlabelled));
            collect(forwarded, texts, attachments, forwardedUnlabelled);
        } else if (!attachment && type.match("text/plain")) {
            texts.add(decodeText(part, type));
        } else if (!attachment && type.match("text/html")) {
            texts.add(htmlToText(decodeText(part, type)));
        } else {
            byte[] content;
            try (InputStream in = part.getInputStream()) {
                content = in.readAllBytes();
            }
            if (content.length > 0) {
                Attachment whole = new Attachment(fileName == null ? "attachment" : fileName,
                        type.getBaseType().toLowerCase(Locale.ROOT), content, null);
                attachments.addAll(OutlookTnef.isTnef(whole) ? OutlookTnef.unpack(whole) : List.of(whole));
            }
        }
    }

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            String raw = part.getContentType();
            return new ContentType(raw == null ? "text/plain" : raw);
        } catch (ParseException e) {
            return new ContentType("application", "octet-stream", null);
        }
    }

    private static String fileName(Part part, Charset unlabelled) throws MessagingException {
        String name;
        try {
            name = part.getFileName(); // RFC 2231 parameters are decoded by Jakarta Mail
        } catch (MessagingException e) {
            name = null;
        }
        if (name == null) {
            return null;
        }
        // A name written as raw bytes (no RFC 2231, no encoded word) is in the message's unlabelled charset.
        boolean rawName = UnlabelledCharset.hasRawBytes(header(part, "Content-Disposition"))
                || UnlabelledCharset.hasRawBytes(header(part, "Content-Type"));
        String decoded = decodeHeader(rawName ? UnlabelledCharset.decode(name, unlabelled) : name);
        // Keep only the name: never a path, never control characters.
        decoded = decoded.replaceAll("[\\\\/]", "_").replaceAll("\\p{Cntrl}", "").strip();
        return decoded.isEmpty() ? null : decoded.length() > 255 ? decoded.substring(0, 255) : decoded;
    }

    /** A header value: raw 8-bit bytes in the message's unlabelled charset, then RFC 2047 encoded words. */
    static String decodeHeader(String raw, Charset unlabelled) {
        return decodeHeader(UnlabelledCharset.decode(raw, unlabelled));
    }

    static String decodeHeader(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (UnsupportedEncodingException e) {
            return raw;
        }
    }

    private static String decodeText(Part part, ContentType type) throws MessagingException, IOException,
            UnreadableMailException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String label = type.getParameter("charset");
        // A body without a charset label is UTF-8 when it decodes as UTF-8, else detected.
        return new String(bytes, label == null || label.isBlank()
                ? UnlabelledCharset.choose(bytes, null) : charset(label));
    }

    /**
     * The charset of the message's unlabelled 8-bit header bytes (Subject, From, file names), chosen
     * from all of them together, with the charset its text declares as the first guess after UTF-8.
     */
    static Charset unlabelledCharset(MimeMessage message) throws MessagingException {
        java.io.ByteArrayOutputStream sample = new java.io.ByteArrayOutputStream();
        Charset[] declared = new Charset[1];
        for (String header : new String[] {"Subject", "From"}) {
            addRawBytes(sample, message.getHeader(header, ","));
        }
        rawPartHeaders(message, sample, declared, 0);
        return sample.size() == 0 ? StandardCharsets.UTF_8 : UnlabelledCharset.choose(sample.toByteArray(), declared[0]);
    }

    private static void rawPartHeaders(Part part, java.io.ByteArrayOutputStream sample, Charset[] declared, int depth)
            throws MessagingException {
        addRawBytes(sample, header(part, "Content-Type"));
        addRawBytes(sample, header(part, "Content-Disposition"));
        ContentType type = contentType(part);
        if (declared[0] == null && type.match("text/*") && type.getParameter("charset") != null) {
            try {
                declared[0] = charset(type.getParameter("charset"));
            } catch (UnreadableMailException unknown) {
                // an unknown label says nothing about the headers
            }
        }
        if (type.match("multipart/*") && depth < 20) {
            try {
                if (part.getContent() instanceof Multipart parts) {
                    for (int i = 0; i < parts.getCount(); i++) {
                        rawPartHeaders(parts.getBodyPart(i), sample, declared, depth + 1);
                    }
                }
            } catch (IOException | MessagingException broken) {
                // a broken part is handled (and reported) when the message is read
            }
        }
    }

    /** A part's header as Jakarta Mail read it (every occurrence, joined), or null. */
    private static String header(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null ? null : String.join(" ", values);
    }

    private static void addRawBytes(java.io.ByteArrayOutputStream sample, String value) {
        if (UnlabelledCharset.hasRawBytes(value)) {
            sample.writeBytes(UnlabelledCharset.bytesOf(value));
            sample.write(' ');
        }
    }

    /** GB2312 and GBK labels often carry GB18030 text; GB18030 reads all three. */
    static Charset charset(String label) throws UnreadableMailException {
        if (label == null || label.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String name = MimeUtility.javaCharset(label.strip().replace("\"", ""));
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("gb2312") || lower.equals("gbk") || lower.equals("euc_cn") || lower.equals("cp936")
                || lower.equals("x-gbk") || lower.equals("gb18030")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnreadableMailException(UnreadableMailException.Reason.UNKNOWN_CHARSET, label);
        }
    }

    /** Text of an HTML body: scripts, styles and markup are dropped, line structure kept. */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, noscript, iframe, object, embed").remove();
        document.select("br").append("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6").prepend("\\n");
        String text = document.text().replace("\\n", "\n");
        return text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
