package org.qinglang.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An internal note on a case, written on its case file page: who, when, what. Notes are kept for
 * good, whatever the task they were written beside; they are never sent out.
 */
@Entity
@Table(name = "case_note")
public class CaseNote {

    public static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    private String author;
    private String text;
    private Instant writtenAt;

    protected CaseNote() {
    }

    public CaseNote(String caseNumber, String author, String text, Instant writtenAt) {
        this.caseNumber = caseNumber;
        this.author = author;
        this.text = text;
        this.writtenAt = writtenAt;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }
}
