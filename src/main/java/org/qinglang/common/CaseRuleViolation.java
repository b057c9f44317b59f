package org.qinglang.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A step refused what a user asked of it because a rule of the case forbids it (four eyes, an
 * incomplete decision, an invalid correction). Nothing changed; the user can correct and try again,
 * so the APIs answer with a 4xx status and the reason rather than as a server error. The reasons are
 * messages of the bundles ({@code rule.*}): the webapps show them in the reader's language, the
 * engine's message holds both.
 */
public class CaseRuleViolation extends ProcessEngineException {

    /**
     * One reason: a key of the message bundles and what it quotes. A quoted reason is a label read
     * in the same language (a measure's name), a quoted list is each of its items.
     */
    public record Reason(String key, Object... args) {

        public String in(Locale locale) {
            String pattern;
            try {
                pattern = ResourceBundle.getBundle("messages", locale,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            } catch (MissingResourceException e) {
                return key;
            }
            Object[] quoted = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                quoted[i] = args[i] instanceof Reason label ? label.in(locale)
                        : args[i] instanceof java.util.Collection<?> items ? items.stream()
                                .map(item -> item instanceof Reason label ? label.in(locale) : String.valueOf(item))
                                .collect(Collectors.joining("zh".equals(locale.getLanguage()) ? "、" : ", "))
                        : args[i];
            }
            return new MessageFormat(pattern, locale).format(quoted);
        }
    }

    /**
     * The refusal last raised on this thread. The webapps' copy of the engine API sees only the
     * engine's wrapper of it, as a server error, and offers no way to map exceptions; its request
     * filter asks here what the refusal was (RuleRefusalsOfTheWebapps).
     */
    private static final ThreadLocal<CaseRuleViolation> LAST_ON_THIS_THREAD = new ThreadLocal<>();

    /** The HTTP status that says what kind of refusal this is: 403 not this user, 422 not this input. */
    private final int status;
    private final List<Reason> reasons;

    public CaseRuleViolation(int status, List<Reason> reasons) {
        super(message(reasons, Labels.CHINESE) + " " + message(reasons, Labels.ENGLISH));
        this.status = status;
        this.reasons = List.copyOf(reasons);
        LAST_ON_THIS_THREAD.set(this);
    }

    /** The refusal raised on this thread since the last call, if any; forgets it. */
    public static CaseRuleViolation takeLastOnThisThread() {
        CaseRuleViolation last = LAST_ON_THIS_THREAD.get();
        LAST_ON_THIS_THREAD.remove();
        return last;
    }

    public static CaseRuleViolation forbidden(String key, Object... args) {
        return new CaseRuleViolation(403, List.of(new Reason(key, args)));
    }

    public static CaseRuleViolation invalid(String key, Object... args) {
        return new CaseRuleViolation(422, List.of(new Reason(key, args)));
    }

    public static CaseRuleViolation invalid(List<Reason> reasons) {
        return new CaseRuleViolation(422, reasons);
    }

    public int status() {
        return status;
    }

    public List<Reason> reasons() {
        return reasons;
    }

    /** The reasons in one language. */
    public String message(Locale locale) {
        return message(reasons, locale);
    }

    private static String message(List<Reason> reasons, Locale locale) {
        return reasons.stream().map(reason -> reason.in(locale))
                .collect(Collectors.joining(" "));
    }
}
