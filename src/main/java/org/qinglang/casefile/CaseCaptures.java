package org.qinglang.casefile;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.qinglang.common.EngineClock;
import org.qinglang.common.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reported page kept as evidence of the case: fetched when the case is registered (by a job of
 * its own, so intake never waits for another site) and again whenever a case worker asks. Each
 * capture adds its report (status, reason, time, node, hashes) and whatever it got: the WARC record,
 * the HTML, the screenshot. The files are then time-stamped like all evidence.
 */
@Service
public class CaseCaptures {

    private static final Logger log = LoggerFactory.getLogger(CaseCaptures.class);

    private final PageCapture pages;
    private final ComplaintRepository complaints;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    public CaseCaptures(PageCapture pages, ComplaintRepository complaints, TransactionTemplate transaction,
            JdbcTemplate jdbc) {
        this.pages = pages;
        this.complaints = complaints;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** Captures the case's reported page now; the fetch runs outside any transaction. */
    public PageCapture.Result capture(String caseNumber) {
        String url = transaction.execute(status -> complaints.findByCaseNumber(caseNumber)
                .map(Complaint::getContentUrl).orElseThrow(() -> new CaseNotFoundException(caseNumber)));
        PageCapture.Result result = pages.capture(url);
        transaction.executeWithoutResult(status -> {
            Complaint complaint = complaints.findByCaseNumber(caseNumber).orElseThrow();
            String stamp = result.at().toString().replace(":", "").replace("-", "");
            StringBuilder report = new StringBuilder()
                    .append("url: ").append(result.url()).append('\n')
                    .append("final url: ").append(result.finalUrl()).append('\n')
                    .append("status: ").append(result.status()).append('\n')
                    .append("reason: ").append(result.reason()).append('\n')
                    .append("http status: ").append(result.httpStatus()).append('\n')
                    .append("fetched at: ").append(result.at()).append('\n')
                    .append("fetched by node: ").append(result.node()).append('\n');
            add(complaint, report, "capture-" + stamp + ".warc", "application/warc", result.warc(), result.finalUrl());
            add(complaint, report, "capture-" + stamp + ".html", "text/html", result.html(), result.finalUrl());
            add(complaint, report, "capture-" + stamp + ".png", "image/png", result.screenshot(), result.finalUrl());
            complaint.addEvidence(EvidenceKind.PAGE_CAPTURE, "capture-" + stamp + "-report.txt",
                    "text/plain; charset=UTF-8", report.toString().getBytes(StandardCharsets.UTF_8), result.url());
        });
        return result;
    }

    private static void add(Complaint complaint, StringBuilder report, String name, String type, byte[] content,
            String url) {
        if (content != null && content.length > 0) {
            complaint.addEvidence(EvidenceKind.PAGE_CAPTURE, name, type, content, url);
            report.append(name).append(" sha256 ").append(Sha256.hex(content)).append('\n');
        }
    }

    /** Cases registered in the last week whose page was never captured: one capture each. */
    @Scheduled(fixedDelayString = "${qinglang.capture.every:PT1M}", initialDelayString = "${qinglang.capture.every:PT1M}")
    public void sweep() {
        List<String> pending = jdbc.queryForList("""
                SELECT c.case_number FROM complaint c WHERE c.created_at >= ? AND NOT EXISTS (
                  SELECT 1 FROM evidence e WHERE e.complaint_id = c.id AND e.kind = 'PAGE_CAPTURE')
                ORDER BY c.id FETCH FIRST 50 ROWS ONLY""", String.class,
                Timestamp.from(EngineClock.now().minus(Duration.ofDays(7))));
        for (String caseNumber : pending) {
            try {
                capture(caseNumber);
            } catch (RuntimeException e) {
                log.warn("Page of {} not captured: {}", caseNumber, e.getMessage());
            }
        }
    }
}
