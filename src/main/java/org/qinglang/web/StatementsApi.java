package org.qinglang.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.qinglang.statistics.StatementsOfReasons;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transparency export: every decision that found a violation as a statement of reasons without
 * personal data (docs/statements.md), as JSON pages or one CSV file, for a span of days (default:
 * the last 365). Public, like the statistics.
 */
@RestController
class StatementsApi {

    private final StatementsOfReasons statements;
    private final ZoneId zone;

    StatementsApi(StatementsOfReasons statements, @Value("${qinglang.time-zone:Asia/Shanghai}") String zone) {
        this.statements = statements;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping(value = "/api/statements", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        LocalDate[] span;
        try {
            span = span(from, to);
        } catch (DateTimeParseException e) {
            return problem("from and to are days, like 2026-01-31");
        }
        if (page < 0 || size < 1 || size > StatementsOfReasons.MOST_PER_PAGE) {
            return problem("page from 0, size from 1 to " + StatementsOfReasons.MOST_PER_PAGE);
        }
        return ResponseEntity.ok(statements.between(span[0], span[1].plusDays(1), page, size));
    }

    @GetMapping("/api/statements.csv")
    ResponseEntity<?> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate[] span;
        try {
            span = span(from, to);
        } catch (DateTimeParseException e) {
            return problem("from and to are days, like 2026-01-31");
        }
        StringBuilder all = new StringBuilder(StatementsOfReasons.csvHeader());
        int page = 0;
        StatementsOfReasons.Page part;
        do {
            part = statements.between(span[0], span[1].plusDays(1), page++, StatementsOfReasons.MOST_PER_PAGE);
            all.append(StatementsOfReasons.csv(part.statements()));
        } while ((long) page * StatementsOfReasons.MOST_PER_PAGE < part.total());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"qinglang-statements.csv\"")
                .body(all.toString());
    }

    private LocalDate[] span(String from, String to) {
        LocalDate last = to == null || to.isBlank() ? LocalDate.now(zone) : LocalDate.parse(to);
        LocalDate first = from == null || from.isBlank() ? last.minusDays(364) : LocalDate.parse(from);
        return new LocalDate[] {first, last};
    }

    private static ResponseEntity<ProblemDetail> problem(String detail) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }
}
