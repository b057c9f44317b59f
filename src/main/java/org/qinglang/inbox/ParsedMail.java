package org.qinglang.inbox;

import java.util.List;
import org.qinglang.intake.NewComplaint.Attachment;

/** An incoming message reduced to what the intake needs, with text decoded whatever its charset. */
public record ParsedMail(String messageId, String fromAddress, String fromName, String subject, String text,
        List<Attachment> attachments, List<String> referencedMessageIds, boolean automatic) {
}
