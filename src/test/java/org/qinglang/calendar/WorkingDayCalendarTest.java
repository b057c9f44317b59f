package org.qinglang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calendar as shipped in bpmn/working-days.json, and the periods written against it. */
class WorkingDayCalendarTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    final WorkingDayCalendar calendar = new WorkingDayCalendar(".", "Asia/Shanghai");

    static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(CHINA).toInstant();
    }

    @Test
    void holidaysAndMakeUpWorkdaysOfTheNotices() {
        assertThat(calendar.hasNotice(2025)).isTrue();
        assertThat(calendar.hasNotice(2026)).isTrue();
        // 2026 Spring Festival: 15 to 23 February off; Saturday 14 and Saturday 28 February worked.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse(); // a Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();  // a Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(calendar.day(LocalDate.of(2026, 2, 18)).reason()).contains("春节");
        // National Day 2025 with Mid-Autumn: 1 to 8 October off, Sunday 28 September and Saturday 11 October worked.
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        // An ordinary week.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 4))).isTrue();   // Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 5))).isFalse();  // Saturday
    }

    @Test
    void fiveWorkingDaysSkipWeekendsAndHolidaysAndCountMakeUpDays() {
        // Thursday 12 February 2026, 10:00: Friday 13 and Saturday 14 (make-up) count, then the
        // festival until Monday 23, then Tuesday 24 to Thursday 26.
        assertThat(calendar.plusWorkingDays(at("2026-02-12T10:00"), 5)).isEqualTo(at("2026-02-26T10:00"));
        // Friday 25 September 2026 begins Mid-Autumn; from Thursday 24: Monday 28 to Wednesday 30,
        // then National Day to 7 October, then Thursday 8 and Friday 9.
        assertThat(calendar.plusWorkingDays(at("2026-09-24T16:30"), 5)).isEqualTo(at("2026-10-09T16:30"));
        // An ordinary week: Friday + 5 = the next Friday.
        assertThat(calendar.plusWorkingDays(at("2026-12-04T09:00"), 5)).isEqualTo(at("2026-12-11T09:00"));
        // A start on a holiday counts from the next working day.
        assertThat(calendar.plusWorkingDays(at("2026-10-03T11:00"), 1)).isEqualTo(at("2026-10-08T11:00"));
        // Backwards, for reminders before a deadline.
        assertThat(calendar.plusWorkingDays(at("2026-10-08T11:00"), -1)).isEqualTo(at("2026-09-30T11:00"));
    }

    @Test
    void aYearWithoutItsNoticeCountsTheStatutoryHolidaysTheFileGives() {
        // 2027 is provisional: the statutory days (Spring Festival from New Year's Eve, 5 February, to
        // 8 February), no make-up workdays yet.
        assertThat(calendar.hasNotice(2027)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse(); // a Monday of the festival
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 9))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 9))).isFalse();
        // A year the file does not hold: weekends and the fixed-date statutory days.
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 10, 2))).isFalse(); // a Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 10, 9))).isTrue();
        // The fixed-date statutory days lie inside the notices' periods too.
        assertThat(calendar.statutoryHolidays(2026).keySet()).allSatisfy(day -> assertThat(
                calendar.isWorkingDay(day)).as(day.toString()).isFalse());
    }

    @Test
    void periodsOnTheClockAndInWorkingDays() {
        Instant friday = at("2026-12-04T09:00");
        assertThat(Deadline.parse("P3D").after(friday, calendar)).isEqualTo(friday.plus(3, ChronoUnit.DAYS));
        assertThat(Deadline.parse("PT12H").after(friday, calendar)).isEqualTo(friday.plus(Duration.ofHours(12)));
        assertThat(Deadline.parse("5 working days").after(friday, calendar)).isEqualTo(at("2026-12-11T09:00"));
        assertThat(Deadline.parse("5个工作日").after(friday, calendar)).isEqualTo(at("2026-12-11T09:00"));
        assertThat(Deadline.parse("1 working day").before(at("2026-12-07T09:00"), calendar))
                .isEqualTo(at("2026-12-04T09:00"));
        assertThat(Deadline.isValid("five days")).isFalse();
        assertThat(Deadline.isValid("-P1D")).isFalse();
        assertThatThrownBy(() -> Deadline.parse("soon")).hasMessageContaining("5 working days");
    }

    @Test
    void theEngineCalendarsCountWorkingDaysAndLeaveTheRestToTheEngine() {
        java.util.Date friday = java.util.Date.from(at("2026-12-04T09:00"));
        var durations = WorkingDaysBusinessCalendar.forDurations(calendar);
        assertThat(durations.resolveDuedate("5 working days", friday).toInstant()).isEqualTo(at("2026-12-11T09:00"));
        assertThat(durations.resolveDuedate("P1D", friday).toInstant()).isEqualTo(at("2026-12-05T09:00"));
        var dueDates = WorkingDaysBusinessCalendar.forDueDates(calendar);
        assertThat(dueDates.resolveDuedate("2026-12-24T18:00:00", friday)).isNotNull();
    }

    @Test
    void aChangedFileIsReadAgainAndAMistakeKeepsTheLastGoodOne(@TempDir Path installation) throws Exception {
        Path file = Files.createDirectories(installation.resolve("bpmn")).resolve("working-days.json");
        Files.writeString(file, """
                {"years": [{"year": 2027, "source": "test", "holidays":
                  [{"name": "test holiday", "from": "2027-03-01", "to": "2027-03-02"}], "workdays": ["2027-03-06"]}]}""");
        WorkingDayCalendar installed = new WorkingDayCalendar(installation.toString(), "Asia/Shanghai");
        assertThat(installed.isWorkingDay(LocalDate.of(2027, 3, 1))).isFalse();
        assertThat(installed.isWorkingDay(LocalDate.of(2027, 3, 6))).isTrue(); // a Saturday

        Files.writeString(file, """
                {"years": [{"year": 2027, "source": "test", "holidays": [], "workdays": []}]}""");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(installed.isWorkingDay(LocalDate.of(2027, 3, 1))).isTrue();

        Files.writeString(file, "{\"years\": [");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(installed.isWorkingDay(LocalDate.of(2027, 3, 1))).isTrue();
        assertThat(installed.isWorkingDay(LocalDate.of(2027, 3, 6))).isFalse();
    }

    @Test
    void aFileThatContradictsItselfIsRefusedWithItsReason(@TempDir Path installation) throws Exception {
        Path file = Files.createDirectories(installation.resolve("bpmn")).resolve("working-days.json");
        Files.writeString(file, """
                {"years": [{"year": 2027, "source": "test", "holidays":
                  [{"name": "h", "from": "2027-03-01", "to": "2027-03-02"}], "workdays": ["2027-03-01"]}]}""");
        assertThatThrownBy(() -> new WorkingDayCalendar(installation.toString(), "Asia/Shanghai"))
                .hasMessageContaining("2027-03-01 is both a holiday and a make-up workday");
    }
}
