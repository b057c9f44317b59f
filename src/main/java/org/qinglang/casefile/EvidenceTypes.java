package org.qinglang.casefile;

/**
 * The one rule for what may become evidence, whichever way it arrives (form, API, mail): what a
 * file really is, by its first bytes — images and PDF, whatever name or type the sender gave it —
 * or plain text declared as such; at most {@link #MAX_ATTACHMENTS} files of at most
 * {@link #MAX_BYTES} each.
 */
public final class EvidenceTypes {

    public static final int MAX_ATTACHMENTS = 10;
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final java.util.Set<String> ACCEPTED = java.util.Set.of("image/png", "image/jpeg", "image/gif",
            "image/webp", "application/pdf", "text/plain");

    private EvidenceTypes() {
    }

    /**
     * The type a file is kept as evidence under, or null when it may not be evidence (not an
     * accepted kind, empty, or too large). Plain text counts only when the sender declared it so.
     */
    public static String accepted(String declaredType, byte[] content) {
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            return null;
        }
        String sniffed = sniff(content);
        if (sniffed != null) {
            return sniffed;
        }
        String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return declared.equals("text/plain") ? declared : null;
    }

    /** @return the content type the bytes show, or null when they are none of the accepted kinds */
    public static String sniff(byte[] c) {
        if (starts(c, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(c, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(c, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (c.length >= 12 && starts(c, 'R', 'I', 'F', 'F') && c[8] == 'W' && c[9] == 'E' && c[10] == 'B'
                && c[11] == 'P') {
            return "image/webp";
        }
        if (starts(c, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean starts(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
