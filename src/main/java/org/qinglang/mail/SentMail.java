package org.qinglang.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message that left; its dedup key names the step that sent it. */
@Entity
@Table(name = "sent_mail")
public class SentMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String dedupKey;
    private String caseNumber;
    private String kind;
    private String recipient;
    private String messageId;
    private String subject;
    private Instant sentAt;
    private String body;

    protected SentMail() {
    }

    SentMail(OutgoingMessage message, Instant sentAt) {
        this.dedupKey = message.dedupKey();
        this.caseNumber = message.caseNumber();
        this.kind = message.kind();
        this.recipient = message.to();
        this.messageId = message.messageId();
        this.subject = message.subject();
        this.sentAt = sentAt;
        this.body = keptText(message.body());
    }

    /** The text kept of a mail: all of it up to the column's 20,000 characters. */
    static String keptText(String body) {
        return body == null || body.length() <= 20000 ? body : body.substring(0, 20000);
    }

    /** The text as it left (attachments are not kept here; decision documents have their own archive). */
    public String getBody() {
        return body;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
