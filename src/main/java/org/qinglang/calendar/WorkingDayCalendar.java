package org.qinglang.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Which days are working days in mainland China: Monday to Friday, less the statutory holidays, plus
 * the weekend days the State Council's yearly notice makes workdays (调休). The notices are kept in
 * {@code bpmn/working-days.json}, which managers update when the next year's notice is published; a
 * changed file is read again at the next deadline. Until then a year may be entered "provisional",
 * with the statutory holidays of the Regulations on National Holidays (全国年节及纪念日放假办法, as
 * amended in 2024) only; a year the file does not hold at all counts those on fixed dates. Both are
 * named in a warning when a deadline reaches them.
 */
@Component
public class WorkingDayCalendar {

    static final String FILE = "working-days.json";
    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** One year's notice as the file keeps it. */
    public record Year(int year, String source, boolean provisional, List<Holiday> holidays,
            List<LocalDate> workdays) {
    }

    /** A holiday period (放假调休), both ends included. */
    public record Holiday(String name, LocalDate from, LocalDate to) {
    }

    record CalendarFile(String description, List<Year> years) {
    }

    /** How one day counts, and why. */
    public record Day(LocalDate date, boolean working, String reason) {
    }

    private record Loaded(FileTime modified, Map<Integer, Year> years, Map<LocalDate, String> holidays,
            Set<LocalDate> workdays) {
    }

    private final Path file;
    private final ZoneId zone;
    private final Map<Integer, Map<LocalDate, String>> statutoryByYear = new ConcurrentHashMap<>();
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
    private volatile Loaded loaded;

