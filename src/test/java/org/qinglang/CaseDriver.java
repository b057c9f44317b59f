package org.qinglang;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.qinglang.process.CaseVariables;
import org.qinglang.intake.AcceptedComplaint;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.intake.IntakeService;
import org.qinglang.intake.NewComplaint;
import org.qinglang.casefile.ReporterType;
import org.qinglang.mail.MailOutbox;
import org.springframework.stereotype.Component;

/** Drives cases through the engine as the job executor and the people in Tasklist would. */
@Component
public class CaseDriver {

    private final ProcessEngine engine;
    private final IntakeService intake;
    private final MailOutbox outbox;
    private final org.qinglang.casework.CaseReplies replies;

    public CaseDriver(ProcessEngine engine, IntakeService intake, MailOutbox outbox,
            org.qinglang.casework.CaseReplies replies) {
        this.replies = replies;
        this.engine = engine;
        this.intake = intake;
        this.outbox = outbox;
    }

    public AcceptedComplaint submit(ComplaintCategory category, String platform, String url, String account) {
        return intake.submit(new NewComplaint(ComplaintSource.API, category, ReporterType.CITIZEN, platform, url,
                account, "该账号发布的内容违法违规，请核查处理。", "王先生", "wang@mail.example", "13800000000",
                List.of(new NewComplaint.Attachment("screenshot.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                        url)), null));
    }

    /** The case's process; after a review reopened the case, the newest one (the older may still take platform measures). */
    public ProcessInstance instance(String caseNumber) {
        List<ProcessInstance> running = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber, CaseVariables.PROCESS_KEY).list();
        return running.stream().max(java.util.Comparator.comparing(instance -> engine.getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getStartTime())).orElse(null);
    }

    /**
     * Runs every job that is due now, as the job executor would, until the case waits; then sends the
     * mail those steps queued, as the mail dispatcher would.
     */
    public void runDueJobs(String caseNumber) {
        try {
            runJobs(caseNumber);
        } finally {
            sendQueuedMail();
        }
    }

    /** What the mail dispatcher does: sends every queued message that is due. */
    public void sendQueuedMail() {
        while (outbox.dispatchDue() > 0) {
            // next batch
        }
    }

    private void runJobs(String caseNumber) {
        ManagementService management = engine.getManagementService();
        ProcessInstance instance = instance(caseNumber);
        if (instance == null) {
            return;
        }
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId())
                    .executable().orderByJobDuedate().asc().list();
            // A timer that is not yet due stays; what is due runs.
            due = due.stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime()))
                    .toList();
            if (due.isEmpty() || instance(caseNumber) == null) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new IllegalStateException("jobs of " + caseNumber + " keep coming");
    }

    /** Moves the engine clock forward and runs what fell due. */
    public void advance(String caseNumber, Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
        runDueJobs(caseNumber);
    }

    /**
     * The platform reports every measure it was ordered to take as carried out, and a case worker finds
     * the rectification adequate.
     */
    public void confirmCompliance(String caseNumber) {
        List<org.qinglang.casework.MeasureConfirmation.Report> reports = replies.orderedMeasures(caseNumber).stream()
                .map(code -> org.qinglang.casework.MeasureConfirmation.Report.read(code, true, "2026-01-02T09:30",
                        null)).toList();
        replies.platformResponded(caseNumber, "已执行 Carried out", List.of(), reports);
        runDueJobs(caseNumber);
        complete(caseNumber, "Task_ReviewRectification", "caseworker",
                Map.of("rectificationAdequate", true, "reviewNote", "已执行 Carried out"));
    }

    /**
     * Moves the clock a minute past the case's rectification deadline, whatever the calendar made of
     * it (working days skip weekends and holidays), and runs the jobs then due.
     */
    public void advancePastRectificationDeadline(String caseNumber) {
        Date dueAt = (Date) engine.getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(instance(caseNumber).getId()).variableName("rectificationDueAt")
                .singleResult().getValue();
        ClockUtil.setCurrentTime(new Date(dueAt.getTime() + Duration.ofMinutes(1).toMillis()));
        runDueJobs(caseNumber);
    }

    /**
     * Takes the measures against the platform where its record called for them (they run beside the
     * case's main path, so the case's process ends only once they are done too).
     */
    public void finishPlatformMeasures(String caseNumber) {
        if (task(caseNumber, "Task_TakePlatformMeasures") != null) {
            complete(caseNumber, "Task_TakePlatformMeasures", "supervisor", Map.of(
                    "interviewAt", "2026-12-10T10:00", "interviewPlace", "会议室 Meeting room",
                    "platformMeasuresRecord", "约谈平台负责人并记录在案 Interviewed and recorded"));
        }
    }

    public Task task(String caseNumber, String taskDefinitionKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    /** Claims and completes a task as the given user, logged in as in Tasklist, then runs what follows. */
    public void complete(String caseNumber, String taskDefinitionKey, String userId, Map<String, Object> variables) {
        Task task = task(caseNumber, taskDefinitionKey);
        if (task == null) {
            throw new AssertionError("no task " + taskDefinitionKey + " in " + caseNumber);
        }
        IdentityService identity = engine.getIdentityService();
        TaskService tasks = engine.getTaskService();
        identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream()
                .map(g -> g.getId()).toList());
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), userId);
            }
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        runDueJobs(caseNumber);
    }
}
