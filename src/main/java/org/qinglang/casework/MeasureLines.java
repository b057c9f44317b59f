package org.qinglang.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform's per-measure report in a mail reply: one line per measure, as the notice shows them,
 * {@code [CLOSE_ACCOUNT] DONE 2026-12-03 14:00 details} or {@code [CLOSE_ACCOUNT] NOT_DONE reason}
 * (also 已执行 / 未执行). Quoted lines ({@code >}) are the notice itself and are skipped. Each line is
 * read by the same rule as the response page ({@link MeasureConfirmation.Report#read}).
 */
public final class MeasureLines {

    private static final Pattern LINE = Pattern.compile("^\\s*\\[([A-Z_]{2,40})\\]\\s*(.*)$");
    private static final Pattern DONE = Pattern.compile("^(DONE|已执行)\\b\\s*(\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2})?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*(-{2,}\\s*(Original Message|原始邮件|Forwarded message)|-{5,}\\s*$|(From|发件人)\\s*[:：])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_DONE = Pattern.compile("^(NOT_DONE|NOT DONE|未执行)\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    /** The reports read, and the lines that could not be read (each with why). */
    public record Read(List<MeasureConfirmation.Report> reports, List<String> problems) {

        public boolean hasAny() {
            return !reports.isEmpty() || !problems.isEmpty();
        }
    }

    private MeasureLines() {
    }

    /** The line the notice shows for a measure, for the platform to fill in. */
    public static String blank(String code) {
        return "[" + code + "] ";
    }

    public static Read read(String text, List<String> ordered) {
        Map<String, MeasureConfirmation.Report> reports = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (ORIGINAL_MESSAGE.matcher(line).find()) {
                break; // mail programs that do not quote put the notice below such a line
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            String code = matcher.group(1);
            String rest = matcher.group(2).strip();
            if (!ordered.contains(code)) {
                problems.add(line.strip() + " — not a measure of this case");
                continue;
            }
            if (rest.isEmpty()) {
                continue; // the notice's blank line sent back unfilled: not reported
            }
            try {
                Matcher done = DONE.matcher(rest);
                Matcher notDone = NOT_DONE.matcher(rest);
                MeasureConfirmation.Report report;
                if (notDone.matches()) {
                    report = MeasureConfirmation.Report.read(code, false, null, notDone.group(2));
                } else if (done.matches()) {
                    String at = done.group(2) == null ? null : done.group(2).replace(' ', 'T');
                    report = MeasureConfirmation.Report.read(code, true, at, done.group(3));
                } else {
                    problems.add(line.strip() + " — begin with DONE or NOT_DONE");
                    continue;
                }
                if (reports.put(code, report) != null) {
                    problems.add(line.strip() + " — the measure is reported twice");
                }
            } catch (MeasureConfirmation.Refused refused) {
                problems.add(line.strip() + " — " + refused.getMessage());
            }
        }
        return new Read(List.copyOf(reports.values()), problems);
    }
}
