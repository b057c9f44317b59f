package org.qinglang.web;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qinglang.announcement.Announcement;
import org.qinglang.announcement.AnnouncementRepository;
import org.qinglang.announcement.AnnouncementService;
import org.qinglang.common.Labels;
import org.qinglang.registry.MeasureCodes;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public exposure board (曝光台) and its Atom feed. */
@Controller
public class AnnouncementPages {

    private final AnnouncementService announcements;
    private final AnnouncementRepository repository;
    @org.springframework.beans.factory.annotation.Value("${qinglang.time-zone:Asia/Shanghai}")
    private java.time.ZoneId zone;
    private final PlatformRepository platforms;
    private final Labels labels;
    private final String publicBaseUrl;

    private final org.qinglang.casefile.ComplaintRepository complaints;

    public AnnouncementPages(AnnouncementService announcements, AnnouncementRepository repository,
            PlatformRepository platforms, Labels labels, @Value("${qinglang.public-base-url}") String publicBaseUrl,
            org.qinglang.casefile.ComplaintRepository complaints) {
        this.complaints = complaints;
        this.announcements = announcements;
        this.repository = repository;
        this.platforms = platforms;
        this.labels = labels;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** What a template shows of one announcement; built here so the template needs no lookups. */
    public record AnnouncementView(Long id, String caseNumber, String category, String platform, String accountName,
            String summary, List<String> measures, Date publishedAt) {
    }

    @GetMapping("/announcements")
    @Transactional(readOnly = true)
    public String board(@RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String category, @RequestParam(required = false) String platform,
            Model model) {
        Page<Announcement> result = announcements.newestFirst(category, platform, page);
        Map<String, Platform> platformsByCode = platformsByCode();
        model.addAttribute("announcements", result.getContent().stream().map(a -> view(a, platformsByCode)).toList());
        model.addAttribute("page", result);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("platform", platform == null ? "" : platform);
        model.addAttribute("categories", java.util.Arrays.asList(org.qinglang.casefile.ComplaintCategory.values()));
        model.addAttribute("platforms", platformsByCode.values().stream()
                .sorted(java.util.Comparator.comparing(Platform::getCode)).toList());
        return "announcements";
    }

    @GetMapping("/announcements/{id}")
    @Transactional(readOnly = true)
    public String one(@PathVariable long id, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Announcement announcement = repository.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (announcement.isWithdrawn()) {
            // Gone from the board: what it said is not shown again, only that and when it was withdrawn.
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("withdrawnAt", announcement.getWithdrawnAt().atZone(zone).toLocalDate());
            model.addAttribute("withdrawnReason", announcement.getWithdrawnReason());
            return "announcement-withdrawn";
        }
        model.addAttribute("announcement", view(announcement, platformsByCode()));
        // The harmed enterprise's rebuttal, linked to the false report's entry, once a case worker verified it.
        model.addAttribute("rebuttal", complaints.findByCaseNumber(announcement.getCaseNumber())
                .map(org.qinglang.casefile.Complaint::getPublishedRebuttal).orElse(null));
        return "announcement";
    }

    @GetMapping(value = "/announcements.atom", produces = "application/atom+xml")
    @Transactional(readOnly = true)
    public ResponseEntity<String> atom() throws FeedException {
        Map<String, Platform> platformsByCode = platformsByCode();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("清朗 曝光台 Qinglang exposure board");
        feed.setLink(publicBaseUrl + "/announcements");
        feed.setUri(publicBaseUrl + "/announcements.atom");
        feed.setDescription("典型案例曝光 Typical cases");
        List<Announcement> newest = announcements.newestFirst(null, null, 0).getContent();
        feed.setPublishedDate(newest.isEmpty() ? new Date(0) : Date.from(newest.get(0).getPublishedAt()));
        feed.setEntries(newest.stream().map(a -> entry(view(a, platformsByCode))).toList());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(new SyndFeedOutput().outputString(feed));
    }

    private SyndEntry entry(AnnouncementView view) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(view.platform() + " · " + (view.accountName() == null ? "" : view.accountName() + " · ")
                + view.category());
        entry.setLink(publicBaseUrl + "/announcements/" + view.id());
        entry.setUri(publicBaseUrl + "/announcements/" + view.id());
        entry.setPublishedDate(view.publishedAt());
        entry.setUpdatedDate(view.publishedAt());
        SyndContentImpl content = new SyndContentImpl();
        content.setType("text/plain");
        content.setValue(view.summary() + "\n\n" + String.join("\n", view.measures()));
        entry.setDescription(content);
        return entry;
    }

    private AnnouncementView view(Announcement a, Map<String, Platform> platformsByCode) {
        Platform platform = platformsByCode.get(a.getPlatformCode());
        List<String> measures = MeasureCodes.parse(a.getMeasures()).stream().map(labels::measure).toList();
        return new AnnouncementView(a.getId(), a.getCaseNumber(), labels.bilingual("category." + a.getCategory()),
                platform == null ? a.getPlatformCode() : platform.displayName(), a.getAccountName(), a.getSummary(),
                measures, Date.from(a.getPublishedAt()));
    }

    private Map<String, Platform> platformsByCode() {
        return platforms.findAll().stream().collect(Collectors.toMap(Platform::getCode, Function.identity()));
    }
}
