package org.qinglang.web;

import org.qinglang.casefile.Evidence;
import org.qinglang.casefile.EvidenceRepository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evidence download for staff (linked from the verify form). Always as an attachment, never
 * rendered inline, so an uploaded file cannot run in the browser as a page of ours.
 */
@RestController
public class StaffEvidenceController {

    private final EvidenceRepository evidence;

    StaffEvidenceController(EvidenceRepository evidence) {
        this.evidence = evidence;
    }

    /**
     * An image or PDF shown in the case file. Only types whose content was checked at intake are shown
     * inline, and in a sandbox that runs nothing; everything else is a download.
     */
    @GetMapping("/staff/evidence/{id}/view")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> view(@PathVariable long id) {
        Evidence item = evidence.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String type = item.getContentType() == null ? "" : item.getContentType().split(";")[0].strip()
                .toLowerCase(java.util.Locale.ROOT);
        if (!CaseFilePages.SHOWN_INLINE.contains(type)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(item.getFileName() == null ? "evidence-" + id : item.getFileName(),
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                // An image runs nothing at all; Chromium shows no PDF in a sandbox, so a PDF gets its viewer only.
                .header("Content-Security-Policy", type.startsWith("image/") ? "sandbox; default-src 'none'; img-src 'self'"
                        : "default-src 'none'; object-src 'self'; plugin-types application/pdf")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SHA256", item.getSha256())
                .body(item.getContent());
    }

    @GetMapping("/staff/evidence/{id}")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> download(@PathVariable long id) {
        Evidence item = evidence.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String name = item.getFileName() == null ? "evidence-" + id : item.getFileName();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Evidence-SHA256", item.getSha256())
                .body(item.getContent());
    }
}
