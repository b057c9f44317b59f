package org.qinglang.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qinglang.common.BilingualTexts;
import org.qinglang.common.Labels;
import org.qinglang.process.CaseVariables;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformChoices;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * The bilingual labels the system writes into process variables, each with its two halves: every
 * message of the bundles as {@link Labels#bilingual} writes it (with its placeholders filled in by
 * anything), every registered platform's name, the office a decision table routes a case to, and
 * the name of the member of staff a user id stands for.
 */
@Component
class BilingualGlossary implements BilingualTexts {

    private static final Pattern CHINESE = Pattern.compile("[\\u3400-\\u9fff]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    /** What separates the parts of a line the system puts together. */
    private static final String SEGMENT = " · ";
    /** A line of a list the system writes: an optional bullet, the label, trailing blanks. */
    private static final Pattern LINE = Pattern.compile("^(\\s*(?:[-*•✓✗]\\s+)?)(.*?)(\\s*)$");
    /** Values that name a member of staff by user id: shown by the name the user has. */
    private static final Set<String> WHO = Set.of(CaseVariables.ENFORCEMENT_DECIDED_BY);
    /** Values the managers' decision tables write in both languages, with no bundle to recognise them by. */
    private static final Set<String> WRITTEN_BY_TABLES = Set.of(CaseVariables.RESPONSIBLE_OFFICE);
    private static final Pattern TWO_HALVES = Pattern.compile(
            "^([^A-Za-z\\n]*[\\u3400-\\u9fff][^A-Za-z\\n]*?)\\s+([A-Za-z][^\\u3400-\\u9fff\\n]*)$");

    /**
     * A message with placeholders: the pattern of both halves together, each half's text, and the
     * literal parts any text it wrote contains (looked for first, so that most texts are passed over
     * without running the pattern).
     */
    private record Template(Pattern both, String chinese, String english, List<String> literals) {

        static Template of(String chinese, String english) {
            List<String> literals = new ArrayList<>();
            for (String half : List.of(chinese, english)) {
                for (String literal : PLACEHOLDER.split(half.replace("''", "'"))) {
                    if (!literal.isBlank()) {
                        literals.add(literal);
                    }
                }
            }
            return new Template(Pattern.compile(pattern(chinese, "z") + " " + pattern(english, "e"), Pattern.DOTALL),
                    chinese.replace("''", "'"), english.replace("''", "'"), List.copyOf(literals));
        }

        Matcher matcher(String text) {
            return literals.stream().allMatch(text::contains) ? both.matcher(text) : null;
        }
    }

    /**
     * No label the system writes comes near this length (the longest pair of messages is under 1,200
     * characters): a longer line, such as a complainant's text, is not matched against the patterns.
     */
    private static final int LONGEST_LABEL_LINE = 2000;

    private final Map<String, String[]> messages;
    private final List<Template> templates;
    private final PlatformChoices platforms;
    private final org.qinglang.security.StaffNames staffNames;

    BilingualGlossary(MessageSource source, PlatformChoices platforms, org.qinglang.security.StaffNames staffNames)
            throws IOException {
        this.platforms = platforms;
        this.staffNames = staffNames;
        Properties chineseTexts = PropertiesLoaderUtils.loadProperties(utf8("messages_zh_CN.properties"));
        Properties englishTexts = PropertiesLoaderUtils.loadProperties(utf8("messages.properties"));
        Map<String, String[]> halves = new HashMap<>();
        List<Template> withPlaceholders = new ArrayList<>();
        for (String key : chineseTexts.stringPropertyNames()) {
            String chinese = chineseTexts.getProperty(key);
            String english = englishTexts.getProperty(key);
            if (english == null || chinese.equals(english) || chinese.contains("\n") || !CHINESE.matcher(chinese).find()) {
                continue;
            }
            if (PLACEHOLDER.matcher(chinese).find() || PLACEHOLDER.matcher(english).find()) {
                withPlaceholders.add(Template.of(chinese, english));
            } else {
                // As Labels.bilingual writes it.
                String chineseHalf = source.getMessage(key, null, chinese, Labels.CHINESE);
                String englishHalf = source.getMessage(key, null, english, Labels.ENGLISH);
                halves.put(chineseHalf + " " + englishHalf, new String[] {chineseHalf, englishHalf});
            }
        }
        this.messages = Map.copyOf(halves);
        this.templates = List.copyOf(withPlaceholders);
    }

    private static org.springframework.core.io.support.EncodedResource utf8(String bundle) {
        return new org.springframework.core.io.support.EncodedResource(new ClassPathResource(bundle),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A message as a pattern: its text literally, each placeholder any text, named by the half and
     * its number (the two halves may quote different texts, such as a label in each language).
     */
    private static String pattern(String message, String half) {
        StringBuilder pattern = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(message);
        int at = 0;
        Set<String> seen = new java.util.HashSet<>();
        while (placeholder.find()) {
            pattern.append(Pattern.quote(message.substring(at, placeholder.start()).replace("''", "'")));
            String group = half + placeholder.group(1);
            pattern.append(seen.add(group) ? "(?<" + group + ">.*?)" : "\\k<" + group + ">");
            at = placeholder.end();
        }
        return pattern.append(Pattern.quote(message.substring(at).replace("''", "'"))).toString();
    }

    @Override
    public String in(Locale reader, String variable, String stored) {
        if (stored == null || stored.isEmpty()) {
            return stored;
        }
        boolean chinese = "zh".equals(reader.getLanguage());
        String whole = half(stored, chinese);
        if (whole != null) {
            return whole;
        }
        if (variable != null && WHO.contains(variable)) {
            return staffNames.of(stored);
        }
        if (variable != null && WRITTEN_BY_TABLES.contains(variable)) {
            Matcher halves = TWO_HALVES.matcher(stored);
            if (halves.matches()) {
                return chinese ? halves.group(1) : halves.group(2);
            }
        }
        StringBuilder shown = new StringBuilder();
        boolean changed = false;
        for (String line : stored.split("\n", -1)) {
            Matcher parts = LINE.matcher(line);
            String label = parts.matches() ? half(parts.group(2), chinese) : null;
            if (label == null && parts.matches()) {
                // Only the lines the system marks as a measure's report are taken apart.
                String mark = parts.group(1).strip();
                label = mark.equals("✓") || mark.equals("✗") ? segments(parts.group(2), chinese)
                        : parts.group(2).endsWith(":") ? labelled(parts.group(2), chinese) : null;
            }
            if (label != null) {
                shown.append(parts.group(1)).append(label).append(parts.group(3));
                changed = true;
            } else {
                shown.append(line);
            }
            shown.append('\n');
        }
        return changed ? shown.substring(0, shown.length() - 1) : stored;
    }

    /**
     * A measure's line of a platform's report, put together of parts ("关闭账号 Close the account ·
     * 2026-01-02 09:30 UTC+8 · note · 证据 Evidence: a.png"): each part that is a known label, or begins
     * with one before a colon, in the reader's language; the other parts (times, what the platform
     * wrote) as they are. Null when no part is a label.
     */
    private String segments(String line, boolean chinese) {
        if (line.length() > LONGEST_LABEL_LINE) {
            return null;
        }
        String[] parts = line.split(Pattern.quote(SEGMENT), -1);
        boolean changed = false;
        for (int i = 0; i < parts.length; i++) {
            String label = half(parts[i], chinese);
            if (label == null) {
                label = labelled(parts[i], chinese);
            }
            if (label != null) {
                parts[i] = label;
                changed = true;
            }
        }
        return changed ? String.join(SEGMENT, parts) : null;
    }

    /** "证据 Evidence: a.png" as "证据：a.png" or "Evidence: a.png"; null unless the part before the colon is a label. */
    private String labelled(String part, boolean chinese) {
        int colon = part.indexOf(':');
        String[] known = colon > 0 ? messages.get(part.substring(0, colon)) : null;
        if (known == null) {
            return null;
        }
        String rest = part.substring(colon + 1);
        return chinese ? known[0] + "：" + rest.stripLeading() : known[1] + ":" + rest;
    }

    private String half(String text, boolean chinese) {
        String[] known = messages.get(text);
        if (known != null) {
            return known[chinese ? 0 : 1];
        }
        for (Platform platform : platforms.all()) {
            if (text.equals(platform.displayName())) {
                return chinese ? platform.getNameZh() : platform.getNameEn();
            }
        }
        if (text.length() > LONGEST_LABEL_LINE) {
            return null;
        }
        for (Template template : templates) {
            Matcher filled = template.matcher(text);
            if (filled != null && filled.matches()) {
                String half = chinese ? template.chinese() : template.english();
                Matcher placeholder = PLACEHOLDER.matcher(half);
                StringBuilder shown = new StringBuilder();
                while (placeholder.find()) {
                    placeholder.appendReplacement(shown, Matcher.quoteReplacement(filled.group((chinese ? "z" : "e") + placeholder.group(1))));
                }
                placeholder.appendTail(shown);
                return shown.toString();
            }
        }
        return null;
    }
}
