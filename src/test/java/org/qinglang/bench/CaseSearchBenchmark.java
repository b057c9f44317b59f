package org.qinglang.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.qinglang.casefile.CaseSearch;
import org.qinglang.casefile.CaseStage;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Case search on PostgreSQL with many cases (-Dbench.cases, 1,000,000 by default): the schema as
 * Flyway builds it, cases loaded in bulk (trigram indexes built after the load), then each kind of
 * search run many times; prints p50, p95 and the slowest per kind and over all. Target: p95 ≤ 200 ms.
 *
 * <p>{@code mvn -Pbench verify -Dtest=CaseSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class CaseSearchBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    static final int RUNS = Integer.getInteger("bench.runs", 40);
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/qinglang_search_bench";

    @Test
    void searchOverManyCases() throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS qinglang_search_bench WITH (FORCE)");
            sql.execute("CREATE DATABASE qinglang_search_bench");
        }
        DriverManagerDataSource data = new DriverManagerDataSource(URL, "postgres", "");
        Flyway.configure().dataSource(data).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        long loadStarted = System.nanoTime();
        try (Connection connection = data.getConnection(); Statement sql = connection.createStatement()) {
            List<String> trigramIndexes = List.of(
                    "CREATE INDEX ix_complaint_description_trgm ON complaint USING gin (description gin_trgm_ops)",
                    "CREATE INDEX ix_complaint_account_trgm ON complaint USING gin (account_name gin_trgm_ops)",
                    "CREATE INDEX ix_complaint_complainant_trgm ON complaint USING gin "
                            + "((complainant_name || ' ' || complainant_email) gin_trgm_ops)");
            sql.execute("DROP INDEX ix_complaint_description_trgm, ix_complaint_account_trgm, ix_complaint_complainant_trgm");
            sql.execute("SET maintenance_work_mem = '256MB'");
            for (int from = 1; from <= CASES; from += 200_000) {
                sql.execute(load(from, Math.min(CASES, from + 199_999)));
            }
            for (String index : trigramIndexes) {
                sql.execute(index);
            }
            sql.execute("ANALYZE complaint");
        }
        System.out.printf("CaseSearchBenchmark: %,d cases loaded and indexed in %.0f s%n", CASES,
                (System.nanoTime() - loadStarted) / 1e9);

        CaseSearch search = new CaseSearch(data);
        int probe = CASES / 2 + 12_345;
        Map<String, CaseSearch.Query> kinds = new LinkedHashMap<>();
        kinds.put("case number", query("QL-B" + String.format("%08d", probe)));
        kinds.put("link", query(single(data, "SELECT content_url FROM complaint WHERE case_number = 'QL-B"
                + String.format("%08d", probe) + "'") + "/"));
        kinds.put("account (part)", query(accountOf(data, probe).substring(5, 15)));
        kinds.put("words, rare", query(md5(data, probe).substring(0, 10)));
        kinds.put("words, common (Chinese)", query("假冒税务机关"));
        kinds.put("words, medium (Chinese)", query("伪造公安通报，涉及成都"));
        kinds.put("complainant", query("user" + probe + "@mail"));
        kinds.put("stage + office", new CaseSearch.Query(null, CaseStage.ESCALATED, "北京市委网信办 Beijing CAC", null,
                false, null));
        kinds.put("overdue", new CaseSearch.Query(null, null, null, null, true, null));
        kinds.put("words + stage + severity", new CaseSearch.Query("虚假退税", CaseStage.UNDER_REVIEW, null, "HIGH",
                false, null));
        List<Double> all = new ArrayList<>();
        for (var kind : kinds.entrySet()) {
            int found = search.find(kind.getValue(), Instant.now()).size(); // warm-up
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long started = System.nanoTime();
                search.find(kind.getValue(), Instant.now());
                times.add((System.nanoTime() - started) / 1e6);
            }
            all.addAll(times);
            System.out.printf("CaseSearchBenchmark: %-26s %3d found  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
                    kind.getKey(), found, percentile(times, 50), percentile(times, 95), percentile(times, 100));
        }
        System.out.printf("CaseSearchBenchmark: all %d searches over %,d cases: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                all.size(), CASES, percentile(all, 50), percentile(all, 95), percentile(all, 100));
    }

    private static CaseSearch.Query query(String term) {
        return new CaseSearch.Query(term, null, null, null, false, null);
    }

    private static String load(int from, int to) {
        return """
                INSERT INTO complaint (case_number, source, category, reporter_type, platform_code, content_url,
                    normalized_url, account_name, description, complainant_name, complainant_email, text_sha256, stage,
                    severity, responsible_office, rectification_due_at, created_at, updated_at)
                SELECT 'QL-B' || lpad(i::text, 8, '0'), 'WEB',
                    (ARRAY['RUMOUR','HARMFUL_INFORMATION','MALICIOUS_HYPE','IMPERSONATION','ILLEGAL_PROFITEERING',
                           'EXTORTION_PAID_DELETION'])[1 + i %% 6], 'CITIZEN', p.code,
                    'https://' || p.code || '.example/p/' || i, 'https://' || p.code || '.example/p/' || i,
                    'acct_' || md5((i / 3)::text),
                    (ARRAY['该账号','这个博主','此用户','网友举报的账号'])[1 + i %% 4]
                      || (ARRAY['发布','转发','编造','散布'])[1 + (i / 4) %% 4]
                      || (ARRAY['虚假灾情','假冒税务机关通知','有偿删帖信息','涉企谣言','网络敲诈内容','摆拍视频',
                                '虚假退税短信','非法集资广告','伪造公安通报','恶意炒作话题'])[1 + (i / 16) %% 10]
                      || '，涉及' || (ARRAY['上海','北京','广州','杭州','成都','武汉'])[1 + (i / 160) %% 6]
                      || '地区，请核查处理。编号 ' || md5(i::text),
                    (ARRAY['王','李','张','刘','陈'])[1 + i %% 5] || (ARRAY['伟','芳','敏','静','磊'])[1 + (i / 5) %% 5],
                    'user' || i || '@mail.example', md5(i::text),
                    (ARRAY['RECEIVED','UNDER_VERIFICATION','PLATFORM_NOTIFIED','UNDER_REVIEW','ESCALATED','CLOSED',
                           'CLOSED','CLOSED'])[1 + i %% 8],
                    (ARRAY['CRITICAL','HIGH','MEDIUM','LOW'])[1 + (i / 8) %% 4],
                    (ARRAY['北京市委网信办 Beijing CAC','上海市委网信办 Shanghai CAC','广东省委网信办 Guangdong CAC',
                           '浙江省委网信办 Zhejiang CAC','中央网信办举报中心 Central Reporting Centre'])[1 + (i / 3) %% 5],
                    now() + ((i %% 20) - 10) * interval '1 day',
                    now() - (%d - i) * interval '30 seconds', now()
                FROM generate_series(%d, %d) AS i
                JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS n FROM platform) p
                  ON p.n = i %% (SELECT count(*) FROM platform)
                """.formatted(CASES, from, to);
    }

    private static String accountOf(DriverManagerDataSource data, int i) throws Exception {
        return single(data, "SELECT account_name FROM complaint WHERE case_number = 'QL-B" + String.format("%08d", i) + "'");
    }

    private static String md5(DriverManagerDataSource data, int i) throws Exception {
        return single(data, "SELECT md5('" + i + "')");
    }

    private static String single(DriverManagerDataSource data, String query) throws Exception {
        try (Connection connection = data.getConnection(); Statement sql = connection.createStatement();
                var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
