package org.qinglang.inbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.UrlNormalizer;
import org.qinglang.registry.Platform;

/**
 * Best guesses from a complaint written in free text: the links, the platform they are on, the
 * account and the category. The case worker checks and corrects them at verification.
 */
public final class ComplaintExtraction {

    public static final String UNREGISTERED_PLATFORM = "unregistered";

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"“”'‘’，。、；：（）()【】\\[\\]]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_ACCOUNT = Pattern.compile("(?:账号|帐号|用户|博主|account)\\s*[:：]?\\s*[“\"「『]([^”\"」』]{1,100})[”\"」』]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELLED_ACCOUNT = Pattern.compile("(?:账号|帐号|account)\\s*[:：]\\s*(@?[\\p{L}\\p{N}_.\\-]{2,100})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])@([\\p{L}\\p{N}_.\\-]{2,100})");

    private static final Map<ComplaintCategory, List<String>> CATEGORY_WORDS = new LinkedHashMap<>();

    static {
        CATEGORY_WORDS.put(ComplaintCategory.EXTORTION_PAID_DELETION,
                List.of("敲诈", "勒索", "删帖", "有偿删", "extortion", "pay to delete", "paid deletion"));
        CATEGORY_WORDS.put(ComplaintCategory.IMPERSONATION,
                List.of("冒充", "假冒", "仿冒", "冒用", "impersonat", "fake official"));
        CATEGORY_WORDS.put(ComplaintCategory.RUMOUR, List.of("谣言", "造谣", "不实", "虚假信息", "旧闻", "rumour", "rumor",
                "false information", "fake news"));
        CATEGORY_WORDS.put(ComplaintCategory.ILLEGAL_PROFITEERING,
                List.of("营利", "带货", "打赏", "摆拍", "卖惨", "profiteer", "staged"));
        CATEGORY_WORDS.put(ComplaintCategory.MALICIOUS_HYPE, List.of("炒作", "标题党", "hype", "clickbait"));
        CATEGORY_WORDS.put(ComplaintCategory.HARMFUL_INFORMATION, List.of("歪曲", "煽动", "攻击", "incite"));
    }

    private ComplaintExtraction() {
    }

    public static List<String> urls(String text) {
        List<String> urls = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            String candidate = matcher.group().replaceAll("[.,;:!?）)]+$", "");
            try {
                UrlNormalizer.parseWebAddress(candidate);
                if (!urls.contains(candidate)) {
                    urls.add(candidate);
                }
            } catch (IllegalArgumentException notAWebAddress) {
                // skipped: not something a platform can take down
            }
        }
        return urls;
    }

    /** The registered platform whose domain hosts the address, if any. */
    public static Optional<Platform> platformOf(String url, List<Platform> platforms) {
        String host = URI.create(UrlNormalizer.normalize(url)).getHost().toLowerCase(Locale.ROOT);
        return platforms.stream().filter(p -> p.domainList().stream()
                .anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain))).findFirst();
    }

    public static String account(String text, String url) {
        Matcher quoted = QUOTED_ACCOUNT.matcher(text);
        if (quoted.find()) {
            return quoted.group(1).strip();
        }
        Matcher labelled = LABELLED_ACCOUNT.matcher(text);
        if (labelled.find()) {
            return labelled.group(1).strip();
        }
        if (url != null) {
            Matcher inUrl = HANDLE.matcher(URI.create(url.strip()).getPath() == null ? "" : URI.create(url.strip())
                    .getPath());
            if (inUrl.find()) {
                return "@" + inUrl.group(1);
            }
        }
        Matcher handle = HANDLE.matcher(text);
        return handle.find() ? "@" + handle.group(1) : null;
    }

    public static ComplaintCategory category(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return CATEGORY_WORDS.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(lower::contains))
                .map(Map.Entry::getKey).findFirst().orElse(ComplaintCategory.OTHER_ILLEGAL);
    }

    /** Words with which an enterprise writes about itself as the harmed party (受害企业保护). */
    private static final List<String> ENTERPRISE_WORDS = List.of("我公司", "本公司", "我司", "我单位", "本企业", "我企业",
            "受害企业", "our company", "our firm", "our enterprise", "on behalf of the company");

    /** A mail in which an enterprise speaks of itself is a victim enterprise's complaint (fast-tracked). */
    public static org.qinglang.casefile.ReporterType reporterType(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return ENTERPRISE_WORDS.stream().anyMatch(lower::contains) ? org.qinglang.casefile.ReporterType.VICTIM_ENTERPRISE
                : org.qinglang.casefile.ReporterType.CITIZEN;
    }
}
