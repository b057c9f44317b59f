package org.qinglang.common;

/**
 * A text copied into a process variable for a task form to show. The engine keeps a string variable
 * in a column of 4,000 characters, so longer texts (a long complaint, a platform's long answer) are
 * cut here with a note; the whole text stays in the case file, which steps and people read.
 */
public final class FormCopy {

    static final int MAX_CHARACTERS = 3_900;
    static final String CUT = "\n…（全文见案卷 full text in the case file）";

    private FormCopy() {
    }

    public static String of(String text) {
        if (text == null || text.length() <= MAX_CHARACTERS) {
            return text;
        }
        int end = MAX_CHARACTERS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
    }
}
