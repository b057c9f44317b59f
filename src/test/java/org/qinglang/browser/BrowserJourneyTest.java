package org.qinglang.browser;

import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.JavascriptExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.announcement.Announcement;
import org.qinglang.announcement.AnnouncementRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.util.FileSystemUtils;

/**
 * The whole journey in a real headless Chromium: a citizen files a complaint on the public form, a
 * case worker verifies it in Tasklist, a second supervisor approves the announcement there, and the
 * public reads it on the exposure board. Markup typed by the complainant and the supervisor stays
 * text everywhere. Screenshots of every page land in target/screenshots/.
 *
 * <p>Needs Debian's chromium and chromedriver in /usr/bin; skipped when they are missing.
 */
// A fresh application: the webapps find their engine in the platform registry, which an earlier
// cached application unregisters when it is closed after this one started.
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_CLASS)
@QinglangTest
@EnabledIf(value = "browserInstalled", disabledReason = BrowserJourneyTest.NO_BROWSER)
class BrowserJourneyTest {

    static final String NO_BROWSER = "Browser journey skipped: needs /usr/bin/chromium and /usr/bin/chromedriver "
            + "(Debian packages chromium and chromium-driver)";

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String SCRIPT = "<script>alert('qinglang')</script>";
    private static final String COMPLAINANT_NAME = "林晓燕";
    private static final String COMPLAINANT_EMAIL = "lin.xiaoyan@mail.example";
    private static final String ACCOUNT = "@fake_tax_office";
    private static final String PLATFORM_CONTACT = "compliance@shortvideo.example";
    private static final String PUBLIC_BASE_URL = "http://localhost:8080";
    private static final String SUMMARY = "该账号假冒<b>税务机关</b>发布虚假退税通知。" + SCRIPT;

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    private static ChromeDriverService service;
    private static WebDriver driver;
    private static Path profile;

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver cases;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AnnouncementRepository announcements;
    @Autowired
    TestRestTemplate http;

    private WebDriverWait wait;
    private int shot;

