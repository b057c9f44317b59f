package org.qinglang.intake;

import java.util.List;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.casefile.ReportedObject;
import org.qinglang.casefile.ReporterType;

/** A complaint as it arrives from any channel, before it becomes a case. */
public record NewComplaint(
        ComplaintSource source,
        ComplaintCategory category,
        ReporterType reporterType,
        String platformCode,
        String url,
        String accountName,
        String description,
        String complainantName,
        String complainantEmail,
        String complainantPhone,
        List<Attachment> attachments,
        String externalMessageId,
        ReportedObject objectType,
        String groupAdmin,
        String rebuttal) {

    public record Attachment(String fileName, String contentType, byte[] content, String sourceUrl) {
    }

    public NewComplaint {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        reporterType = reporterType == null ? ReporterType.CITIZEN : reporterType;
        objectType = objectType == null ? ReportedObject.ACCOUNT : objectType;
    }

    /** A complaint about an account or its content (the channels that do not ask about groups). */
    public NewComplaint(ComplaintSource source, ComplaintCategory category, ReporterType reporterType,
            String platformCode, String url, String accountName, String description, String complainantName,
            String complainantEmail, String complainantPhone, List<Attachment> attachments, String externalMessageId) {
        this(source, category, reporterType, platformCode, url, accountName, description, complainantName,
                complainantEmail, complainantPhone, attachments, externalMessageId, ReportedObject.ACCOUNT, null, null);
    }
}
