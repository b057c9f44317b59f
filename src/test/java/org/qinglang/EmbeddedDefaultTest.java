package org.qinglang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.ComplaintSource;
import org.springframework.data.domain.PageRequest;
import org.qinglang.workflow.ModelDeployment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The configuration `mvn spring-boot:run` starts: H2 on disk, the embedded SMTP/IMAP server, the
 * job executor running. A complaint reaches verification by itself and its acknowledgement can be
 * read over IMAP with the recipient's address as password.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:file:./target/embedded-default-test/${random.uuid}/qinglang;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128",
    "qinglang.mail.embedded.smtp-port=3526",
    "qinglang.mail.embedded.imap-port=3644",
    "spring.mail.port=3526",
    "qinglang.mail.intake.port=3644",
    "camunda.bpm.job-execution.wait-time-in-millis=200",
    "camunda.bpm.job-execution.max-wait=500"})
class EmbeddedDefaultTest {

    @Autowired
    CaseDriver cases;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ModelDeployment modelDeployment;
    @Autowired
    ComplaintRepository complaints;

    @Test
    void complaintReachesVerificationAndTheAcknowledgementIsInTheMailbox() throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "zhidao-forum",
                "https://zhidao-forum.example/t/" + System.nanoTime(), "rumour_mill").caseNumber();

        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_VerifyComplaint").count() == 1);

        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", 3644, "wang@mail.example", "wang@mail.example");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new java.util.ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            assertThat(subjects).anyMatch(s -> s.contains("[" + caseNumber + "]"));
        }
    }

    @Test
    void mailToTheIntakeMailboxBecomesACaseWhileTheWatcherWaits() throws Exception {
        String url = "https://weiyu.example/p/watched-" + System.nanoTime();
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", "3526");
        MimeMessage complaint = new MimeMessage(Session.getInstance(smtp));
        complaint.setFrom("watcher-test@mail.example");
        complaint.setRecipients(Message.RecipientType.TO, "complaints@qinglang.local");
        complaint.setSubject("举报造谣", "UTF-8");
        complaint.setText("有人造谣：" + url, "GB18030");
        Transport.send(complaint, complaint.getAllRecipients());

        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).until(() -> complaints.search(ComplaintSource.EMAIL, null,
                PageRequest.of(0, 100)).getContent().stream().anyMatch(c -> c.getContentUrl().equals(url)));
    }

    @Test
    void unchangedModelsDeployNothing() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();
        assertThat(modelDeployment.deployChanges()).isNull();
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-handling")
                .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(1825);
    }
}
