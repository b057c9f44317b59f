package org.qinglang.common;

import java.util.Locale;

/**
 * How a text the system keeps in Chinese and English together ("短视频 ShortVideo", "严重 High") reads
 * to someone who reads one of them. Values the engine holds for Tasklist are kept in both languages,
 * for the mail and documents that quote them; the webapps show each reader one.
 */
public interface BilingualTexts {

    /**
     * The text in the reader's language: a known bilingual label, alone or as a line of a list
     * ("- 关闭账号 Close the account"), becomes its half; any other text is returned as it is.
     *
     * @param variable the process variable that holds the text, or null
     */
    String in(Locale reader, String variable, String stored);
}
