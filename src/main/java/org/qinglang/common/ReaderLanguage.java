package org.qinglang.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Locale;

/** The language a request's reader reads, from the browser's languages (Accept-Language). */
public final class ReaderLanguage {

    private ReaderLanguage() {
    }

    /** The browser's first language of Chinese and English, or this one. */
    public static Locale firstChineseOrEnglish(HttpServletRequest request, Locale otherwise) {
        Enumeration<Locale> wanted = request.getHeader("Accept-Language") == null ? null : request.getLocales();
        while (wanted != null && wanted.hasMoreElements()) {
            String language = wanted.nextElement().getLanguage();
            if (language.equals("zh")) {
                return Labels.CHINESE;
            }
            if (language.equals("en")) {
                return Labels.ENGLISH;
            }
        }
        return otherwise;
    }

    /**
     * The language the Camunda webapps show this browser: its first of Chinese and English, else
     * English (as the webapps choose); a caller that names no language reads the office's, Chinese.
     */
    public static Locale ofTheWebapps(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Labels.CHINESE
                : firstChineseOrEnglish(request, Labels.ENGLISH);
    }
}
