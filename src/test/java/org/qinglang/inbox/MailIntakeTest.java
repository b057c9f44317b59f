package org.qinglang.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.common.Sha256;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.casefile.Evidence;
import org.qinglang.inbox.MailIntake.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/** Complaints and replies arriving in a real IMAP mailbox, handled as the watcher does. */
@QinglangTest
class MailIntakeTest {

    static final String INTAKE = "complaints@qinglang.local";

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    MailboxWatcher watcher;
    @Autowired
    org.qinglang.casework.CaseReplies replies;
    @Autowired
    MailIntake mailIntake;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    CaseDriver cases;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TestRestTemplate http;

    GreenMailUser intakeBox;

    @BeforeEach
    void intakeMailbox() {
        intakeBox = mail.setUser(INTAKE, INTAKE, "complaints");
    }

    static int unique = 0;

    private MimeMessage raw(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    private MimeMessage fixture(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/mail/" + name)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static String b64(String text, String charset) {
        return Base64.getMimeEncoder().encodeToString(text.getBytes(Charset.forName(charset)));
    }

    private void deliver(MimeMessage message) {
        intakeBox.deliver(message);
    }

    private Complaint caseFrom(String messageId) {
        return transaction.execute(status -> {
            Complaint c = complaints.findByExternalMessageId(messageId).orElseThrow();
            c.getEvidence().size();
            return c;
        });
    }

    private List<String> folder(String name) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", TestMail.IMAP_PORT, INTAKE, "complaints");
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<String> ids = new java.util.ArrayList<>();
            for (var m : folder.getMessages()) {
                ids.add(((MimeMessage) m).getMessageID());
            }
            folder.close(false);
            return ids;
        }
    }

    @Test
    void gbkComplaintBecomesACaseWithItsLinkPlatformAndAccount() throws Exception {
        deliver(fixture("sample-impersonation-gbk.eml"));

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.CASE_CREATED) + result.count(Outcome.ALREADY_RECEIVED)).isEqualTo(1);
        Complaint complaint = caseFrom("<sample-gbk-1@mail.example>");
        assertThat(complaint.getSource()).isEqualTo(ComplaintSource.EMAIL);
        assertThat(complaint.getCategory()).isEqualTo(ComplaintCategory.IMPERSONATION);
        assertThat(complaint.getPlatformCode()).isEqualTo("shortvideo");
        assertThat(complaint.getContentUrl()).isEqualTo("https://shortvideo.example/@fake_official");
        assertThat(complaint.getAccountName()).isEqualTo("官方辟谣平台");
        assertThat(complaint.getComplainantName()).isEqualTo("张先生");
        assertThat(complaint.getDescription()).contains("举报冒充官方账号").contains("冒充网信部门");
        assertThat(folder("INBOX")).isEmpty();
        assertThat(folder("Processed")).contains("<sample-gbk-1@mail.example>");

        cases.runDueJobs(complaint.getCaseNumber());
        assertThat(TestMail.to(mail, "zhang@mail.example")).anyMatch(m -> TestMail.subject(m)
                .contains(complaint.getCaseNumber()));

        String listed = http.withBasicAuth("caseworker", "caseworker")
                .getForObject("/api/complaints?source=EMAIL&size=100", String.class);
        assertThat(listed).contains(complaint.getCaseNumber()).contains("冒充网信部门").contains("\"sha256\"");
    }

    /** A message as bytes: ASCII lines with some text in a legacy charset, raw (no encoded words). */
    private static byte[] bytes(Object... pieces) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object piece : pieces) {
            out.writeBytes(piece instanceof byte[] b ? b : piece.toString().replace("\n", "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static byte[] in(String charset, String text) {
        return text.getBytes(Charset.forName(charset));
    }

    @Test
    void rawEightBitHeadersAreDecodedAndKeptAsTheyArrived(@Autowired QuarantineRegister register) throws Exception {
        int n = ++unique;
        // Foxmail and older Outlook write GBK bytes straight into the headers; the body says gb2312.
        byte[] gbk = bytes("From: ", in("GBK", "张先生"), " <zhang.raw@mail.example>\n",
                "To: complaints@qinglang.local\n",
                "Subject: ", in("GBK", "举报谣言账号"), "\n",
                "Message-ID: <raw-gbk-" + n + "@mail.example>\n",
                "X-Mailer: Foxmail 7.2.25.254[cn]\n",
                "MIME-Version: 1.0\n",
                "Content-Type: multipart/mixed; boundary=\"----=_001\"\n\n",
                "------=_001\nContent-Type: text/plain; charset=\"gb2312\"\nContent-Transfer-Encoding: base64\n\n",
                b64("账号“真相哥”造谣 https://weiyu.example/p/raw-gbk-" + n + " 请核实。", "GBK"), "\n",
                "------=_001\nContent-Type: image/png; name=\"", in("GBK", "证据截图.png"), "\"\n",
                "Content-Disposition: attachment; filename=\"", in("GBK", "证据截图.png"), "\"\n",
                "Content-Transfer-Encoding: base64\n\n",
                Base64.getMimeEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}),
                "\n------=_001--\n");
        // Mail from clients that send UTF-8 headers unencoded (SMTPUTF8 style).
        byte[] utf8 = bytes("From: ", in("UTF-8", "李女士"), " <li.raw@mail.example>\n",
                "To: complaints@qinglang.local\n",
                "Subject: ", in("UTF-8", "举报冒充账号"), "\n",
                "Message-ID: <raw-utf8-" + n + "@mail.example>\n",
                "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n",
                in("UTF-8", "冒充官方 https://shortvideo.example/@raw_utf8_" + n + "\r\n"));
        // Big5 everywhere and no charset anywhere: detected from the message's bytes together.
        String big5Subject = "檢舉網路謠言，請盡快處理";
        byte[] big5 = bytes("From: ", in("Big5", "陳小姐"), " <chen.raw@mail.example>\n",
                "To: complaints@qinglang.local\n",
                "Subject: ", in("Big5", big5Subject), "\n",
                "Message-ID: <raw-big5-" + n + "@mail.example>\n",
                "Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n",
                in("Big5", "有人在網路上散佈關於本公司的不實消息，影響本公司的商業信譽。我忘了附上連結。\r\n"));

        TestMail.sendRaw(gbk, "zhang.raw@mail.example", INTAKE);
        TestMail.sendRaw(utf8, "li.raw@mail.example", INTAKE);
        TestMail.sendRaw(big5, "chen.raw@mail.example", INTAKE);
        watcher.pollOnce();

        Complaint fromGbk = caseFrom("<raw-gbk-" + n + "@mail.example>");
        assertThat(fromGbk.getComplainantName()).isEqualTo("张先生");
        assertThat(fromGbk.getDescription()).startsWith("举报谣言账号").contains("真相哥");
        assertThat(fromGbk.getEvidence()).extracting(e -> e.getFileName()).contains("证据截图.png");
        Complaint fromUtf8 = caseFrom("<raw-utf8-" + n + "@mail.example>");
        assertThat(fromUtf8.getComplainantName()).isEqualTo("李女士");
        assertThat(fromUtf8.getDescription()).startsWith("举报冒充账号");

        // Without a link the Big5 mail is refused: its sender is answered, the reason recorded, and the
        // quarantined copy is the message byte for byte as it arrived.
        assertThat(register.latest(10)).anySatisfy(row -> {
            assertThat(row.get("message_id")).isEqualTo("<raw-big5-" + n + "@mail.example>");
            assertThat(row.get("sender")).isEqualTo("chen.raw@mail.example");
            assertThat(row.get("reason")).isEqualTo("NO_LINK");
        });
        assertThat(TestMail.to(mail, "chen.raw@mail.example")).hasSize(1);
        byte[] kept = rawCopy("Quarantine", "<raw-big5-" + n + "@mail.example>");
        // The server adds its trace headers (Return-Path, Received) above and keeps no CRLF of the end of data.
        byte[] original = java.util.Arrays.copyOf(big5, big5.length - 2);
        assertThat(indexOf(kept, original)).as("the original bytes, whole, in the quarantined copy").isPositive();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("\u00ef\u00bf\u00bd");
        assertThat(MailParser.decodeHeader(rawSubject(kept), MailParser.unlabelledCharset(
                new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(kept)))))
                .isEqualTo(big5Subject);
    }

    private static String rawSubject(byte[] message) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message))
                .getHeader("Subject", null);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The bytes of a message in a folder of the intake mailbox, as the server keeps them. */
    private byte[] rawCopy(String folderName, String messageId) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", TestMail.IMAP_PORT, INTAKE, "complaints");
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                for (var m : folder.getMessages()) {
                    if (messageId.equals(((MimeMessage) m).getMessageID())) {
                        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                        m.writeTo(out);
                        return out.toByteArray();
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        throw new AssertionError(messageId + " is not in " + folderName);
    }

    /** Each client's mail (src/test/resources/mail/clients, see its README), sent through SMTP as it is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            foxmail-gb2312.eml;       <202612010912451234567@qq.example>; 张先生; 举报冒充网信部门的账号; 真相哥; weiyu-social; 截图1.png
            netease-163-gbk.eml;      <7c1d2e3f.4a5b.18c2d3e4f5a.Coremail.wang_ns@163.example>; 王女士; 关于冒充央视账号的举报; 冒充央视发布不实消息; shortvideo; 录屏截图.jpg
            qqmail-gb18030.eml;       <tencent_3A1B2C3D4E5F60718293A4B5C6D7E8F9A00B@qq.example>; 赵𠀀; 举报有偿删帖; 快看爆料王; kuaikan-toutiao; 转账记录.pdf
            outlook-tnef.eml;         <000001db4321$a1b2c3d4$e5f6a7b8$@enterprise.example>; 刘工; 企业维权：网络谣言举报材料; 法务部; weiyu-social; quick.pdf|quick.txt
            applemail-utf8.eml;       <5A6B7C8D-1E2F-4A5B-9C8D-0E1F2A3B4C5D@icloud.example>; 陈老师; 举报冒充学校的账号; 招生诈骗; shortvideo; 证据-招生诈骗.pdf|image.png
            outlook-express-big5.eml; <001501db43ff$1a2b3c40$0200a8c0@PC01>; 林小姐; 檢舉網路謠言; 產品的不實謠言; weiyu-social; 謠言截圖一.png
            netease-forward.eml;      <1a2b3c4d.5e6f.18c2e0000aa.Coremail.legal@126.example>; 受害企业法务; 转发：交钱删帖，价格优惠; 一条五千元; weiyu-social; 报价单.png
            """)
    void mailAsChineseClientsSendItBecomesACase(String file, String messageId, String name, String subject,
            String text, String platform, String evidence) throws Exception {
        byte[] message;
        try (InputStream in = getClass().getResourceAsStream("/mail/clients/" + file)) {
            message = in.readAllBytes();
        }
        TestMail.sendRaw(message, "client@mail.example", INTAKE);

        watcher.pollOnce();

        Complaint complaint = caseFrom(messageId);
        assertThat(complaint.getComplainantName()).isEqualTo(name);
        assertThat(complaint.getDescription()).startsWith(subject).contains(text).doesNotContain("\uFFFD");
        assertThat(complaint.getPlatformCode()).isEqualTo(platform);
        assertThat(complaint.getEvidence()).extracting(e -> e.getFileName())
                .contains(evidence.split("\\|")).doesNotContain("winmail.dat");
        assertThat(complaint.getDescription()).doesNotContain("Attachments not accepted: " + evidence.split("\\|")[0]);
    }

    @Test
    void anEnterpriseWritingAboutItselfIsAVictimEnterpriseAndFastTracked() throws Exception {
        int n = ++unique;
        deliver(raw("""
                From: Legal Dept <legal@enterprise.example>
                To: complaints@qinglang.local
                Subject: 关于不实信息的举报
                Message-ID: <victim-%d@mail.example>
                Content-Type: text/plain; charset=utf-8

                我公司被账号“黑料爆料”以半年前的旧图造谣排污，严重损害我公司声誉。https://weiyu.example/p/victim-%d
                """.formatted(n, n)));

        watcher.pollOnce();

        Complaint complaint = caseFrom("<victim-" + n + "@mail.example>");
        assertThat(complaint.getReporterType()).isEqualTo(org.qinglang.casefile.ReporterType.VICTIM_ENTERPRISE);
        cases.runDueJobs(complaint.getCaseNumber());
        // The triage table fast-tracks a victim enterprise: at least HIGH.
        assertThat(complaints.findByCaseNumber(complaint.getCaseNumber()).orElseThrow().getSeverity())
                .isIn("HIGH", "CRITICAL");
    }

    @Test
    void aLongComplaintByMailBecomesACaseWithItsWholeText() throws Exception {
        String text = "旧闻新炒，谣言称某地水库决堤。".repeat(400); // 6,000 characters
        deliver(raw("""
                From: Li Na <lina@mail.example>
                To: complaints@qinglang.local
                Subject: long rumour report
                Message-ID: <long-%d@mail.example>
                Content-Type: text/plain; charset=utf-8

                %s https://weiyu.example/p/long-%d
                """.formatted(++unique, text, unique)));

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.CASE_CREATED)).isEqualTo(1);
        assertThat(complaints.findByExternalMessageId("<long-" + unique + "@mail.example>").orElseThrow()
                .getDescription()).contains(text);
    }

    @Test
    void aTextTooLongForTheDescriptionIsKeptWholeAndTheRefusedFilesAreStillListed() throws Exception {
        int n = ++unique;
        String text = "旧闻新炒，谣言称某地水库决堤。".repeat(2000); // 30,000 characters
        deliver(raw("""
                From: Li Na <lina@mail.example>
                To: complaints@qinglang.local
                Subject: very long rumour report
                Message-ID: <verylong-%d@mail.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8

                %s https://weiyu.example/p/verylong-%d
                --b
                Content-Type: application/x-msdownload; name="tool.exe"
                Content-Disposition: attachment; filename="tool.exe"
                Content-Transfer-Encoding: base64

                TVqQAAMAAAAEAAAA
                --b--
                """.formatted(n, text, n)));

        watcher.pollOnce();

        Complaint complaint = caseFrom("<verylong-" + n + "@mail.example>");
        assertThat(complaint.getDescription()).endsWith("Attachments not accepted: tool.exe (application/x-msdownload, 12 B)");
        assertThat(complaint.getEvidence()).filteredOn(e -> e.getFileName().equals("message-text.txt"))
                .singleElement().satisfies(e -> assertThat(new String(e.getContent(), StandardCharsets.UTF_8))
                        .contains(text).contains("https://weiyu.example/p/verylong-" + n));
    }

    @Test
    void everyPersonIsAnsweredAndNoRobotIs() throws Exception {
        String tag = "people-" + ++unique;
        // No Message-ID at all, and one Message-ID shared by two senders: four people, four answers.
        for (String header : List.of("", "", "Message-ID: <0@localhost>\n", "Message-ID: <0@localhost>\n")) {
            int n = ++unique;
            deliver(raw("""
                    From: person%d-%s@mail.example
                    To: complaints@qinglang.local
                    Subject: 没有链接 no link
                    %sContent-Type: text/plain; charset=utf-8

                    我要举报，但忘了附上链接。
                    """.formatted(n, tag, header)));
        }
        // Robots: a Mailman digest, a DMARC aggregate report, a no-reply notice, a delivery report.
        deliver(raw("""
                From: qinglang-users-request@lists.example
                To: complaints@qinglang.local
                Subject: qinglang-users Digest, Vol 3, Issue 7
                X-Mailman-Version: 2.1.39
                Content-Type: text/plain

                Send qinglang-users mailing list submissions to qinglang-users@lists.example
                """));
        deliver(raw("""
                From: noreply-dmarc-support@google.com
                To: complaints@qinglang.local
                Subject: Report domain: qinglang.local Submitter: google.com
                Content-Type: text/plain

                This is an aggregate report from google.com.
                """));
        deliver(raw("""
                From: 平台通知 <no-reply@platform.example>
                To: complaints@qinglang.local
                Subject: 您的账号安全提醒
                Content-Type: text/plain; charset=utf-8

                这是一封系统邮件，请勿回复。
                """));
        deliver(raw("""
                From: Mail Delivery System <bounce-handler@relay.example>
                To: complaints@qinglang.local
                Subject: Undelivered Mail Returned to Sender
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                This is the mail system. Your message could not be delivered.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; relay.example
                --r--
                """));

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.QUARANTINED)).isEqualTo(4);
        assertThat(result.count(Outcome.IGNORED)).isEqualTo(4);
        for (int person = unique - 3; person <= unique; person++) {
            assertThat(TestMail.to(mail, "person" + person + "-" + tag + "@mail.example")).as("person " + person)
                    .hasSize(1);
        }
        for (String robot : List.of("qinglang-users-request@lists.example", "noreply-dmarc-support@google.com",
                "no-reply@platform.example", "bounce-handler@relay.example")) {
            assertThat(TestMail.to(mail, robot)).as(robot).isEmpty();
        }
    }

    @Test
    void oneSenderIsAnsweredAFewTimesAnHourAtMost() throws Exception {
        String sender = "looping-" + ++unique + "@autoresponder.example";
        for (int i = 0; i < MailIntake.ANSWERS_PER_SENDER_AND_HOUR + 3; i++) {
            deliver(raw("""
                    From: %s
                    To: complaints@qinglang.local
                    Subject: Re: 您的邮件未能受理
                    Message-ID: <loop-%d-%d@autoresponder.example>
                    Content-Type: text/plain; charset=utf-8

                    收到。
                    """.formatted(sender, unique, i)));
        }

        watcher.pollOnce();

        assertThat(TestMail.to(mail, sender)).hasSize(MailIntake.ANSWERS_PER_SENDER_AND_HOUR);
    }

    @Test
    void aMessageThatKeepsFailingIsTriedAgainLaterAndQuarantinedSayingWhy(
            @Autowired org.camunda.bpm.engine.RepositoryService repositoryService,
            @Autowired QuarantineRegister register) throws Exception {
        // The process cannot start while its definition is suspended: every attempt fails.
        repositoryService.suspendProcessDefinitionByKey("complaint-handling");
        try {
            int n = ++unique;
            deliver(raw("""
                    From: Li Na <lina@mail.example>
                    To: complaints@qinglang.local
                    Subject: rumour
                    Message-ID: <failing-%d@mail.example>
                    Content-Type: text/plain; charset=utf-8

                    造谣 https://weiyu.example/p/failing-%d
                    """.formatted(n, n)));
            assertThat(watcher.pollOnce().failed()).isEqualTo(1);
            // Polled again at once, it is not tried again: the watcher backs off.
            assertThat(watcher.pollOnce().failed()).isEqualTo(1);
            long waited = 0;
            for (int attempt = 2; attempt <= MailboxWatcher.MAX_ATTEMPTS; attempt++) {
                java.time.Duration wait = MailboxWatcher.FIRST_RETRY.multipliedBy(1L << (attempt - 2));
                waited += wait.toSeconds();
                org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                        new java.util.Date(System.currentTimeMillis() + (waited + 1) * 1000));
                watcher.pollOnce();
            }
            assertThat(folder("Quarantine")).contains("<failing-" + n + "@mail.example>");
            assertThat(register.latest(10)).anySatisfy(row -> {
                assertThat(row.get("message_id")).isEqualTo("<failing-" + n + "@mail.example>");
                assertThat((String) row.get("reason")).isEqualTo("FAILED_" + MailboxWatcher.MAX_ATTEMPTS + "_TIMES");
                assertThat((String) row.get("detail")).contains("suspended");
            });
        } finally {
            repositoryService.activateProcessDefinitionByKey("complaint-handling");
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void aQuarantinedMessageRecordsWhy(@Autowired QuarantineRegister register) throws Exception {
        int n = ++unique;
        deliver(raw("""
                From: zhao@mail.example
                To: complaints@qinglang.local
                Subject: 举报
                Message-ID: <nolink-%d@mail.example>
                Content-Type: text/plain; charset=utf-8

                有人造谣，但我忘了链接。
                """.formatted(n)));

        watcher.pollOnce();

        assertThat(register.latest(10)).anySatisfy(row -> {
            assertThat(row.get("message_id")).isEqualTo("<nolink-" + n + "@mail.example>");
            assertThat(row.get("sender")).isEqualTo("zhao@mail.example");
            assertThat(row.get("reason")).isEqualTo("NO_LINK");
        });
    }

    @Test
    void attachmentsInTheBranchNotReadAsTextAreEvidenceToo() throws Exception {
        int n = ++unique;
        String pdf = java.util.Base64.getEncoder().encodeToString("%PDF-1.4 evidence".getBytes(StandardCharsets.UTF_8));
        deliver(raw("""
                From: Wu Lei <wulei@mail.example>
                To: complaints@qinglang.local
                Subject: 有偿删帖证据
                Message-ID: <alternative-%1$d@mail.example>
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8

                有偿删帖 https://weiyu.example/p/paid-%1$d
                --alt
                Content-Type: multipart/mixed; boundary="html"

                --html
                Content-Type: text/html; charset=utf-8

                <p>有偿删帖 https://weiyu.example/p/paid-%1$d</p>
                --html
                Content-Type: application/pdf; name="转账记录.pdf"
                Content-Disposition: attachment; filename="transfer.pdf"
                Content-Transfer-Encoding: base64

                %2$s
                --html
                Content-Type: application/pdf; name="chat.pdf"
                Content-Disposition: attachment; filename="chat.pdf"
                Content-Transfer-Encoding: base64

                %2$s
                --html--
                --alt--
                """.formatted(n, pdf)));

        watcher.pollOnce();

        assertThat(caseFrom("<alternative-" + n + "@mail.example>").getEvidence())
                .extracting(e -> e.getFileName()).contains("transfer.pdf", "chat.pdf");
    }

    @Test
    void messagesWithAddressesTheServersEnvelopeCannotCarryAreStillRead() throws Exception {
        int n = ++unique;
        for (String to : List.of("baz", "\"Undisclosed Recipients\" <>", "IETF-Announce:;", "list@under_score.example")) {
            int m = ++unique;
            deliver(raw("""
                    From: Sun Li <sunli%2$d@mail.example>
                    To: %1$s
                    Subject: 造谣举报
                    Message-ID: <envelope-%2$d@mail.example>
                    Content-Type: text/plain; charset=utf-8

                    造谣 https://weiyu.example/p/envelope-%2$d
                    """.formatted(to, m)));
        }

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.CASE_CREATED)).isEqualTo(4);
        for (int m = n + 1; m <= n + 4; m++) {
            assertThat(complaints.findByExternalMessageId("<envelope-" + m + "@mail.example>")).isPresent();
        }
    }

    @Test
    void theSameMessageDeliveredTwiceGivesOneCase() throws Exception {
        String message = """
                From: Li Na <lina@mail.example>
                To: complaints@qinglang.local
                Subject: rumour about flood
                Message-ID: <twice-%d@mail.example>
                Content-Type: text/plain; charset=utf-8

                造谣：旧闻新炒 https://weiyu.example/p/flood-%d
                """.formatted(++unique, unique);
        deliver(raw(message));
        deliver(raw(message));

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.CASE_CREATED)).isEqualTo(1);
        assertThat(result.count(Outcome.ALREADY_RECEIVED)).isEqualTo(1);
        assertThat(complaints.findByExternalMessageId("<twice-" + unique + "@mail.example>")).isPresent();
        assertThat(folder("INBOX")).isEmpty();
    }

    @Test
    void decodesWhatChineseMailReallyLooksLike() throws Exception {
        int n = ++unique;
        String attachmentName = "截图.png";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        deliver(raw("""
                From: =?GB2312?B?%s?= <wang@mail.example>
                To: complaints@qinglang.local
                Subject: =?GB2312?B?%s?=
                Message-ID: <mixed-%d@mail.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=GB18030
                Content-Transfer-Encoding: base64

                %s
                --alt
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                <p>HTML version =E5=BA=94=E8=AF=A5=E4=B8=8D=E7=94=A8</p>
                --alt--
                --outer
                Content-Type: application/octet-stream
                Content-Transfer-Encoding: base64
                Content-Disposition: attachment; filename*=UTF-8''%s

                %s
                --outer--
                """.formatted(b64("王先生", "GB2312"), b64("举报网络敲诈", "GB2312"), n,
                b64("该账号：@kuaikan_extort 以删帖为名敲诈勒索。https://kuaikan-toutiao.example/u/extort-" + n,
                        "GB18030"),
                java.net.URLEncoder.encode(attachmentName, StandardCharsets.UTF_8).replace("+", "%20"),
                Base64.getEncoder().encodeToString(png))));

        watcher.pollOnce();

        Complaint complaint = caseFrom("<mixed-" + n + "@mail.example>");
        assertThat(complaint.getDescription()).startsWith("举报网络敲诈").contains("以删帖为名敲诈勒索")
                .doesNotContain("HTML version");
        assertThat(complaint.getCategory()).isEqualTo(ComplaintCategory.EXTORTION_PAID_DELETION);
        assertThat(complaint.getPlatformCode()).isEqualTo("kuaikan-toutiao");
        assertThat(complaint.getAccountName()).isEqualTo("@kuaikan_extort");
        assertThat(complaint.getComplainantName()).isEqualTo("王先生");
        Evidence attachment = complaint.getEvidence().stream().filter(e -> e.getKind().name().equals("ATTACHMENT"))
                .findFirst().orElseThrow();
        assertThat(attachment.getFileName()).isEqualTo(attachmentName);
        assertThat(attachment.getContentType()).isEqualTo("image/png");
        assertThat(attachment.getSha256()).isEqualTo(Sha256.hex(png));
    }

    @Test
    void htmlOnlyMailIsReadAsTextWithoutScripts() throws Exception {
        int n = ++unique;
        deliver(raw("""
                From: reporter@mail.example
                To: complaints@qinglang.local
                Subject: =?UTF-8?Q?=E8=99=9A=E5=81=87=E4=BF=A1=E6=81=AF?=
                Message-ID: <html-%d@mail.example>
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{color:red}</style><script>alert('x')</script></head>
                <body><p>谣言帖子：<a href="https://zhidao-forum.example/t/%d">链接</a></p>
                <p>https://zhidao-forum.example/t/%d</p><img src=x onerror="alert(1)"></body></html>
                """.formatted(n, n, n)));

        watcher.pollOnce();

        Complaint complaint = caseFrom("<html-" + n + "@mail.example>");
        assertThat(complaint.getDescription()).contains("谣言帖子").doesNotContain("<").doesNotContain("alert")
                .doesNotContain("color:red");
        assertThat(complaint.getContentUrl()).isEqualTo("https://zhidao-forum.example/t/" + n);
        assertThat(complaint.getCategory()).isEqualTo(ComplaintCategory.RUMOUR);
    }

    @Test
    void forwardedComplaintKeepsTheOriginalTextAndAttachments() throws Exception {
        int n = ++unique;
        deliver(raw("""
                From: office@company.example
                To: complaints@qinglang.local
                Subject: Fwd: fake official account
                Message-ID: <fwd-%d@company.example>
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8

                Forwarding a complaint we received.
                --b
                Content-Type: message/rfc822

                From: victim@mail.example
                Subject: 冒充我公司官方账号
                Content-Type: multipart/mixed; boundary="inner"

                --inner
                Content-Type: text/plain; charset=utf-8

                账号“某公司官方”冒充我公司 https://weiyu.example/u/fake-%d
                --inner
                Content-Type: application/pdf; name="proof.pdf"
                Content-Disposition: attachment; filename="proof.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --inner--
                --b--
                """.formatted(n, n)));

        watcher.pollOnce();

        Complaint complaint = caseFrom("<fwd-" + n + "@company.example>");
        assertThat(complaint.getDescription()).contains("Forwarding a complaint").contains("Forwarded message")
                .contains("冒充我公司");
        assertThat(complaint.getAccountName()).isEqualTo("某公司官方");
        assertThat(complaint.getPlatformCode()).isEqualTo("weiyu-social");
        assertThat(complaint.getEvidence()).anyMatch(e -> "proof.pdf".equals(e.getFileName()));
    }

    @Test
    void badMailIsQuarantinedAndAnsweredWithoutStoppingTheWatcher() throws Exception {
        int n = ++unique;
        deliver(raw("""
                To: complaints@qinglang.local
                Subject: no sender
                Message-ID: <nosender-%d@x.example>

                https://weiyu.example/p/1
                """.formatted(n)));
        deliver(raw("""
                From: charset@mail.example
                To: complaints@qinglang.local
                Subject: strange
                Message-ID: <charset-%d@mail.example>
                Content-Type: text/plain; charset=x-klingon-42

                qaStaH nuq https://weiyu.example/p/2
                """.formatted(n)));
        deliver(raw("""
                From: empty@mail.example
                To: complaints@qinglang.local
                Subject:
                Message-ID: <empty-%d@mail.example>
                Content-Type: text/plain

                """.formatted(n)));
        deliver(raw("""
                From: nolink@mail.example
                To: complaints@qinglang.local
                Subject: 有人造谣
                Message-ID: <nolink-%d@mail.example>
                Content-Type: text/plain; charset=utf-8

                有人在网上造谣，请处理。
                """.formatted(n)));
        deliver(raw("""
                From: broken@mail.example
                To: complaints@qinglang.local
                Subject: broken
                Message-ID: <broken-%d@mail.example>
                Content-Type: multipart/mixed; boundary="never-there"

                this body has no boundary at all
                """.formatted(n)));
        deliver(raw("""
                From: big@mail.example
                To: complaints@qinglang.local
                Subject: big
                Message-ID: <big-%d@mail.example>
                Content-Type: text/plain

                https://weiyu.example/p/3
                %s
                """.formatted(n, "x".repeat(2_100_000))));
        deliver(raw("""
                From: good@mail.example
                To: complaints@qinglang.local
                Subject: 谣言
                Message-ID: <good-%d@mail.example>
                Content-Type: text/plain; charset=utf-8

                谣言 https://weiyu.example/p/good-%d
                """.formatted(n, n)));

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.QUARANTINED)).isEqualTo(6);
        assertThat(result.count(Outcome.CASE_CREATED)).isEqualTo(1);
        assertThat(folder("Quarantine")).hasSize(6);
        assertThat(folder("INBOX")).isEmpty();
        for (String sender : List.of("charset", "empty", "nolink", "broken", "big")) {
            List<MimeMessage> answers = TestMail.to(mail, sender + "@mail.example");
            assertThat(answers).as(sender).hasSize(1);
            assertThat(answers.get(0).getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
            assertThat(TestMail.body(answers.get(0))).contains("无法受理").contains("could not take it up");
        }
        assertThat(TestMail.body(TestMail.to(mail, "nolink@mail.example").get(0))).contains("未找到所举报内容的链接")
                .contains("We found no link");
        assertThat(complaints.findByExternalMessageId("<good-" + n + "@mail.example>")).isPresent();
    }

    @Test
    void autoRepliesBulkMailAndOwnNoticesNeverOpenCases() throws Exception {
        int n = ++unique;
        for (String header : List.of("Auto-Submitted: auto-replied", "Precedence: bulk", "X-Autoreply: yes")) {
            deliver(raw("""
                    From: robot@mail.example
                    To: complaints@qinglang.local
                    Subject: Out of office
                    Message-ID: <auto-%d-%s@mail.example>
                    %s
                    Content-Type: text/plain

                    I am away. https://weiyu.example/p/away
                    """.formatted(n, header.hashCode(), header)));
        }
        deliver(raw("""
                From: notices@qinglang.local
                To: complaints@qinglang.local
                Subject: [QL-2026-999999] notice
                Message-ID: <own-%d@qinglang.local>
                Content-Type: text/plain

                https://weiyu.example/p/own
                """.formatted(n)));
        long before = complaints.count();

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.IGNORED)).isEqualTo(4);
        assertThat(complaints.count()).isEqualTo(before);
        assertThat(TestMail.to(mail, "robot@mail.example")).isEmpty();
        assertThat(folder("Ignored")).hasSize(4);
    }

    @Test
    void crashBeforeCommitLeavesTheMessageToBeReadAgain() throws Exception {
        int n = ++unique;
        MimeMessage message = raw("""
                From: crash@mail.example
                To: complaints@qinglang.local
                Subject: 谣言
                Message-ID: <crash-before-%d@mail.example>
                Content-Type: text/plain; charset=utf-8

                谣言 https://weiyu.example/p/crash-before-%d
                """.formatted(n, n));
        deliver(message);

        // The complaint is handled but its transaction never commits, as in a crash before commit.
        transaction.executeWithoutResult(status -> {
            mailIntake.handle(message);
            status.setRollbackOnly();
        });
        assertThat(complaints.findByExternalMessageId("<crash-before-" + n + "@mail.example>")).isEmpty();
        assertThat(folder("INBOX")).contains("<crash-before-" + n + "@mail.example>");

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.CASE_CREATED)).isEqualTo(1);
        assertThat(complaints.findByExternalMessageId("<crash-before-" + n + "@mail.example>")).isPresent();
    }

    @Test
    void crashAfterCommitButBeforeMarkingDoneGivesOneCase() throws Exception {
        int n = ++unique;
        MimeMessage message = raw("""
                From: crash@mail.example
                To: complaints@qinglang.local
                Subject: 谣言
                Message-ID: <crash-after-%d@mail.example>
                Content-Type: text/plain; charset=utf-8

                谣言 https://weiyu.example/p/crash-after-%d
                """.formatted(n, n));
        deliver(message);
        // Committed, but the message was never moved out of the inbox.
        assertThat(mailIntake.handle(message).outcome()).isEqualTo(Outcome.CASE_CREATED);

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.ALREADY_RECEIVED)).isEqualTo(1);
        assertThat(result.count(Outcome.CASE_CREATED)).isZero();
        assertThat(complaints.search(ComplaintSource.EMAIL, null, PageRequest.of(0, 1000)).getContent())
                .filteredOn(c -> c.getContentUrl().endsWith("crash-after-" + n)).hasSize(1);
        assertThat(folder("INBOX")).isEmpty();
    }

    private String substantiatedCase(String platform, String url) {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, platform, url, "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实 substantiated"));
        return caseNumber;
    }

    @Test
    void platformReplyToTheNoticeReachesItsCaseByInReplyTo() throws Exception {
        String caseNumber = substantiatedCase("kuaikan-toutiao", "https://kuaikan-toutiao.example/a/" + ++unique);
        MimeMessage notice = TestMail.to(mail, "trust-safety@kuaikan-toutiao.example").get(0);
        assertThat(notice.getReplyTo()[0].toString()).isEqualTo(INTAKE);

        deliver(raw("""
                From: trust-safety@kuaikan-toutiao.example
                To: complaints@qinglang.local
                Subject: =?utf-8?b?%s?=
                In-Reply-To: %s
                References: %s
                Message-ID: <reply-%d@kuaikan-toutiao.example>
                Content-Type: text/plain; charset=utf-8

                已删除相关文章并对账号禁言30天。
                """.formatted(b64("回复：整改通知", "UTF-8").replace("\r\n", ""), TestMail.messageId(notice),
                TestMail.messageId(notice), unique)));

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.REPLY_CORRELATED)).isEqualTo(1);
        assertThat(cases.task(caseNumber, "Task_ReviewRectification")).isNotNull();
        assertThat((String) runtimeService.getVariable(cases.instance(caseNumber).getId(), "platformResponseText"))
                .contains("禁言30天");
        assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow().getStage()).isEqualTo(CaseStage.UNDER_REVIEW);
    }

    @Test
    void platformReportsEachMeasureInItsReplyAndAnUnreadableLineIsAnsweredNotRecorded() throws Exception {
        String caseNumber = substantiatedCase("kuaikan-toutiao", "https://kuaikan-toutiao.example/a/" + ++unique);
        MimeMessage notice = TestMail.to(mail, "trust-safety@kuaikan-toutiao.example").stream()
                .filter(m -> TestMail.messageId(m).contains(caseNumber)).findFirst().orElseThrow();
        List<String> ordered = replies.orderedMeasures(caseNumber);
        // The notice shows a line per measure to fill in.
        assertThat(TestMail.body(notice)).contains("[" + ordered.get(0) + "] ");
        String quotedNotice = TestMail.body(notice).lines().map(l -> "> " + l).collect(Collectors.joining("\n"));
        String unreadable = "[%s] DONE yesterday\n".formatted(ordered.get(0));

        deliver(raw(platformReply(notice, unique, unreadable + quotedNotice)));
        watcher.pollOnce();
        // Nothing recorded, the case still waits, and the platform is told which line and how to write it.
        assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow().getStage()).isEqualTo(CaseStage.PLATFORM_NOTIFIED);
        assertThat(replies.confirmationsOf(caseNumber)).isEmpty();
        assertThat(TestMail.to(mail, "trust-safety@kuaikan-toutiao.example")).anySatisfy(m -> assertThat(
                TestMail.body(m)).contains("未被登记").contains("DONE yesterday").contains("[CODE] NOT_DONE reason"));

        StringBuilder lines = new StringBuilder();
        lines.append("[%s] NOT_DONE 账号为企业认证账号，需复核 Verified business account%n".formatted(ordered.get(0)));
        ordered.stream().skip(1).forEach(code -> lines.append("[%s] 已执行 2026-01-02 09:30 已处理%n".formatted(code)));
        deliver(raw(platformReply(notice, ++unique, lines + "\n-----Original Message-----\n" + TestMail.body(notice))));
        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.REPLY_CORRELATED)).isEqualTo(1);
        assertThat(replies.confirmationsOf(caseNumber)).hasSize(ordered.size()).first().satisfies(c -> {
            assertThat(c.getMeasure()).isEqualTo(ordered.get(0));
            assertThat(c.isExecuted()).isFalse();
            assertThat(c.getNote()).contains("企业认证账号");
        });
        assertThat(replies.confirmationsOf(caseNumber).subList(1, ordered.size())).allSatisfy(c -> assertThat(c.getExecutedAt())
                .isEqualTo(java.time.Instant.parse("2026-01-02T01:30:00Z")));
        assertThat(replies.measuresNotCarriedOut(caseNumber)).hasSize(1);
    }

    private static String platformReply(MimeMessage notice, int n, String body) throws Exception {
        return """
                From: trust-safety@kuaikan-toutiao.example
                To: complaints@qinglang.local
                Subject: Re: notice
                In-Reply-To: %s
                Message-ID: <measures-%d@kuaikan-toutiao.example>
                Content-Type: text/plain; charset=utf-8

                %s
                """.formatted(TestMail.messageId(notice), n, body);
    }

    @Test
    void complainantReplyToOurRequestAddsInformation() throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/info-" + ++unique, "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "NEEDS_INFO", "verificationNote", "请提供截图"));
        String request = TestMail.to(mail, "wang@mail.example").stream().map(TestMail::messageId)
                .filter(id -> id.contains("needs-info") && id.contains(caseNumber)).findFirst().orElseThrow();
        deliver(raw("""
                From: wang@mail.example
                To: complaints@qinglang.local
                Subject: Re: [%s] please add information
                In-Reply-To: %s
                Message-ID: <info-%d@mail.example>
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8

                截图见附件。
                --b
                Content-Type: image/png; name="shot.png"
                Content-Disposition: attachment; filename="shot.png"
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --b--
                """.formatted(caseNumber, request, unique)));

        watcher.pollOnce();

        assertThat(cases.task(caseNumber, "Task_VerifyComplaint")).isNotNull();
        Long replyEvidence = transaction.execute(s -> complaints.findByCaseNumber(caseNumber).orElseThrow()
                .getEvidence().stream().filter(e -> e.getKind().name().equals("COMPLAINANT_REPLY")).count());
        assertThat(replyEvidence).isEqualTo(2L);
    }

    @Test
    void replyThatMatchesNoWaitingCaseIsAnsweredNotTurnedIntoACase() throws Exception {
        String caseNumber = substantiatedCase("weiyu-social", "https://weiyu.example/p/stranger-" + ++unique);
        deliver(raw("""
                From: stranger@elsewhere.example
                To: complaints@qinglang.local
                Subject: Re: [%s] rectified
                Message-ID: <stranger-%d@elsewhere.example>
                Content-Type: text/plain

                We deleted it, trust us. https://weiyu.example/p/x
                """.formatted(caseNumber, unique)));
        deliver(fixture("sample-platform-reply.eml")); // QL-2026-000123 does not exist here
        long before = complaints.count();

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.UNMATCHED_REPLY)).isEqualTo(2);
        assertThat(complaints.count()).isEqualTo(before);
        assertThat(cases.task(caseNumber, "Task_ReviewRectification")).isNull(); // still waiting for the platform
        assertThat(TestMail.to(mail, "stranger@elsewhere.example")).hasSize(1);
        assertThat(TestMail.body(TestMail.to(mail, "trust-safety@kuaikan-toutiao.example").get(0)))
                .contains("QL-2026-000123");
        assertThat(folder("Unmatched")).hasSize(2);
        assertThat(GreenMailUtil.getBody(TestMail.to(mail, "stranger@elsewhere.example").get(0))).isNotEmpty();
    }

    @Test
    void forgedRepliesNamingACaseDoNotAdvanceIt() throws Exception {
        // The platform's domain and the case number are public; the Message-ID of our notice is not.
        String platformCase = substantiatedCase("kuaikan-toutiao", "https://kuaikan-toutiao.example/a/" + ++unique);
        deliver(raw("""
                From: trust-safety@kuaikan-toutiao.example
                To: complaints@qinglang.local
                Subject: Re: [%1$s] 整改通知
                In-Reply-To: <notice-%1$s@qinglang.local>
                References: <notice-%1$s.000000000000000000000000@qinglang.local>
                Message-ID: <forged-%2$d@attacker.example>
                Content-Type: text/plain; charset=utf-8

                已整改完毕。Rectified, close the case. https://kuaikan-toutiao.example/a/x
                """.formatted(platformCase, unique)));
        String infoCase = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/forged-info-" + ++unique, "poster").caseNumber();
        cases.runDueJobs(infoCase);
        cases.complete(infoCase, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "NEEDS_INFO", "verificationNote", "请提供截图"));
        deliver(raw("""
                From: wang@mail.example
                To: complaints@qinglang.local
                Subject: Re: [%s] please add information
                Message-ID: <forged-info-%d@attacker.example>
                Content-Type: text/plain; charset=utf-8

                我撤回举报。I withdraw the complaint.
                """.formatted(infoCase, unique)));

        var result = watcher.pollOnce();

        assertThat(result.count(Outcome.UNMATCHED_REPLY)).isEqualTo(2);
        assertThat(result.count(Outcome.REPLY_CORRELATED)).isZero();
        assertThat(cases.task(platformCase, "Task_ReviewRectification")).isNull();
        assertThat(complaints.findByCaseNumber(platformCase).orElseThrow().getStage())
                .isEqualTo(CaseStage.PLATFORM_NOTIFIED);
        assertThat(complaints.findByCaseNumber(infoCase).orElseThrow().getStage())
                .isEqualTo(CaseStage.AWAITING_INFORMATION);
        // Each sender is told how to answer: by replying to our message, or through its link.
        assertThat(TestMail.to(mail, "trust-safety@kuaikan-toutiao.example")).anySatisfy(answer ->
                assertThat(TestMail.body(answer)).contains(platformCase).contains("回复我们发给您的邮件")
                        .contains("replying to our message"));
    }
}
