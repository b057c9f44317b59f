package org.qinglang.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One answer of the police about a referral, as they gave it through their link. */
@Entity
@Table(name = "police_answer")
public class PoliceAnswer {

    /** What the police say: received it, opened a case or not, or the result. */
    public enum Status {
        RECEIVED, CASE_OPENED, NOT_OPENED, RESULT;

        /** Whether the police have decided, so that a case waiting for them goes on. */
        public boolean decides() {
            return this != RECEIVED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String text;
    private Instant answeredAt;

    protected PoliceAnswer() {
    }

    public PoliceAnswer(String caseNumber, Status status, String text, Instant answeredAt) {
        this.caseNumber = caseNumber;
        this.status = status;
        this.text = text;
        this.answeredAt = answeredAt;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Status getStatus() {
        return status;
    }

    public String getText() {
        return text;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
