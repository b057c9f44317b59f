package org.qinglang.casework;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.qinglang.casefile.Complaint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Asks the triage decision tables (bpmn/triage.dmn), which managers maintain: severity and
 * criminal lead by category and reporter, deadlines by severity, the office by platform.
 *
 * <p>The tables have no side effects, so an answer is remembered per table version and inputs:
 * evaluating FEEL costs more than the rest of a complaint's triage, and the inputs take few values.
 * The latest versions are read from the database on every call, so a table a manager deploys (on
 * any node) applies to the next complaint.
 */
@Service
public class TriageService {

    /**
     * The newest version of each triage table, from the engine's repository table in one plain
     * statement: the engine's own query for it, a command with entity mapping, cost as much as the
     * rest of triage, and it is asked for every complaint.
     */
    private static final String LATEST_TRIAGE_TABLES = """
            SELECT D.KEY_, D.ID_ FROM ACT_RE_DECISION_DEF D
            WHERE D.KEY_ IN (?, ?, ?) AND D.TENANT_ID_ IS NULL
              AND D.VERSION_ = (SELECT MAX(L.VERSION_) FROM ACT_RE_DECISION_DEF L
                                WHERE L.KEY_ = D.KEY_ AND L.TENANT_ID_ IS NULL)""";

    /** The keys of the triage tables in bpmn/triage.dmn. */
    static final String SEVERITY = "triage-severity";
    static final String DEADLINE = "triage-deadline";
    static final String OFFICE = "triage-office";

    private final DecisionService decisionService;
    private final JdbcTemplate jdbc;
    private final Map<List<Object>, Map<String, Object>> answers = new ConcurrentHashMap<>();
    private volatile Map<String, String> answersFor = Map.of();

    public TriageService(DecisionService decisionService, JdbcTemplate jdbc) {
        this.decisionService = decisionService;
        this.jdbc = jdbc;
    }

    public Triage triage(Complaint complaint) {
        Map<String, String> latest = latestDecisionIds();
        Map<String, Object> severity = evaluate(latest, SEVERITY, Map.of("category",
                complaint.getCategory().name(), "reporterType", complaint.getReporterType().name()));
        String severityLevel = (String) severity.get("severity");
        Map<String, Object> deadline = evaluate(latest, DEADLINE, Map.of("severity", severityLevel));
        Map<String, Object> office = evaluate(latest, OFFICE, Map.of("platformCode",
                complaint.getPlatformCode()));
        return new Triage(severityLevel, Boolean.TRUE.equals(severity.get("criminalLead")),
                (String) office.get("responsibleOffice"), (String) deadline.get("rectificationDeadline"),
                (String) deadline.get("reminderBefore"), (String) deadline.get("verificationSla"));
    }

    private Map<String, String> latestDecisionIds() {
        Map<String, String> latest = new HashMap<>();
        jdbc.query(LATEST_TRIAGE_TABLES, row -> {
            latest.put(row.getString(1), row.getString(2));
        }, SEVERITY, DEADLINE, OFFICE);
        if (!latest.equals(answersFor)) {
            // A table changed: forget the answers of the versions before it.
            answers.clear();
            answersFor = latest;
        }
        return latest;
    }

    private Map<String, Object> evaluate(Map<String, String> latest, String decisionKey, Map<String, Object> inputs) {
        String decisionId = latest.get(decisionKey);
        if (decisionId == null) {
            throw new IllegalStateException("decision table " + decisionKey + " is not deployed");
        }
        return answers.computeIfAbsent(List.of(decisionId, inputs), key -> {
            DmnDecisionRuleResult result = decisionService.evaluateDecisionTableById(decisionId).variables(inputs)
                    .evaluate().getSingleResult();
            if (result == null) {
                throw new IllegalStateException("no rule of " + decisionKey + " matches " + inputs);
            }
            return Collections.unmodifiableMap(new HashMap<>(result.getEntryMap()));
        });
    }
}
