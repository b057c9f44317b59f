package org.qinglang.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.ComplaintCategory;
import org.springframework.beans.factory.annotation.Autowired;

/** A repeat offence is recognised: the case worker sees the account's and the platform's earlier violations. */
@QinglangTest
class ViolationRegisterTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    CaseDriver cases;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void theAccountHistoryCountsEarlierViolationsOfTheAccountAndOfThePlatform() {
        String platform = "weiyu-social";
        String account = "repeat_" + System.nanoTime();
        long platformBefore = priorOfPlatform(newCase(platform, "first", null));

        String first = newCase(platform, "first", account);
        assertThat(accountHistory(first)).contains("Prior violations of the account: 0");
        cases.complete(first, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实 Substantiated"));

        // Same account, written differently: the register knows it is the same one.
        String second = newCase(platform, "second", "@" + account.toUpperCase());
        assertThat(accountHistory(second)).contains("Prior violations of the account: 1")
                .contains("Prior violations of the platform: " + (platformBefore + 1)).contains(first);

        String withoutAccount = newCase(platform, "third", null);
        assertThat(accountHistory(withoutAccount)).contains("Prior violations of the account: 0")
                .contains("Prior violations of the platform: " + (platformBefore + 1)).doesNotContain(first);
    }

    private String newCase(String platform, String post, String account) {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, platform,
                "https://weiyu.example/p/" + post + "-" + System.nanoTime(), account).caseNumber();
        cases.runDueJobs(caseNumber);
        return caseNumber;
    }

    private String accountHistory(String caseNumber) {
        return (String) engine.getRuntimeService().getVariable(cases.instance(caseNumber).getId(), "accountHistory");
    }

    private long priorOfPlatform(String caseNumber) {
        String history = accountHistory(caseNumber);
        String marker = "Prior violations of the platform: ";
        String rest = history.substring(history.indexOf(marker) + marker.length());
        return Long.parseLong(rest.split("\\s")[0]);
    }
}
