package org.qinglang.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.EvidenceKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real-world mail from other projects' parser test suites (src/test/resources/mail/corpus, each
 * file's source and licence in its SOURCES.md): malformed, multi-charset, list mail, bounces, spam,
 * forwards. All of it goes through SMTP into the intake mailbox and the watcher reads it as in
 * production. Nothing may be lost or refused in silence.
 */
@QinglangTest
@ExtendWith(OutputCaptureExtension.class)
class MailCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/mail/corpus");
    static final String INTAKE = "complaints@qinglang.local";
    static final String ENVELOPE_SENDER = "corpus@test.example";
    static final List<String> FOLDERS = List.of("INBOX", "Processed", "Ignored", "Unmatched", "Quarantine");
    /** What GreenMail puts above a message it receives. */
    static final Pattern TRACE_HEADERS = Pattern.compile(
            "^Return-Path: <[^>]*>\r\nReceived: from 127\\.0\\.0\\.1 \\(HELO test\\.example\\);[^\r\n]*\r\n");
    /** One entry of the description's list of attachments not accepted: "name (type, 123 B)". */
    static final Pattern REFUSED_ENTRY = Pattern.compile("\\([^()]*/[^()]*, \\d+ B\\)");
    /** Robots by the RFCs and common practice, written out here apart from the parser's own rules. */
    static final Pattern ROBOT_LOCAL_PART = Pattern.compile(
            "mailer-daemon|postmaster|no-?reply.*|do-?not-?reply.*|bounces?([-+_].*)?|.*-request|.*-bounces?(\\+.*)?"
                    + "|owner-.*|.*-owner|dmarc.*");
    static final Set<String> LIST_HEADERS = Set.of("List-Id", "List-Unsubscribe", "List-Post", "List-Help",
            "List-Owner", "X-Mailman-Version");

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    MailboxWatcher watcher;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    org.qinglang.mail.MailSettings mailSettings;

    /** What we sent to the address (the server also holds the corpus itself, addressed to anyone). */
    private List<MimeMessage> answersTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                String from = sender(message);
                jakarta.mail.Address[] to = message.getRecipients(Message.RecipientType.TO);
                return mailSettings.from().equalsIgnoreCase(from) && to != null && Arrays.stream(to)
                        .anyMatch(a -> a instanceof InternetAddress internet && internet.getAddress() != null
                                && internet.getAddress().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    record Sent(Path file, byte[] stored, MimeMessage message) {
    }

    @Test
    void everyMessageEndsInOneFolderAndEveryPersonIsAnsweredButNoRobot(CapturedOutput output) throws Exception {
        mail.setUser(INTAKE, INTAKE, "complaints");
        List<Sent> sent = new ArrayList<>();
        List<String> refusedByTheServer = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                String reply = TestMail.trySendRaw(bytes, ENVELOPE_SENDER, INTAKE);
                if (!reply.startsWith("250")) {
                    // The test server (GreenMail, as the embedded default) cannot store every message a real
                    // one does (a MIME header twice in one part): the sender's server keeps it and retries.
                    refusedByTheServer.add(CORPUS.relativize(file) + ": " + reply);
                    continue;
                }
                byte[] stored = TestMail.onTheWire(bytes);
                sent.add(new Sent(file, stored, new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(stored))));
            }
        }
        assertThat(sent).hasSizeGreaterThanOrEqualTo(100);
        assertThat(refusedByTheServer).as("refused by the test mail server").hasSizeLessThan(sent.size() / 20);
        int logStart = output.getAll().length();

        // A message whose handling fails is tried again after growing waits: the clock moves on until none is left.
        long now = System.currentTimeMillis();
        for (int round = 1; round <= 10 && count("INBOX") > 0; round++) {
            watcher.pollOnce();
            ClockUtil.setCurrentTime(new Date(now + round * 20L * 60 * 1000));
        }

        // Every message is in exactly one folder, none left in the inbox.
        Map<String, List<byte[]>> folders = new LinkedHashMap<>();
        for (String folder : FOLDERS) {
            folders.put(folder, rawMessages(folder));
        }
        assertThat(folders.get("INBOX")).as("messages left in the inbox").isEmpty();
        Map<Sent, String> folderOf = new HashMap<>();
        Map<String, Integer> kept = new HashMap<>();
        folders.forEach((folder, messages) -> messages.forEach(raw -> kept.merge(key(folder, withoutTrace(raw)), 1,
                Integer::sum)));
        for (Sent message : sent) {
            List<String> in = FOLDERS.stream().filter(folder -> kept.getOrDefault(key(folder, message.stored()), 0) > 0)
                    .toList();
            assertThat(in).as("%s is in exactly one folder", message.file()).hasSize(1);
            folderOf.put(message, in.get(0));
        }
        assertThat(folders.values().stream().mapToInt(List::size).sum()).isEqualTo(sent.size());

        // Nothing went wrong unseen.
        assertThat(output.getAll().substring(logStart)).doesNotContainPattern("(?m)^\\S+\\s+ERROR\\s");

        Map<String, Boolean> personAt = new HashMap<>();
        for (Sent message : sent) {
            String address = sender(message.message());
            if (address != null) {
                personAt.merge(address, !isRobot(message.message(), address), Boolean::logicalOr);
            }
        }
        int cases = 0;
        int refusedPeople = 0;
        for (Sent message : sent) {
            String folder = folderOf.get(message);
            String address = sender(message.message());
            boolean robot = address == null || isRobot(message.message(), address);
            // No answer to a robot (unless a person writes from the same address too).
            if (robot && address != null && !personAt.get(address)) {
                assertThat(answersTo(address)).as("answers to the robot %s (%s)", address, message.file())
                        .isEmpty();
            }
            // An answer to every person whose mail was refused.
            if (!robot && (folder.equals("Quarantine") || folder.equals("Unmatched"))) {
                refusedPeople++;
                assertThat(answersTo(address)).as("answer to %s for %s", address, message.file()).isNotEmpty();
            }
            // Every attachment of a case's mail is evidence or listed as not accepted.
            if (folder.equals("Processed")) {
                Optional<Complaint> complaint = caseOf(message.message());
                if (complaint.isPresent()) {
                    cases++;
                    checkAttachments(message, complaint.get());
                }
            }
        }
        assertThat(cases).as("cases made from the corpus").isPositive();
        assertThat(refusedPeople).as("people refused and answered").isPositive();
    }

    private void checkAttachments(Sent message, Complaint complaint) throws Exception {
        Count count = new Count();
        try {
            countAttachments(message.message(), count, 0);
        } catch (Exception unreadable) {
            return; // our own walk cannot read it: nothing to compare against
        }
        long evidence = complaint.getEvidence().stream()
                .filter(e -> e.getKind() == EvidenceKind.ATTACHMENT && !e.getFileName().equals("message-text.txt"))
                .count();
        Matcher refused = REFUSED_ENTRY.matcher(listOfRefused(complaint.getDescription()));
        long listed = refused.results().count();
        if (count.tnef) {
            // The files inside a winmail.dat take its place.
            assertThat(evidence + listed).as("%s", message.file()).isGreaterThanOrEqualTo(count.files);
        } else {
            assertThat(evidence + listed).as("attachments of %s: evidence %d, listed %d", message.file(), evidence,
                    listed).isEqualTo(count.files);
        }
    }

    private static String listOfRefused(String description) {
        int at = description.lastIndexOf("Attachments not accepted: ");
        return at < 0 ? "" : description.substring(at);
    }

    static final class Count {
        int files;
        boolean tnef;
    }

    /**
     * Files in the MIME tree, by the rule a reader would apply: every leaf with content that is not
     * the message's text (text/plain or text/html not marked as attachment), in every branch.
     */
    private static void countAttachments(Part part, Count count, int depth) throws Exception {
        ContentType type;
        try {
            type = new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
        } catch (jakarta.mail.internet.ParseException e) {
            type = new ContentType("application", "octet-stream", null);
        }
        if (type.match("multipart/*") && depth < 20) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                countAttachments(child, count, depth + 1);
            }
            return;
        }
        if (type.match("message/rfc822") && part.getContent() instanceof MimeMessage inner) {
            countAttachments(inner, count, depth + 1);
            return;
        }
        boolean markedAttachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (!markedAttachment && (type.match("text/plain") || type.match("text/html"))) {
            return;
        }
        byte[] content;
        try (InputStream in = part.getInputStream()) {
            content = in.readAllBytes();
        }
        if (content.length > 0) {
            count.files++;
            String name = part.getFileName();
            count.tnef |= type.match("application/ms-tnef") || type.match("application/vnd.ms-tnef")
                    || (name != null && name.equalsIgnoreCase("winmail.dat"));
        }
    }

    private Optional<Complaint> caseOf(MimeMessage message) {
        ParsedMail parsed;
        try {
            parsed = MailParser.parse(message);
        } catch (UnreadableMailException e) {
            return Optional.empty();
        }
        return transaction.execute(status -> complaints.findByExternalMessageId(parsed.messageId()).map(c -> {
            c.getEvidence().size();
            return c;
        }));
    }

    /** The sender's address when the From header names a usable one. */
    private static String sender(MimeMessage message) {
        try {
            String from = message.getHeader("From", ",");
            if (from == null) {
                return null;
            }
            // Raw UTF-8 (internationalised addresses, RFC 6532) as the bytes say.
            byte[] bytes = from.getBytes(StandardCharsets.ISO_8859_1);
            if (from.chars().allMatch(c -> c <= 0xFF) && java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)) != null) {
                from = new String(bytes, StandardCharsets.UTF_8);
            }
            InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
            if (addresses.length == 0 || addresses[0].getAddress() == null || !addresses[0].getAddress().contains("@")) {
                return null;
            }
            // Obsolete syntax (RFC 5322 4.4): comments and spaces may sit inside an address.
            String address = addresses[0].getAddress().replaceAll("\\([^()]*\\)", "").replaceAll("\\s+", "");
            return address.toLowerCase(Locale.ROOT);
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static boolean isRobot(MimeMessage message, String address) throws Exception {
        String local = address.substring(0, address.indexOf('@'));
        if (ROBOT_LOCAL_PART.matcher(local).matches()) {
            return true;
        }
        for (String header : LIST_HEADERS) {
            if (message.getHeader(header) != null) {
                return true;
            }
        }
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        String precedence = message.getHeader("Precedence", null);
        String type = message.getHeader("Content-Type", null);
        return (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no"))
                || (precedence != null && Set.of("bulk", "list", "junk", "auto_reply")
                        .contains(precedence.strip().toLowerCase(Locale.ROOT)))
                || (type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/report"))
                || message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null;
    }

    /** A message by its bytes; servers differ only in how many line breaks they keep at its very end. */
    private static String key(String folder, byte[] message) {
        int end = message.length;
        while (end > 0 && (message[end - 1] == '\r' || message[end - 1] == '\n')) {
            end--;
        }
        return folder + "|" + org.qinglang.common.Sha256.hex(Arrays.copyOf(message, end));
    }

    private static byte[] withoutTrace(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher trace = TRACE_HEADERS.matcher(text);
        return trace.find() ? Arrays.copyOfRange(raw, trace.end(), raw.length) : raw;
    }

    private int count(String folderName) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", TestMail.IMAP_PORT, INTAKE, "complaints");
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    private List<byte[]> rawMessages(String folderName) throws Exception {
        List<byte[]> messages = new ArrayList<>();
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", TestMail.IMAP_PORT, INTAKE, "complaints");
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return messages;
            }
            folder.open(Folder.READ_ONLY);
            try {
                Message[] all = folder.getMessages();
                jakarta.mail.FetchProfile whole = new jakarta.mail.FetchProfile();
                whole.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.MESSAGE);
                folder.fetch(all, whole);
                for (Message message : all) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    message.writeTo(out);
                    messages.add(out.toByteArray());
                }
            } finally {
                folder.close(false);
            }
        }
        return messages;
    }
}
