package org.qinglang.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qinglang.common.FileNames;
import org.qinglang.casefile.EvidenceTypes;
import org.qinglang.intake.NewComplaint.Attachment;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence uploaded through a page: images and PDF only, recognised by their first bytes rather than
 * by what the browser claims, at most 10 files of 10 MB.
 */
final class Uploads {

    private Uploads() {
    }

    /** @return the accepted attachments; problems are added to {@code problems} as message keys */
    static List<Attachment> accept(MultipartFile[] files, List<String> problems) throws IOException {
        List<Attachment> attachments = new ArrayList<>();
        if (files == null) {
            return attachments;
        }
        List<MultipartFile> given = Arrays.stream(files).filter(f -> f != null && !f.isEmpty()).toList();
        if (given.size() > EvidenceTypes.MAX_ATTACHMENTS) {
            problems.add("form.evidence.too-many");
            return attachments;
        }
        for (MultipartFile file : given) {
            if (file.getSize() > EvidenceTypes.MAX_BYTES) {
                problems.add("form.evidence.too-large");
                continue;
            }
            byte[] content = file.getBytes();
            String type = EvidenceTypes.accepted(file.getContentType(), content);
            if (type == null) {
                problems.add("form.evidence.type");
                continue;
            }
            attachments.add(new Attachment(safeName(file.getOriginalFilename()), type, content, null));
        }
        return attachments;
    }

    static String safeName(String original) {
        return FileNames.safe(original, "upload");
    }
}
