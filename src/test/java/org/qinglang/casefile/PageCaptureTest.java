package org.qinglang.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reported page captured as evidence from a page server of the test: WARC, HTML (and a screenshot
 * where Chromium is installed), each hashed and time-stamped, in the case file; a page that is gone is
 * recorded as gone; links into private addresses, directly or by a redirect, are refused.
 */
@QinglangTest
@AutoConfigureMockMvc
class PageCaptureTest {

    @RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = TestMail.server();

    static HttpServer site;
    static int port;

    @Autowired
    CaseDriver cases;
    @Autowired
    CaseCaptures captures;
    @Autowired
    PageCapture pages;
    @Autowired
    EvidenceExamination examination;
    @Autowired
    EvidenceTimestamps timestamps;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void startTheReportedSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        port = site.getAddress().getPort();
        site.createContext("/post", exchange -> {
            byte[] page = "<html><head><title>Pollution!</title></head><body><h1>某企业偷排污水</h1><img src=\"http://10.1.2.3/x.png\"></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.createContext("/deleted", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        site.createContext("/to-inside", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + port + "/post");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        site.createContext("/to-metadata", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        site.start();
    }

    @AfterAll
    static void stopIt() {
        site.stop(0);
    }

    private String caseAbout(String path) {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "http://127.0.0.1:" + port + path + "?n=" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        return caseNumber;
    }

    private List<Map<String, Object>> captureFiles(String caseNumber) {
        return jdbc.queryForList("""
                SELECT e.file_name, e.sha256, e.content, e.timestamp_token FROM evidence e
                JOIN complaint c ON c.id = e.complaint_id WHERE c.case_number = ? AND e.kind = 'PAGE_CAPTURE'
                ORDER BY e.id""", caseNumber);
    }

    @Test
    void theReportedPageIsCapturedHashedAndTimeStampedInTheCaseFile() throws Exception {
        String caseNumber = caseAbout("/post");
        // Intake did not wait for the site: nothing captured until the capture job runs.
        assertThat(captureFiles(caseNumber)).isEmpty();
        captures.sweep();
        examination.sweep();

        List<Map<String, Object>> files = captureFiles(caseNumber);
        assertThat(files).extracting(f -> (String) f.get("file_name"))
                .anyMatch(n -> n.endsWith(".warc")).anyMatch(n -> n.endsWith(".html")).anyMatch(n -> n.endsWith("-report.txt"));
        for (Map<String, Object> file : files) {
            assertThat(timestamps.verify((byte[]) file.get("timestamp_token"), (String) file.get("sha256")).valid())
                    .as((String) file.get("file_name")).isTrue();
        }
        byte[] warc = files.stream().filter(f -> ((String) f.get("file_name")).endsWith(".warc")).findFirst()
                .map(f -> (byte[]) f.get("content")).orElseThrow();
        List<String> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(Channels.newChannel(new ByteArrayInputStream(warc)))) {
            for (WarcRecord record : reader) {
                records.add(record.type());
            }
        }
        assertThat(records).containsExactly("response", "request");
        String report = new String((byte[]) files.get(files.size() - 1).get("content"), StandardCharsets.UTF_8);
        assertThat(report).contains("status: CAPTURED").contains("fetched by node:").contains(" sha256 ");
        if (new java.io.File("/usr/bin/chromium").canExecute()) {
            assertThat(files).extracting(f -> (String) f.get("file_name")).anyMatch(n -> n.endsWith(".png"));
        }
        String page = mvc.perform(get("/staff/cases/" + caseNumber).param("lang", "en")
                        .with(user("caseworker").roles("case-workers")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Capture of the reported page").contains(".warc").contains("RFC 3161 time-stamp");
    }

    @Test
    void aPageThatIsGoneIsRecordedAsGoneAndACaseWorkerMayCaptureAgain() throws Exception {
        String caseNumber = caseAbout("/deleted");
        mvc.perform(post("/staff/cases/" + caseNumber + "/capture").with(user("caseworker").roles("case-workers"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        List<Map<String, Object>> files = captureFiles(caseNumber);
        assertThat(new String((byte[]) files.get(files.size() - 1).get("content"), StandardCharsets.UTF_8))
                .contains("status: GONE").contains("HTTP 404");
        // Not without the page's token.
        mvc.perform(post("/staff/cases/" + caseNumber + "/capture").with(user("caseworker").roles("case-workers")))
                .andExpect(status().isForbidden());
    }

    @Test
    void linksIntoPrivateAddressesAreRefusedDirectlyAndByRedirect() {
        for (String url : List.of("http://localhost:" + port + "/post", "http://10.0.0.1/", "http://169.254.169.254/",
                "http://[::1]:" + port + "/post", "http://192.168.1.1/admin", "file:///etc/passwd",
                "ftp://127.0.0.1/x", "http://127.0.0.1:" + port + "/to-inside", "http://127.0.0.1:" + port + "/to-metadata")) {
            PageCapture.Result result = pages.capture(url);
            assertThat(result.status()).as(url).isEqualTo("REFUSED");
            assertThat(result.html()).isNull();
            assertThat(result.warc()).isNull();
        }
        assertThat(PageCapture.isPublic(java.net.InetAddress.getLoopbackAddress())).isFalse();
    }
}