    /** Checked before the application starts, so that a machine without Chromium skips the class at once. */
    static boolean browserInstalled() {
        return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(browserInstalled(), NO_BROWSER);
        profile = Files.createDirectories(TARGET.resolve("chromium-profiles"))
                .resolve("profile-" + System.nanoTime());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.getPath());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--window-size=1366,1000",
                "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // An alert stays open so that the test sees it rather than the driver dismissing it.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .withLogFile(TARGET.resolve("chromedriver.log").toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        // Looks again every 100 ms (Selenium's default is every half second, most of it spent idle).
        wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.newDirectoryStream(SCREENSHOTS)) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void complaintIsFiledVerifiedDecidedApprovedAndAnnounced() throws Exception {
        try {
            journey();
        } catch (Throwable failure) {
            saveEvidenceOf("failure");
            throw failure;
        }
    }

    private void journey() throws Exception {
        // 1. The citizen files a complaint on the public form.
        String caseNumber = fileComplaint();

        // 2. The case worker verifies it in Tasklist.
        cases.runDueJobs(caseNumber);
        Task verification = cases.task(caseNumber, "Task_VerifyComplaint");
        assertThat(verification).as("verification task of %s", caseNumber).isNotNull();
        logIn("caseworker");
        openTask(verification);
        claim(verification, "caseworker");
        WebElement description = formField("举报内容");
        // Times are on the office's clock (Asia/Shanghai), whatever zone the browser is in (UTC here).
        assertThat(driver.findElement(By.id("footer-timezone")).getText()).contains("Asia/Shanghai");
        assertThat((String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return angular.element(document.body).injector().get('$filter')('camDate')"
                        + "('2026-12-03T01:30:00Z', 'long')")).contains("09:30");
        assertThat(description.getDomProperty("value")).contains(SCRIPT);
        assertThat(description.getDomProperty("readOnly")).isEqualTo("true");
        assertThat(driver.findElements(By.xpath("//form[contains(@class,'fjs-form')]//script"))).isEmpty();
        // Evidence is seen in the case file the form links to, not as addresses to copy out of a text box.
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                + "'.fjs-form textarea, .fjs-form input')).some(f => f.value.includes('/staff/evidence/'));")).isFalse();
        assertNoAlert();
        scrollTo(description);
        screenshot("tasklist-verify-complaint-description");
        // Every name, label and value of Tasklist in the reader's language: no English in Chinese.
        assertThat(tasklistText().replace(ACCOUNT, "")).contains("核实举报", caseNumber, "类别（可更正）", "属实")
                .doesNotContainPattern("[A-Za-z]{4,}");
        // The form's own messages in Chinese too, and no regular expression shown: a link that is not one.
        WebElement reportedField = formField("链接（可更正）");
        String reportedLink = reportedField.getDomProperty("value");
        type(reportedField, "不是链接");
        reportedField.sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
        wait.until(ExpectedConditions.textToBePresentInElement(error, "格式不正确"));
        assertThat(error.getText()).doesNotContain("Field", "http");
        type(reportedField, reportedLink);
        check(formField("属实"));
        type(formField("核实说明"), "核实属实：该账号假冒税务机关 Impersonates the tax office");
        screenshot("tasklist-verify-complaint");
        // The form links to the case file.
        String caseFileLink = driver.findElement(By.cssSelector(".fjs-form a[href*='/staff/cases/']")).getDomAttribute("href");
        assertThat(caseFileLink).endsWith("/staff/cases/" + caseNumber);
        complete();
        visitCaseFile(caseNumber, caseFileLink);
        assertThat(engine.getTaskService().createTaskQuery().taskId(verification.getId()).count()).isZero();
        cases.runDueJobs(caseNumber);
        assertThat(cases.task(caseNumber, "Task_VerifyComplaint")).isNull();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(verification.getProcessInstanceId()).activityId("Task_SendPlatformNotice")
                .finished().count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createExecutionQuery()
                .processInstanceId(verification.getProcessInstanceId()).activityId("Task_AwaitPlatformResponse")
                .count()).isEqualTo(1);

        // 3. The deadline passes; a supervisor decides, with a further deadline for the account measures.
        cases.advance(caseNumber, Duration.ofDays(3).plusMinutes(1)); // IMPERSONATION is HIGH: P3D
        assertThat(cases.task(caseNumber, "Task_DecideEnforcement")).isNotNull();
        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("CLOSE_ACCOUNT", "CLEAR_FOLLOWERS"), "policeReferral", false,
                "furtherDeadline", "3 working days", "enforcementNote", "关闭假冒账号 Close the impersonating account",
                "announce", true, "announcementSummary", SUMMARY));

        // 4. The decision document reaches the platform as a PDF; this is what it reads.
        MimeMessage decisionMail = mailTo(PLATFORM_CONTACT, "decision-1-" + caseNumber);
        byte[] pdf = TestMail.attachment(decisionMail, "application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("处置决定书", caseNumber, "关闭账号",
                    ACCOUNT, "Enforcement Decision");
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                    SCREENSHOTS.resolve(String.format("%02d-decision-document.png", ++shot)).toFile());
        }

        // 5. The platform reports each measure on the page its notice links to, with evidence for each.
        String notice = TestMail.body(mailTo(PLATFORM_CONTACT, "notice-1-" + caseNumber));
        java.util.regex.Matcher responseLink = java.util.regex.Pattern.compile("http://\\S+/platform/respond/\\S+").matcher(notice);
        assertThat(responseLink.find()).as("response link in the notice").isTrue();
        driver.get(responseLink.group().replace(PUBLIC_BASE_URL, url("")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("platform-response-form")));
        Path proof = writePng();
        List<String> ordered = driver.findElements(By.cssSelector("#platform-response-form input[type=radio][value=DONE]"))
                .stream().map(radio -> radio.getDomAttribute("name").substring("done.".length())).toList();
        assertThat(ordered).contains("CLOSE_ACCOUNT", "CLEAR_FOLLOWERS");
        for (String code : ordered) {
            check(driver.findElement(By.cssSelector("input[name='done." + code + "'][value=DONE]")));
            WebElement at = driver.findElement(By.cssSelector("input[name='at." + code + "']"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", at, "2026-01-02T09:30");
            type(driver.findElement(By.cssSelector("input[name='note." + code + "']")), "已执行 Done");
            driver.findElement(By.cssSelector("input[name='proof." + code + "']")).sendKeys(proof.toString());
        }
        type(driver.findElement(By.id("response-text")), "账号已关闭，粉丝已清空。Account closed, followers cleared.");
        screenshot("platform-reports-each-measure");
        driver.findElement(By.cssSelector("#platform-response-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), caseNumber));
        assertNoAlert();
        screenshot("platform-report-received");
        cases.runDueJobs(caseNumber);

        // 6. The case worker sees the report, measure by measure, and finds the rectification adequate.
        Task review = cases.task(caseNumber, "Task_ReviewRectification");
        assertThat(review).as("review of %s", caseNumber).isNotNull();
        logIn("caseworker");
        openTask(review);
        claim(review, "caseworker");
        // The system's words in the report in Chinese, the platform's own as it wrote them.
        assertThat(formField("平台反馈").getDomProperty("value")).contains("逐项执行情况：", "✓ 关闭账号 · ",
                "证据：CLOSE_ACCOUNT-browser-evidence.png", "已执行 Done").doesNotContain("Close the account", "Evidence:");
        check(formField("整改到位"));
        type(formField("审核意见"), "逐项核实已执行 Each measure checked");
        screenshot("tasklist-review-rectification");
        complete();
        cases.runDueJobs(caseNumber);
        logOut();

        // 7. Another supervisor approves the announcement.
        Task approval = cases.task(caseNumber, "Task_ApproveAnnouncement");
        assertThat(approval).isNotNull();
        logOut();
        logIn("supervisor2");
        openTask(approval);
        claim(approval, "supervisor2");
        WebElement summary = formField("曝光内容");
        assertThat(summary.getDomProperty("value")).isEqualTo(SUMMARY);
        check(formField("批准曝光"));
        type(formField("审批意见"), "同意曝光 Approved");
        assertNoAlert();
        screenshot("tasklist-approve-announcement");
        complete();
        assertThat(engine.getTaskService().createTaskQuery().taskId(approval.getId()).count()).isZero();
        cases.runDueJobs(caseNumber);
        // The same login reaches the search and Cockpit.
        driver.get(url("/staff/cases?q=" + caseNumber));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hits")));
        assertThat(driver.findElement(By.id("hits")).getText()).contains(caseNumber, "假冒仿冒");
        screenshot("case-search");
        driver.get(url("/camunda/app/cockpit/default/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header]")));
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(banner ->
                assertThat(banner.isDisplayed()).isFalse());
        // Cockpit in the reader's language too, its header and dashboard.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-widget-header]"), "流程"));
        assertThat(driver.findElement(By.cssSelector("[cam-widget-header]")).getText()).contains("清朗 流程监控", "决策")
                .doesNotContain("Processes", "Decisions");
        screenshot("cockpit");
        inEnglish(caseNumber);
        // The webapps' own login view is never shown: it hands over to the one login page.
        driver.get(url("/camunda/app/tasklist/default/#/login"));
        wait.until(ExpectedConditions.urlMatches("/login$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertThat(cases.instance(caseNumber)).isNull();

        // 8. The public reads it on the exposure board, markup as text, the complainant unnamed.
        Announcement announcement = announcements.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(announcement.getApprovedBy()).isEqualTo("supervisor2");
        driver.get(url("/announcements"));
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a[href$='/announcements/" + announcement.getId() + "']")));
        assertThat(link.getText()).contains(ACCOUNT);
        assertPublicPageShowsSummaryAsText();
        screenshot("announcements");
        link.click();
        wait.until(ExpectedConditions.urlMatches("/announcements/" + announcement.getId() + "$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).contains(ACCOUNT);
        assertPublicPageShowsSummaryAsText();
        screenshot("announcement");
    }

    /**
     * The case file, in the same session as Tasklist: the complainant's picture shown, the complainant's
     * contact, the verification in the timeline; a note added stays; the same page in English.
     */
    private void visitCaseFile(String caseNumber, String link) {
        driver.get(link.startsWith("http") ? link : url(link));
        wait.until(ExpectedConditions.textToBe(By.id("case-number"), caseNumber));
        WebElement image = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("img.evidence-image")));
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", image));
        assertThat(driver.findElement(By.id("complainant")).getText()).contains(COMPLAINANT_NAME, COMPLAINANT_EMAIL);
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("任务完成", "收到举报");
        assertThat(driver.findElement(By.id("complaint")).getText()).contains("假冒仿冒").doesNotContain("IMPERSONATION");
        type(driver.findElement(By.id("note-text")), "已电话联系举报人核实 Called the complainant" + SCRIPT);
        driver.findElement(By.cssSelector("#note-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), "已电话联系举报人核实"));
        assertNoAlert();
        screenshot("case-file-zh");
        driver.get(url("/staff/cases/" + caseNumber + "?lang=en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Case file"));
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("Task completed");
        screenshot("case-file-en");
        driver.get(url("/staff/cases/" + caseNumber + "?lang=zh-CN"));
    }

    /** The mail to {@code to} whose Message-ID names this kind and case. */
    private static MimeMessage mailTo(String to, String idPart) {
        return TestMail.to(mail, to).stream().filter(m -> TestMail.messageId(m).contains(idPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail " + idPart + " to " + to));
    }

    private String fileComplaint() throws IOException {
        Path png = writePng();
        driver.get(url("/complaints/new"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-form")));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("我要举报");
        assertThat(driver.findElement(By.cssSelector("label[for=email]")).getText()).isEqualTo("电子邮箱");
        assertThat(driver.findElement(By.cssSelector("label[for=phone]")).getText()).isEqualTo("电话（选填）");
        screenshot("complaint-form-new");

        check(driver.findElement(By.cssSelector("input[type=radio][name=category][value=IMPERSONATION]")));
        new Select(driver.findElement(By.id("platform"))).selectByValue("shortvideo");
        type(driver.findElement(By.id("urls")), "https://shortvideo.example/" + ACCOUNT);
        type(driver.findElement(By.id("accountName")), ACCOUNT);
        type(driver.findElement(By.id("description")), "该账号假冒税务机关发布虚假退税通知，诱导填写银行卡信息。" + SCRIPT);
        driver.findElement(By.id("evidence")).sendKeys(png.toString());
        type(driver.findElement(By.id("name")), COMPLAINANT_NAME);
        type(driver.findElement(By.id("email")), COMPLAINANT_EMAIL);
        check(driver.findElement(By.cssSelector("input[type=checkbox][name=goodFaith]")));
        screenshot("complaint-form");

        driver.findElement(By.id("submit-complaint")).click();
        WebElement caseNumber = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-number")));
        assertNoAlert();
        assertThat(caseNumber.getText()).matches("QL-\\d{4}-\\d{6}");
        assertThat(driver.findElement(By.id("status-link")).getDomAttribute("href"))
                .startsWith("/complaints/" + caseNumber.getText() + "?token=");
        screenshot("complaint-accepted");
        return caseNumber.getText();
    }

    // Tasklist

    /** A case worker whose browser asks for English verifies a complaint: no Chinese in names, labels or values. */
    private void verificationInEnglish() {
        String caseNumber = cases.submit(org.qinglang.casefile.ComplaintCategory.RUMOUR, "shortvideo",
                "https://shortvideo.example/@rumour_en", "@rumour_en").caseNumber();
        cases.runDueJobs(caseNumber);
        Task verification = cases.task(caseNumber, "Task_VerifyComplaint");
        logOut();
        driver.get(url("/camunda/app/tasklist/default/"));
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff login");
        type(username, "caseworker");
        type(driver.findElement(By.id("password")), "caseworker");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".task-filters .content .item.active"), "Tasks I may work"));
        openTask(verification);
        claim(verification, "caseworker", "Claim");
        formField("Category (correct if needed)");
        assertThat(tasklistText()).contains("Verify complaint " + caseNumber + " · ShortVideo", "Tasks I may work",
                "Rumours and false information", "Substantiated", "Qinglang Tasklist", "Search cases")
                .doesNotContainPattern("[\\u3400-\\u9fff]");
        screenshot("tasklist-verify-complaint-en");
    }

    /**
     * The same screens for a reader whose browser asks for English (its languages switched through
     * the DevTools protocol, as a browser set to English sends them): Tasklist, search, Cockpit.
     */
    private void inEnglish(String caseNumber) {
        var devTools = (org.openqa.selenium.chromium.ChromiumDriver) driver;
        String agent = (String) ((JavascriptExecutor) driver).executeScript("return navigator.userAgent;");
        devTools.executeCdpCommand("Network.enable", Map.of());
        devTools.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", "en-US,en"));
        try {
            driver.get(url("/camunda/app/tasklist/default/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("footer-timezone"), "Asia/Shanghai"));
            assertThat(driver.findElement(By.id("footer-timezone")).getText()).doesNotContain("时区");
            screenshot("tasklist-en");
            driver.get(url("/staff/cases?lang=en&q=" + caseNumber));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hits")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Search cases");
            screenshot("case-search-en");
            driver.get(url("/camunda/app/cockpit/default/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header]")));
            screenshot("cockpit-en");
            verificationInEnglish();
        } finally {
            devTools.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", "zh-CN,zh"));
            driver.get(url("/staff/cases?lang=zh-CN"));
        }
    }

    private void logIn(String user) {
        // One login page for every staff screen; Tasklist opens with its session, no second login and no
        // browser password dialog.
        logOut();
        driver.get(url("/camunda/app/tasklist/default/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("工作人员登录");
        type(username, user);
        type(driver.findElement(By.id("password")), user);
        screenshot("staff-login-" + user);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
        // No banner about another product on the staff screens; no "start process" or "create task".
        for (String hidden : List.of(".ce-eol-banner", "li.start-process-action", "li.create-task-action")) {
            assertThat(driver.findElements(By.cssSelector(hidden))).allSatisfy(element ->
                    assertThat(element.isDisplayed()).as(hidden).isFalse());
        }
        assertThat(driver.findElement(By.cssSelector("[cam-widget-header]")).getText()).doesNotContain("启动流程", "创建任务");
        // The filter Tasklist opens with, once its filters have loaded ("加载中…" until then).
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".task-filters .content .item.active"), "可办任务"));
    }

    private void logOut() {
        driver.manage().deleteAllCookies();
        driver.get("about:blank");
    }

    /** Opens the task in the filter Tasklist chose after the login, which it keeps in the address. */
    private void openTask(Task task) {
        wait.until(ExpectedConditions.urlContains("filter="));
        driver.get(driver.getCurrentUrl() + "&task=" + task.getId());
        String caseNumber = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".names h2.task"), caseNumber));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.claim")));
        // The task's name links to its case file.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qinglang-case-file")));
        wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "return document.getElementById('qinglang-case-file').href;")).endsWith("/staff/cases/" + caseNumber));
    }

    /** What Tasklist shows of filters, tasks and the open task's form: the texts that come from models and values. */
    private String tasklistText() {
        return (String) ((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                + "'.task-filters, .tasks-list, .task-details .names, .fjs-form, [cam-widget-header] .navbar-brand,"
                + " #qinglang-staff-links')).map(e => e.innerText).join('\\n');");
    }

    private void claim(Task task, String user) {
        claim(task, user, "认领"); // Tasklist follows the browser's language
    }

    private void claim(Task task, String user, String claimButton) {
        WebElement claim = driver.findElement(By.cssSelector("button.claim"));
        assertThat(claim.getText()).isEqualTo(claimButton);
        claim.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo(user);
    }

    private void complete() {
        By button = By.cssSelector("button.btn-primary[ng-click='complete()']");
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));
        assertNoAlert();
    }

    /**
     * The input, textarea or select of a Camunda Forms field, or one radio option, found by the text of
     * the label that names it.
     */
    private WebElement formField(String labelText) {
        WebElement label = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//form[contains(@class,'fjs-form')]//label[@for][contains(normalize-space(.), '" + labelText
                        + "')]")));
        return driver.findElement(By.id(label.getDomAttribute("for")));
    }

    // Pages and checks

    private void assertPublicPageShowsSummaryAsText() {
        assertNoAlert();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.summary")));
        assertThat(summary.getText()).isEqualTo(SUMMARY);
        assertThat(driver.findElements(By.cssSelector("p.summary b, p.summary script"))).isEmpty();
        String source = driver.getPageSource();
        assertThat(source).contains("&lt;b&gt;税务机关&lt;/b&gt;").contains("&lt;script&gt;")
                .doesNotContain("<b>税务机关</b>").doesNotContain(SCRIPT);
        String visible = driver.findElement(By.tagName("body")).getText();
        for (String page : List.of(source, visible)) {
            assertThat(page).doesNotContain(COMPLAINANT_NAME).doesNotContain(COMPLAINANT_EMAIL)
                    .doesNotContain("lin.xiaoyan");
        }
    }

    private void assertNoAlert() {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("a JavaScript alert appeared: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private void check(WebElement box) {
        if (!box.isSelected()) {
            scrollTo(box);
            box.click();
        }
        wait.until(ExpectedConditions.elementSelectionStateToBe(box, true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name)),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void saveEvidenceOf(String name) {
        try {
            screenshot(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n"
                    + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            // keep the original failure
        }
    }

    /** A small but real PNG: the intake checks the bytes, not the name. */
    private static Path writePng() throws IOException {
        BufferedImage image = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 40);
        g.setColor(new Color(0xc0, 0x39, 0x2b));
        g.fillRect(8, 8, 48, 24);
        g.dispose();
        Path file = TARGET.resolve("browser-evidence.png");
        Files.createDirectories(TARGET);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
