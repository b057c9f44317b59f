package org.qinglang.bench;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.mail.EmbeddedMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Not a test: prints how long the watcher takes to turn 1,000 messages in the intake mailbox into
 * cases, on the embedded default (H2 on disk, embedded IMAP, job executor running).
 * Run with {@code mvn -Pbench verify -Dtest=MailIntakeBenchmark}.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:file:./target/bench/${random.uuid}/qinglang;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128",
    "qinglang.mail.embedded.smtp-port=3527",
    "qinglang.mail.embedded.imap-port=3645"})
class MailIntakeBenchmark {

    static final int MESSAGES = Integer.getInteger("bench.messages", 1000);

    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    ComplaintRepository complaints;

    @Test
    void thousandMailsBecomeCases() throws Exception {
        GreenMailUser intake = mailServer.greenMail().getUserManager().getUser(EmbeddedMailServer.INTAKE_ADDRESS);
        Session session = Session.getInstance(new Properties());
        long before = complaints.count();
        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            String raw = """
                    From: reporter%d@mail.example
                    To: complaints@qinglang.local
                    Subject: =?UTF-8?B?5Li+5oql6YCg6LCj?=
                    Message-ID: <bench-%d-%d@mail.example>
                    Content-Type: text/plain; charset=utf-8

                    造谣帖子 https://weiyu.example/p/bench-%d-%d 账号：@bench_%d
                    """.formatted(i, start, i, start, i, i).replace("\n", "\r\n");
            intake.deliver(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        }
        long delivered = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> complaints.count() - before >= MESSAGES);
        long done = System.nanoTime();
        System.out.printf("BENCH mail-intake: %d messages delivered in %.1f s; all cases %.1f s after delivery "
                + "(%.0f cases/s)%n", MESSAGES, (delivered - start) / 1e9, (done - delivered) / 1e9,
                MESSAGES / ((done - delivered) / 1e9));
    }
}