    public WorkingDayCalendar(@Value("${qinglang.models.directory:}") String modelsDirectory,
            @Value("${qinglang.time-zone:Asia/Shanghai}") String zone) {
        Path folderFile = modelsDirectory == null || modelsDirectory.isBlank() ? null
                : Path.of(modelsDirectory).resolve("bpmn").resolve(FILE);
        this.file = folderFile != null && Files.isRegularFile(folderFile) ? folderFile : null;
        this.zone = ZoneId.of(zone);
        this.loaded = read();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The years whose notice the calendar holds, in order. */
    public List<Year> years() {
        return List.copyOf(current().years().values());
    }

    /**
     * Whether the year's schedule comes from the State Council's notice; not when the file holds only
     * the year's statutory holidays ("provisional") or nothing for it.
     */
    public boolean hasNotice(int year) {
        return hasNotice(current(), year);
    }

    private static boolean hasNotice(Loaded calendar, int year) {
        Year entry = calendar.years().get(year);
        return entry != null && !entry.provisional();
    }

    public Day day(LocalDate date) {
        return day(current(), date);
    }

    private Day day(Loaded calendar, LocalDate date) {
        if (calendar.workdays().contains(date)) {
            return new Day(date, true, "make-up workday 调休上班");
        }
        String holiday = calendar.years().containsKey(date.getYear()) ? calendar.holidays().get(date)
                : statutoryHolidays(date.getYear()).get(date);
        if (holiday != null) {
            return new Day(date, false, holiday);
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return new Day(date, !weekend, weekend ? "weekend 周末" : "working day 工作日");
    }

    public boolean isWorkingDay(LocalDate date) {
        return day(date).working();
    }

    /**
     * The same time of day on the {@code days}-th working day after (or, negative, before) the day of
     * {@code start}, in the installation's zone. A start on a holiday counts from the next working day.
     */
    public Instant plusWorkingDays(Instant start, int days) {
        // One reading of the file for the whole count, not one per day counted.
        Loaded calendar = current();
        LocalDateTime time = LocalDateTime.ofInstant(start, zone);
        LocalDate date = time.toLocalDate();
        int step = days < 0 ? -1 : 1;
        for (int left = Math.abs(days); left > 0; ) {
            date = date.plusDays(step);
            if (day(calendar, date).working()) {
                left--;
            }
        }
        warnIfWithoutNotice(calendar, time.toLocalDate().getYear());
        warnIfWithoutNotice(calendar, date.getYear());
        return date.atTime(time.toLocalTime()).atZone(zone).toInstant();
    }

    private void warnIfWithoutNotice(Loaded calendar, int year) {
        if (!hasNotice(calendar, year) && warnedYears.add(year)) {
            log.warn("bpmn/{} holds no State Council notice for {}: counting {} without make-up workdays "
                    + "until the year's notice is added.", FILE, year, calendar.years().containsKey(year)
                            ? "the statutory holidays it lists" : "weekends and fixed-date statutory holidays");
        }
    }

    private Loaded current() {
        Loaded calendar = loaded;
        if (file != null) {
            try {
                if (!Files.getLastModifiedTime(file).equals(calendar.modified())) {
                    calendar = read();
                    loaded = calendar;
                }
            } catch (IOException | RuntimeException e) {
                // A file being saved, or saved with a mistake, must not stop deadlines: the last good one counts.
                log.error("bpmn/{} could not be read again; the calendar read before stays in use: {}", FILE,
                        e.getMessage());
            }
        }
        return calendar;
    }

    private Loaded read() {
        try {
            CalendarFile content;
            FileTime modified = null;
            if (file != null) {
                modified = Files.getLastModifiedTime(file);
                content = JSON.readValue(file.toFile(), CalendarFile.class);
            } else {
                try (InputStream in = new ClassPathResource("models/bpmn/" + FILE).getInputStream()) {
                    content = JSON.readValue(in, CalendarFile.class);
                }
            }
            return index(modified, content);
        } catch (IOException e) {
            throw new UncheckedIOException("bpmn/" + FILE + " cannot be read: " + e.getMessage(), e);
        }
    }

    static Loaded index(FileTime modified, CalendarFile content) {
        Map<Integer, Year> years = new TreeMap<>();
        Map<LocalDate, String> holidays = new HashMap<>();
        Set<LocalDate> workdays = new java.util.HashSet<>();
        for (Year year : content.years() == null ? List.<Year>of() : content.years()) {
            if (years.put(year.year(), year) != null) {
                throw new IllegalArgumentException("bpmn/" + FILE + " holds " + year.year() + " twice");
            }
            for (Holiday holiday : year.holidays() == null ? List.<Holiday>of() : year.holidays()) {
                if (holiday.to().isBefore(holiday.from())) {
                    throw new IllegalArgumentException(holiday.name() + " ends before it begins");
                }
                for (LocalDate day = holiday.from(); !day.isAfter(holiday.to()); day = day.plusDays(1)) {
                    holidays.put(day, holiday.name());
                }
            }
            for (LocalDate day : year.workdays() == null ? List.<LocalDate>of() : year.workdays()) {
                if (holidays.containsKey(day)) {
                    throw new IllegalArgumentException(day + " is both a holiday and a make-up workday");
                }
                workdays.add(day);
            }
        }
        return new Loaded(modified, Collections.unmodifiableMap(years), holidays, workdays);
    }

    /**
     * For a year the file does not hold: the statutory holidays on fixed dates of the Regulations
     * (元旦, 劳动节, 国庆节). The lunar festivals are not computed: near midnight a new moon's day
     * depends on minutes (the 2027 Spring Festival), so they come from the file only.
     */
    Map<LocalDate, String> statutoryHolidays(int year) {
        return statutoryByYear.computeIfAbsent(year, WorkingDayCalendar::fixedStatutory);
    }

    private static Map<LocalDate, String> fixedStatutory(int year) {
        Map<LocalDate, String> days = new HashMap<>();
        days.put(LocalDate.of(year, 1, 1), "元旦 New Year's Day");
        days.put(LocalDate.of(year, 5, 1), "劳动节 Labour Day");
        days.put(LocalDate.of(year, 5, 2), "劳动节 Labour Day");
        for (int day = 1; day <= 3; day++) {
            days.put(LocalDate.of(year, 10, day), "国庆节 National Day");
        }
        return days;
    }
}
