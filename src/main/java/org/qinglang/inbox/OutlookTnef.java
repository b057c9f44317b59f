package org.qinglang.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.hmef.HMEFMessage;
import org.qinglang.intake.NewComplaint.Attachment;

/**
 * Outlook's rich-text mail wraps its attachments in one TNEF file ({@code winmail.dat},
 * {@code application/ms-tnef}), which no one but Outlook can open. The files inside are the evidence;
 * Apache POI's HMEF reads them. A TNEF file that cannot be read stays as it came (and is then listed as
 * not accepted, with its reason).
 */
final class OutlookTnef {

    private static final int MAX_FILES = 100;

    private OutlookTnef() {
    }

    static boolean isTnef(Attachment attachment) {
        String type = attachment.contentType();
        return type.equals("application/ms-tnef") || type.equals("application/vnd.ms-tnef")
                || attachment.fileName().equalsIgnoreCase("winmail.dat");
    }

    static List<Attachment> unpack(Attachment tnef) {
        List<Attachment> inside = new ArrayList<>();
        try {
            HMEFMessage message = new HMEFMessage(new ByteArrayInputStream(tnef.content()));
            for (org.apache.poi.hmef.Attachment file : message.getAttachments()) {
                byte[] content = file.getContents();
                if (content == null || content.length == 0 || inside.size() >= MAX_FILES) {
                    continue;
                }
                String name = file.getLongFilename() != null && !file.getLongFilename().isBlank()
                        ? file.getLongFilename() : file.getFilename();
                name = name == null || name.isBlank() ? "attachment" : name.strip();
                String type = URLConnection.guessContentTypeFromName(name.toLowerCase(Locale.ROOT));
                inside.add(new Attachment(name, type == null ? "application/octet-stream" : type, content, null));
            }
        } catch (IOException | RuntimeException unreadable) {
            return List.of(tnef);
        }
        return inside.isEmpty() ? List.of(tnef) : inside;
    }
}
