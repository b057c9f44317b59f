package org.qinglang.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as managers write it in decision tables, timers and forms: an ISO 8601 duration counted
 * on the clock ({@code P3D}, {@code PT12H}) or a number of working days ({@code 5 working days},
 * {@code 5个工作日}), counted on the {@link WorkingDayCalendar}.
 */
public record Deadline(Duration duration, int workingDays) {

    private static final Pattern WORKING_DAYS =
            Pattern.compile("\\s*(\\d{1,3})\\s*(?:working days?|workdays?|个工作日|工作日)\\s*", Pattern.CASE_INSENSITIVE);

    /** The period the text names; an {@link IllegalArgumentException} saying what is accepted otherwise. */
    public static Deadline parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A period is missing: write an ISO 8601 duration such as P3D or "
                    + "a number of working days such as \"5 working days\".");
        }
        Matcher matcher = WORKING_DAYS.matcher(text);
        if (matcher.matches()) {
            return new Deadline(null, Integer.parseInt(matcher.group(1)));
        }
        try {
            Duration duration = Duration.parse(text.trim());
            if (duration.isNegative()) {
                throw new IllegalArgumentException("A period cannot be negative: " + text);
            }
            return new Deadline(duration, 0);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a period: write an ISO 8601 duration such "
                    + "as P3D or a number of working days such as \"5 working days\".", e);
        }
    }

    /** The period the text names, or empty when it names none. */
    public static java.util.Optional<Deadline> read(String text) {
        try {
            return java.util.Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether the text names a period this class reads. */
    public static boolean isValid(String text) {
        return read(text).isPresent();
    }

    public boolean countsWorkingDays() {
        return duration == null;
    }

    /** The moment this period after {@code start} ends. */
    public Instant after(Instant start, WorkingDayCalendar calendar) {
        return countsWorkingDays() ? calendar.plusWorkingDays(start, workingDays) : start.plus(duration);
    }

    /** The moment this period before {@code end} begins. */
    public Instant before(Instant end, WorkingDayCalendar calendar) {
        return countsWorkingDays() ? calendar.plusWorkingDays(end, -workingDays) : end.minus(duration);
    }
}
