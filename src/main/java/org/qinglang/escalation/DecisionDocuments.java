package org.qinglang.escalation;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.qinglang.calendar.Deadline;
import org.qinglang.calendar.WorkingDayCalendar;
import org.qinglang.casefile.Complaint;
import org.qinglang.common.EngineClock;
import org.qinglang.common.Labels;
import org.qinglang.common.PdfDocuments;
import org.qinglang.common.Sha256;
import org.qinglang.registry.MeasureCodes;
import org.qinglang.registry.Platform;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The formal document of an enforcement decision (处置决定书): the facts, the legal basis for the
 * category, each measure with whom it is against, the fine, the deadline to comply and how to object,
 * in Chinese with an English copy. Issued once per decision and kept as issued, with its SHA-256.
 */
@Service
public class DecisionDocuments {

    /** Measures against the account; the platform carries them out on our order. The rest are against the platform. */
    public static final Set<String> ACCOUNT_MEASURES = MeasureCodes.ACCOUNT_ENFORCEMENT;
    /** Time to comply where the decision sets no further deadline. */
    static final String DEFAULT_TIME_TO_COMPLY = "3 working days";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    private final DecisionDocumentRepository documents;
    private final TemplateEngine templates;
    private final PdfDocuments pdf;
    private final Labels labels;
    private final WorkingDayCalendar calendar;

    public DecisionDocuments(DecisionDocumentRepository documents, TemplateEngine templates, PdfDocuments pdf,
            Labels labels, WorkingDayCalendar calendar) {
        this.documents = documents;
        this.templates = templates;
        this.pdf = pdf;
        this.labels = labels;
        this.calendar = calendar;
    }

    /** The document of the decision at this level: issued now, or the one issued before (a step run twice). */
    @Transactional
    public DecisionDocument issue(Complaint complaint, Platform platform, EnforcementAction decision,
            String objectionLink) {
        return documents.findIssued(complaint.getCaseNumber(), decision.getEscalationLevel()).orElseGet(() -> {
            Instant issuedAt = EngineClock.now();
            String number = documentNumber(complaint.getCaseNumber(), decision.getEscalationLevel());
            byte[] rendered = pdf.render(xhtml(complaint, platform, decision, number, issuedAt, objectionLink));
            return documents.save(new DecisionDocument(complaint.getCaseNumber(), decision.getEscalationLevel(),
                    number, issuedAt, Sha256.hex(rendered), rendered));
        });
    }

    @Transactional(readOnly = true)
    public java.util.Optional<DecisionDocument> issued(String caseNumber, int level) {
        return documents.findIssued(caseNumber, level).map(document -> {
            document.getPdf(); // read within the transaction (lazy)
            return document;
        });
    }

    public List<DecisionDocument> issuedFor(String caseNumber) {
        return documents.findByCase(caseNumber);
    }

    static String documentNumber(String caseNumber, int level) {
        return caseNumber + "-D" + level;
    }

    String xhtml(Complaint complaint, Platform platform, EnforcementAction decision, String number, Instant issuedAt,
            String objectionLink) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("objectionLink", objectionLink);
        context.setVariable("fontFamily", PdfDocuments.FONT_FAMILY);
        context.setVariable("number", number);
        context.setVariable("issuedAt", DATE.format(issuedAt));
        context.setVariable("office", complaint.getResponsibleOffice());
        context.setVariable("platformZh", platform.getNameZh());
        context.setVariable("platformEn", platform.displayName());
        context.setVariable("caseNumber", complaint.getCaseNumber());
        context.setVariable("received", DATE.format(complaint.getCreatedAt()));
        context.setVariable("url", complaint.getContentUrl());
        context.setVariable("account", complaint.getAccountName() == null ? "-" : complaint.getAccountName());
        context.setVariable("categoryZh", labels.get("category." + complaint.getCategory().name(), Labels.CHINESE));
        context.setVariable("categoryEn", labels.get("category." + complaint.getCategory().name(), Labels.ENGLISH));
        context.setVariable("deadlineMissed", complaint.isDeadlineMissed());
        context.setVariable("level", decision.getEscalationLevel());
        for (Locale locale : List.of(Labels.CHINESE, Labels.ENGLISH)) {
            String suffix = locale == Labels.CHINESE ? "Zh" : "En";
            context.setVariable("basis" + suffix, labels.get("notice.legal-basis", locale)
                    + (locale == Labels.CHINESE ? "；" : "; ")
                    + labels.get("decision.basis." + complaint.getCategory().name(), locale));
            // Every measure with whom it is against; those on the account again for the holder's statement.
            Map<String, String> measures = new LinkedHashMap<>();
            List<String> accountMeasures = new ArrayList<>();
            for (String code : MeasureCodes.parse(decision.getMeasures())) {
                String label = labels.get("measure." + code, locale);
                if (ACCOUNT_MEASURES.contains(code)) {
                    accountMeasures.add(label);
                    measures.put(label, labels.get("decision.target.ACCOUNT", locale,
                            complaint.getAccountName() == null ? "-" : complaint.getAccountName()));
                } else {
                    measures.put(label, labels.get("decision.target.PLATFORM", locale, platform.getNameZh()));
                }
            }
            context.setVariable("measures" + suffix, measures);
            context.setVariable("accountMeasures" + suffix, accountMeasures);
            context.setVariable("fine" + suffix, decision.getFineAmount() == null ? null
                    : yuan(decision.getFineAmount(), locale));
        }
        Deadline toComply = Deadline.parse(decision.getFurtherDeadline() == null ? DEFAULT_TIME_TO_COMPLY
                : decision.getFurtherDeadline());
        context.setVariable("complyBy", DATE.format(toComply.after(issuedAt, calendar)));
        context.setVariable("complyPeriodZh", periodText(toComply, Locale.SIMPLIFIED_CHINESE));
        context.setVariable("complyPeriodEn", periodText(toComply, Locale.ENGLISH));
        return templates.process("documents/decision", context);
    }

    private String periodText(Deadline period, Locale locale) {
        return period.countsWorkingDays() ? labels.get("period.working-days", locale, period.workingDays())
                : labels.get("period.days", locale, period.duration().toDays());
    }

    private static String yuan(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }
}
