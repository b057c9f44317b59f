package org.qinglang.web;

import org.qinglang.escalation.DecisionDocument;
import org.qinglang.escalation.DecisionDocuments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The decision documents (处置决定书) of a case, for staff, as the platform received them: shown in the
 * browser's PDF viewer (the document is ours, not an upload), with its SHA-256 to compare.
 */
@RestController
public class StaffDecisionDocuments {

    private final DecisionDocuments documents;

    StaffDecisionDocuments(DecisionDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/staff/cases/{caseNumber}/decisions/{level}.pdf")
    public ResponseEntity<byte[]> show(@PathVariable String caseNumber, @PathVariable int level) {
        DecisionDocument document = documents.issued(caseNumber, level)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(document.getDocumentNumber() + ".pdf").build().toString())
                .header("X-Document-SHA256", document.getSha256())
                .body(document.getPdf());
    }
}
