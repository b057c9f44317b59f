package org.qinglang.casefile;

/**
 * What a file really is, by its first bytes: images and PDF as evidence, whatever name or type the
 * sender gave it.
 */
public final class EvidenceTypes {

    private EvidenceTypes() {
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
