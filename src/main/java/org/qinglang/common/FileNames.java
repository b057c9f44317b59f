package org.qinglang.common;

/**
 * The one rule for a file name someone else chose (an upload, an attachment, a model): its last path
 * segment, without control characters (a NUL byte breaks PostgreSQL text and headers), at most 255
 * characters; {@code fallback} when nothing is left.
 */
public final class FileNames {

    private FileNames() {
    }

    public static String safe(String original, String fallback) {
        if (original == null || original.isBlank()) {
            return fallback;
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? fallback : name.length() > 255 ? name.substring(0, 255) : name;
    }
}
