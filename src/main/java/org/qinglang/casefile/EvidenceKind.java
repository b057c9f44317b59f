package org.qinglang.casefile;

public enum EvidenceKind {
    SUBMITTED_TEXT,
    ATTACHMENT,
    COMPLAINANT_REPLY,
    PLATFORM_RESPONSE,
    /** The reported page as fetched by the system: its exchange (WARC), its HTML, its screenshot, a report. */
    PAGE_CAPTURE;

    /** The name of the file that keeps the text itself of evidence of this kind (a reply's words, say). */
    public String textFileName() {
        return name().toLowerCase(java.util.Locale.ROOT) + ".txt";
    }
}
