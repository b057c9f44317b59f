package org.qinglang.common;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Texts from the message bundles, in one language or in Chinese and English together. */
@Component
public class Labels {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /**
     * A case's stage as staff read it: as the complainant reads it, unless staff have words of their
     * own for it ("waiting for the complainant's information" rather than "for your information").
     */
    public String staffStage(String stage, Locale locale) {
        String own = messages.getMessage("stage.staff." + stage, null, null, locale);
        return own != null ? own : get("stage." + stage, locale);
    }

    public String bilingual(String key, Object... args) {
        return get(key, CHINESE, args) + " " + get(key, ENGLISH, args);
    }

    /** Chinese and English together, each half with its own arguments (a label quoted in its language). */
    public String bilingual(String key, java.util.function.Function<Locale, Object[]> args) {
        return get(key, CHINESE, args.apply(CHINESE)) + " " + get(key, ENGLISH, args.apply(ENGLISH));
    }

    public String category(Enum<?> category) {
        return bilingual("category." + category.name());
    }

    public String measure(String code) {
        return bilingual("measure." + code);
    }

    /** Measures as people read them in forms and mail: one "- label" a line, in both languages. */
    public String measureList(java.util.Collection<String> codes) {
        return list(codes, this::measure);
    }

    /** The same list in one language, for a page. */
    public String measureList(java.util.Collection<String> codes, Locale locale) {
        return list(codes, code -> get("measure." + code, locale));
    }

    private static String list(java.util.Collection<String> codes, java.util.function.Function<String, String> label) {
        return codes.stream().map(code -> "- " + label.apply(code)).collect(java.util.stream.Collectors.joining("\n"));
    }
}
