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
    private final org.qinglang.security.StaffOffices offices;
    private final org.qinglang.casefile.PersonalDataLog accessLog;

    StaffEvidenceController(EvidenceRepository evidence, org.qinglang.security.StaffOffices offices,
            org.qinglang.casefile.PersonalDataLog accessLog) {
        this.evidence = evidence;
        this.offices = offices;
        this.accessLog = accessLog;
    }

    /**
     * Evidence follows the rule of personal data: staff of the responsible office only (another
     * office sees that it exists, in the case file); each look is logged with who and when.
     */
    private Evidence readable(long id, java.security.Principal staff, org.qinglang.casefile.PersonalDataLog.Kind kind) {
        Evidence item = evidence.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var c = item.getComplaint();
        String user = staff == null ? null : staff.getName();
        if (!offices.mayReadPersonalData(user, c.getResponsibleOffice(), c.getOfficeChangedBy(), c.getOfficeBefore())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (item.getContent() == null) {
            // Erased when its retention period ended (hash and name stay in the case file).
            throw new ResponseStatusException(HttpStatus.GONE);
        }
        accessLog.record(c.getCaseNumber(), user, kind, item.getFileName());
        if (Boolean.FALSE.equals(item.intact())) {
            // Flagged at every access: the chain of custody shows when it was seen changed, and by whom.
            accessLog.record(c.getCaseNumber(), user, org.qinglang.casefile.PersonalDataLog.Kind.INTEGRITY_FAILED,
                    item.getFileName());
        }
        return item;
    }

    /**
     * An image or PDF shown in the case file. Only types whose content was checked at intake are shown
     * inline, and in a sandbox that runs nothing; everything else is a download.
     */
    @GetMapping("/staff/evidence/{id}/view")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> view(@PathVariable long id, java.security.Principal staff) {
        Evidence item = readable(id, staff, org.qinglang.casefile.PersonalDataLog.Kind.EVIDENCE_VIEWED);
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
                .header("X-Evidence-Integrity", Boolean.FALSE.equals(item.intact()) ? "MISMATCH" : "OK")
                .body(item.getContent());
    }

    @GetMapping("/staff/evidence/{id}")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> download(@PathVariable long id, java.security.Principal staff) {
        Evidence item = readable(id, staff, org.qinglang.casefile.PersonalDataLog.Kind.EVIDENCE_DOWNLOADED);
        String name = item.getFileName() == null ? "evidence-" + id : item.getFileName();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Evidence-SHA256", item.getSha256())
                .header("X-Evidence-Integrity", Boolean.FALSE.equals(item.intact()) ? "MISMATCH" : "OK")
                .body(item.getContent());
    }
}
