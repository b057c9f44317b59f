package org.qinglang.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision tables in bpmn/ as managers maintain them, rule by rule. */
class DecisionTablesTest {

    static DmnEngine dmn;
    static Map<String, DmnDecision> triage;
    static DmnDecision measures;

    @BeforeAll
    static void parseTables() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("bpmn/triage.dmn"))) {
            triage = dmn.parseDecisions(in).stream()
                    .collect(java.util.stream.Collectors.toMap(DmnDecision::getKey, d -> d));
        }
        try (InputStream in = Files.newInputStream(Path.of("bpmn/measures.dmn"))) {
            measures = dmn.parseDecision("measures", in);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "EXTORTION_PAID_DELETION, CITIZEN, CRITICAL, true",
        "EXTORTION_PAID_DELETION, VICTIM_ENTERPRISE, CRITICAL, true",
        "RUMOUR, VICTIM_ENTERPRISE, HIGH, false",
        "MALICIOUS_HYPE, VICTIM_ENTERPRISE, HIGH, false",
        "HARMFUL_INFORMATION, CITIZEN, HIGH, false",
        "IMPERSONATION, CITIZEN, HIGH, false",
        "RUMOUR, CITIZEN, MEDIUM, false",
        "ILLEGAL_PROFITEERING, CITIZEN, MEDIUM, false",
        "OTHER_ILLEGAL, CITIZEN, MEDIUM, false",
        "SOMETHING_NEW, CITIZEN, LOW, false"})
    void severityAndCriminalLead(String category, String reporterType, String severity, boolean criminalLead) {
        DmnDecisionResult result = dmn.evaluateDecision(triage.get("triage-severity"),
                Map.of("category", category, "reporterType", reporterType));
        assertThat(result.getSingleResult().<String>getEntry("severity")).isEqualTo(severity);
        assertThat(result.getSingleResult().<Boolean>getEntry("criminalLead")).isEqualTo(criminalLead);
    }

    @ParameterizedTest
    @CsvSource({"1, 'INTERVIEW,RECTIFICATION_ORDER', true", "2, 'SUSPEND_FUNCTIONS,FINE', false", "3, TAKEDOWN, false",
        "7, TAKEDOWN, false"})
    void theLadderClimbsFromInterviewToSuspensionToTakedown(int level, String measures, boolean furtherNotice)
            throws IOException {
        DmnDecision ladder;
        try (InputStream in = Files.newInputStream(Path.of("bpmn/enforcement-ladder.dmn"))) {
            ladder = dmn.parseDecision("enforcement-ladder", in);
        }
        DmnDecisionResult result = dmn.evaluateDecision(ladder, Map.of("level", level));
        assertThat(result.getSingleResult().<String>getEntry("suggestedMeasures")).isEqualTo(measures);
        assertThat(result.getSingleResult().<Boolean>getEntry("furtherNoticeAllowed")).isEqualTo(furtherNotice);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
        "EXTORTION_PAID_DELETION, EXTORTION, true, P15D",
        "RUMOUR, ILLEGAL_BUSINESS, true, P15D",
        "EXTORTION_PAID_DELETION, NONE, false, P30D",
        "RUMOUR, DEFAMATION, false, P30D",
        "RUMOUR, DAMAGING_BUSINESS_REPUTATION, false, P30D"})
    void theCaseWaitsForThePoliceWhereTheOffenceAsksForIt(String category, String offence, boolean wait,
            String within) throws IOException {
        DmnDecision policeWait;
        try (InputStream in = Files.newInputStream(Path.of("bpmn/police-liaison.dmn"))) {
            policeWait = dmn.parseDecision("police-wait", in);
        }
        java.util.Map<String, Object> inputs = new java.util.HashMap<>();
        inputs.put("category", category);
        inputs.put("offence", offence);
        DmnDecisionResult result = dmn.evaluateDecision(policeWait, inputs);
        assertThat(result.getSingleResult().<Boolean>getEntry("waitForPolice")).isEqualTo(wait);
        assertThat(result.getSingleResult().<String>getEntry("policeAnswerWithin")).isEqualTo(within);
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL, PT24H, PT6H, PT12H", "HIGH, P3D, P1D, P1D", "MEDIUM, 5 working days, P1D, P2D", "LOW, 10 working days, P2D, P3D"})
    void deadlinesBySeverity(String severity, String deadline, String reminder, String verification) {
        var result = dmn.evaluateDecision(triage.get("triage-deadline"), Map.of("severity", severity))
                .getSingleResult();
        assertThat(result.<String>getEntry("rectificationDeadline")).isEqualTo(deadline);
        assertThat(result.<String>getEntry("reminderBefore")).isEqualTo(reminder);
        assertThat(result.<String>getEntry("verificationSla")).isEqualTo(verification);
    }

    @ParameterizedTest
    @CsvSource({"kuaikan-toutiao, Beijing", "shortvideo, Shanghai", "weiyu-social, Guangdong",
        "zhidao-forum, Zhejiang", "unregistered, Central"})
    void officeWherePlatformIsRegistered(String platform, String office) {
        assertThat(dmn.evaluateDecision(triage.get("triage-office"), Map.of("platformCode", platform))
                .getSingleResult().<String>getEntry("responsibleOffice")).contains(office);
    }

    private List<Object> measures(String category, String severity, long priorAccount, long platformFailures) {
        return measures(category, severity, priorAccount, platformFailures, "ACCOUNT");
    }

    private List<Object> measures(String category, String severity, long priorAccount, long platformFailures,
            String objectType) {
        return dmn.evaluateDecision(measures, Map.of("category", category, "severity", severity,
                "priorAccountViolations", priorAccount, "platformFailures", platformFailures, "objectType", objectType))
                .collectEntries("measure");
    }

    @Test
    void firstMinorViolationOnlyRemovesTheContent() {
        assertThat(measures("RUMOUR", "MEDIUM", 0, 0)).containsExactly("DELETE_CONTENT");
    }

    @Test
    void impersonationAndExtortionAccountsAreClosed() {
        assertThat(measures("IMPERSONATION", "HIGH", 0, 0))
                .containsExactly("DELETE_CONTENT", "RESTRICT_ACCOUNT", "CLOSE_ACCOUNT");
        assertThat(measures("EXTORTION_PAID_DELETION", "CRITICAL", 0, 0)).contains("CLOSE_ACCOUNT");
    }

    @Test
    void profiteeringLosesMonetisationAndLivestreaming() {
        assertThat(measures("ILLEGAL_PROFITEERING", "MEDIUM", 0, 0))
                .containsExactly("DELETE_CONTENT", "SUSPEND_MONETISATION", "SUSPEND_LIVESTREAM", "REMOVE_PRODUCT_LINKS");
    }

    @Test
    void repeatOffendersAreHandledMoreStrictly() {
        assertThat(measures("RUMOUR", "MEDIUM", 1, 0)).containsExactly("DELETE_CONTENT", "SUSPEND_MONETISATION");
        assertThat(measures("RUMOUR", "MEDIUM", 2, 0))
                .contains("SUSPEND_MONETISATION", "CLOSE_ACCOUNT", "CLEAR_FOLLOWERS");
    }

    @Test
    void aGroupLosesItsAdminsRightsAndASeriousOneIsDissolved() {
        assertThat(measures("RUMOUR", "MEDIUM", 0, 0, "GROUP")).contains("RESTRICT_GROUP_ADMIN")
                .doesNotContain("DISSOLVE_GROUP");
        assertThat(measures("RUMOUR", "HIGH", 0, 0, "GROUP")).contains("RESTRICT_GROUP_ADMIN", "DISSOLVE_GROUP");
        assertThat(measures("RUMOUR", "HIGH", 0, 0, "CONTENT")).doesNotContain("RESTRICT_GROUP_ADMIN", "DISSOLVE_GROUP");
    }

    /** Judged by its own failures (deadlines missed, measures refused), not by how many of its users offended. */
    @Test
    void platformsWithRepeatedViolationsAreInterviewedThenSuspended() {
        assertThat(measures("RUMOUR", "MEDIUM", 0, 2)).doesNotContain("PLATFORM_INTERVIEW");
        assertThat(measures("RUMOUR", "MEDIUM", 0, 3)).contains("PLATFORM_INTERVIEW")
                .doesNotContain("SUSPEND_PLATFORM_FUNCTIONS");
        assertThat(measures("RUMOUR", "MEDIUM", 0, 6)).contains("PLATFORM_INTERVIEW", "SUSPEND_PLATFORM_FUNCTIONS");
    }
}
