package org.qinglang.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.qinglang.common.EngineClock;
import org.qinglang.common.Labels;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.statistics.TransparencyStatistics;
import org.qinglang.statistics.TransparencyStatistics.Figures;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Public transparency statistics: charts and the same figures as CSV. */
@Controller
public class StatisticsPages {

    private final TransparencyStatistics statistics;
    private final Labels labels;
    private final java.time.ZoneId zone;

    public StatisticsPages(TransparencyStatistics statistics, Labels labels,
            @org.springframework.beans.factory.annotation.Value("${qinglang.time-zone:Asia/Shanghai}") String zone) {
        this.statistics = statistics;
        this.labels = labels;
        this.zone = java.time.ZoneId.of(zone);
    }

    private Figures lastYear() {
        LocalDate today = EngineClock.now().atZone(zone).toLocalDate();
        return statistics.since(today.minusMonths(11).withDayOfMonth(1), zone);
    }

    @GetMapping("/statistics")
    public String page(Model model, Locale locale) {
        Figures figures = lastYear();
        TreeSet<String> months = new TreeSet<>();
        figures.complaintsByCategoryAndMonth().forEach(c -> months.add(c.month()));
        List<Map<String, Object>> series = new java.util.ArrayList<>();
        for (ComplaintCategory category : ComplaintCategory.values()) {
            List<Long> counts = months.stream().map(month -> figures.complaintsByCategoryAndMonth().stream()
                    .filter(c -> c.month().equals(month) && c.key().equals(category.name()))
                    .mapToLong(TransparencyStatistics.MonthlyCount::count).sum()).toList();
            if (counts.stream().anyMatch(n -> n > 0)) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("label", labels.get("category." + category.name(), locale));
                one.put("data", counts);
                series.add(one);
            }
        }
        model.addAttribute("months", List.copyOf(months));
        model.addAttribute("categorySeries", series);
        model.addAttribute("platforms", figures.platforms());
        model.addAttribute("zone", zone.getId() + " (UTC" + zone.getRules().getOffset(EngineClock.now()) + ")");
        model.addAttribute("deadlineShare", Math.round(figures.shareOfDeadlinesMet() * 1000) / 10.0);
        model.addAttribute("noticesWithDeadline", figures.noticesWithDeadline());
        model.addAttribute("escalations", figures.escalationsByMonth());
        return "statistics";
    }

    @GetMapping(value = "/statistics.csv")
    public ResponseEntity<String> csv() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"qinglang-statistics.csv\"")
                .body(statistics.csv(lastYear()));
    }
}
