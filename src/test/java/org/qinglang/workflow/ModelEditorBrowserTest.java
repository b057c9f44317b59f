package org.qinglang.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qinglang.QinglangTest;
import org.qinglang.process.CaseVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A manager in a real browser: the editors load from the application itself (no CDN), a change made
 * in them is deployed with the button, and what bpmn-js does not show (forms, groups, delegate
 * expressions) survives the round trip. Screenshots in target/screenshots/.
 */
@QinglangTest
class ModelEditorBrowserTest {

    static final Path MODELS = ModelFolders.copyOfInstallation();
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("qinglang.models.directory", MODELS::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    DecisionService decisionService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.qinglang.CaseDriver cases;

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Chromium and chromedriver are needed at /usr/bin");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1600,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens a page as the manager, logging in on the staff login page when the session has none. */
    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        if (browser.getCurrentUrl().contains("/login")) {
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("manager");
            browser.findElement(By.id("password")).sendKeys("manager");
            browser.findElement(By.id("login-submit")).click();
            waiting().until(driver -> !driver.getCurrentUrl().contains("/login"));
        }
    }

    private WebDriverWait waiting() {
        // Looks again every 100 ms (Selenium's default is every half second, most of it spent idle).
        return new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100));
    }

    /** Waits for the editor to report that the model is open, and fails with its message if not. */
    private void awaitEditor() {
        waiting().until(driver -> !"loading".equals(driver.findElement(By.id("model-editor-status"))
                .getDomAttribute("data-state")));
        WebElement status = browser.findElement(By.id("model-editor-status"));
        assertThat(status.getDomAttribute("data-state")).as(status.getText()).isEqualTo("ready");
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void deployAndAwaitTheModelsPage() {
        browser.findElement(By.id("model-deploy")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("model-notice")));
    }

    @Test
    void aManagerChangesTheVerificationTimerInThePropertiesPanelSeesTheChangeDeploysAndMovesTheCases()
            throws Exception {
        ProcessDefinition before = latestProcess();
        String waiting = cases.submit(org.qinglang.casefile.ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/editor-" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(waiting);
        String fileBefore = Files.readString(MODELS.resolve("bpmn/complaint-handling.bpmn"));

        // From the staff menu, not a typed address.
        open("/staff/cases");
        browser.findElement(By.id("nav-models")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("model-processes")));
        open("/models/editor?resource=complaint-handling.bpmn");
        awaitEditor();
        // Opens readable: at full size, where the process starts, clear of the palette.
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return window.qinglangModeler.get('canvas').zoom();")).doubleValue()).isEqualTo(1.0);
        WebElement start = browser.findElement(By.cssSelector("[data-element-id='StartEvent_ComplaintReceived']"));
        WebElement palette = browser.findElement(By.cssSelector(".djs-palette"));
        assertThat(start.getRect().getX()).isGreaterThan(palette.getRect().getX() + palette.getRect().getWidth());
        waiting().until(d -> "clean".equals(d.findElement(By.id("model-live-check")).getDomAttribute("data-state")));
        screenshot("model-editor-bpmn");

        // Every step of the deployed model has its English name; a new step named in Chinese is
        // reminded of it (a warning: deployment does not require it). Undone afterwards.
        String lint = "const done = arguments[arguments.length - 1];"
                + " window.qinglangModeler.get('linting').lint().then(r => done(JSON.stringify(r['qinglang/english-name'] || [])));";
        assertThat((String) ((JavascriptExecutor) browser).executeAsyncScript(lint)).isEqualTo("[]");
        ((JavascriptExecutor) browser).executeScript("""
                const modeler = window.qinglangModeler;
                const shape = modeler.get('modeling').createShape({type: 'bpmn:Task'}, {x: 200, y: 600},
                    modeler.get('canvas').getRootElement());
                modeler.get('modeling').updateLabel(shape, '听取账号主体陈述');
                window.qinglangNewStep = shape.id;
                """);
        String reminded = (String) ((JavascriptExecutor) browser).executeAsyncScript(lint);
        assertThat(reminded).contains((String) ((JavascriptExecutor) browser).executeScript("return window.qinglangNewStep;"))
                .contains("en.name").contains("\"category\":\"warn\"");
        ((JavascriptExecutor) browser).executeScript(
                "const stack = window.qinglangModeler.get('commandStack'); stack.undo(); stack.undo();");
        assertThat((String) ((JavascriptExecutor) browser).executeAsyncScript(lint)).isEqualTo("[]");

        // The timer in the properties panel, as a manager sets it.
        ((JavascriptExecutor) browser).executeScript("""
                const modeler = window.qinglangModeler;
                modeler.get('selection').select(modeler.get('elementRegistry').get('Timer_VerificationSla'));
                """);
        waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#model-properties [data-group-id='group-timer'] .bio-properties-panel-group-header"))).click();
        WebElement timer = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("bio-properties-panel-timerEventDefinitionValue")));
        assertThat(timer.getDomProperty("value")).isEqualTo("${verificationSla}");
        // What the sandbox refuses is marked as it is typed, before anything is deployed.
        replace(timer, "${execution.getProcessEngineServices()}");
        waiting().until(d -> "found".equals(d.findElement(By.id("model-live-check")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("model-live-problems")).getText()).contains("getProcessEngineServices");
        // ... and on the diagram, with the editor's own lint: an error on the timer's event.
        waiting().until(d -> !d.findElements(By.cssSelector(".bjsl-button-error")).isEmpty()
                && !d.findElements(By.cssSelector(".djs-overlay-linting")).isEmpty());
        screenshot("model-editor-sandbox-refuses-as-typed");
        replace(timer, "P3D");
        waiting().until(d -> "clean".equals(d.findElement(By.id("model-live-check")).getDomAttribute("data-state")));
        screenshot("model-editor-timer");

        // Try it first on a copy of the waiting case: the path, and where it would wait.
        WebElement dryRunCase = browser.findElement(By.id("dry-run-case"));
        dryRunCase.sendKeys(waiting);
        browser.findElement(By.id("dry-run-start")).click();
        waiting().until(d -> "done".equals(d.findElement(By.id("model-dry-run-result")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("model-dry-run-result")).getText())
                .contains("Task_VerifyComplaint").contains("Timer_VerificationSla");
        assertThat(browser.findElements(By.cssSelector("[data-element-id='Task_RegisterComplaint'].dry-run-passed")))
                .isNotEmpty();
        screenshot("model-editor-dry-run");

        // And the token simulation runs in the editor.
        browser.findElement(By.id("model-simulate")).click();
        waiting().until(d -> !d.findElements(By.cssSelector(".bts-toggle-mode.active, .simulation")).isEmpty());
        screenshot("model-editor-token-simulation");
        browser.findElement(By.id("model-simulate")).click();

        // Before deploying: the change against what runs, and the case waiting there.
        browser.findElement(By.id("model-deploy")).click();
        WebElement review = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("model-review")));
        waiting().until(d -> !d.findElement(By.id("model-review-changes")).getText().isBlank());
        assertThat(browser.findElement(By.id("model-review-changes")).getText())
                .contains("Timer_VerificationSla").containsPattern("1 (个在办案件|running case)");
        assertThat(browser.findElements(By.cssSelector("[data-element-id='Timer_VerificationSla'].diff-changed")))
                .isNotEmpty();
        screenshot("model-editor-review");
        review.findElement(By.id("model-confirm-deploy")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("model-notice")));
        screenshot("model-editor-bpmn-deployed");

        // One process and the forms it uses; the file changed in the one line of the timer.
        ProcessDefinition after = latestProcess();
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(repositoryService.getDeploymentResourceNames(after.getDeploymentId())).containsExactlyInAnyOrder(
                "complaint-handling.bpmn", "verify-complaint.form", "decide-enforcement.form",
                "approve-announcement.form", "platform-measures.form", "review-rectification.form");
        List<String> linesBefore = fileBefore.lines().toList();
        List<String> linesAfter = Files.readString(MODELS.resolve("bpmn/complaint-handling.bpmn")).lines().toList();
        assertThat(linesAfter).hasSameSizeAs(linesBefore);
        assertThat(java.util.stream.IntStream.range(0, linesBefore.size())
                .filter(i -> !linesBefore.get(i).equals(linesAfter.get(i))).mapToObj(linesAfter::get).toList())
                .singleElement().asString().contains(">P3D</bpmn:timeDuration>");
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(after.getId());
        UserTask verify = model.getModelElementById("Task_VerifyComplaint");
        assertThat(verify.getCamundaCandidateGroups()).isEqualTo("case-workers");
        assertThat(verify.getCamundaFormRef()).isEqualTo("verify-complaint");

        // The running case moves to the new version.
        open("/models/migrations?source=" + before.getId());
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#migration-form button"))).click();
        waiting().until(d -> d.getCurrentUrl().contains("/models"));
        screenshot("model-editor-cases-migrated");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(waiting).singleResult()
                .getProcessDefinitionId()).isEqualTo(after.getId());
    }

    @Test
    void aManagerEditsAFormInTheBrowserCheckedLikeTheModels() throws Exception {
        String fileBefore = Files.readString(MODELS.resolve("forms/review-outcome.form"));
        open("/models");
        browser.findElement(By.cssSelector("#model-forms [data-form='review-outcome.form'] a.button")).click();
        awaitEditor();
        waiting().until(d -> "clean".equals(d.findElement(By.id("model-live-check")).getDomAttribute("data-state")));
        JavascriptExecutor script = (JavascriptExecutor) browser;
        // A field named like one of our beans would shadow it in the process's expressions: refused as typed.
        script.executeScript("""
                const editor = window.qinglangModeler.editor;
                const field = editor.get('formFieldRegistry').getAll().find(f => f.key);
                window.qinglangField = field.id;
                window.qinglangKey = field.key;
                editor.get('modeling').editFormField(field, 'key', 'reopenCase');
                """);
        waiting().until(d -> "found".equals(d.findElement(By.id("model-live-check")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("model-live-problems")).getText()).contains("reopenCase");
        screenshot("form-editor-refuses-as-typed");
        script.executeScript("""
                const editor = window.qinglangModeler.editor;
                const field = editor.get('formFieldRegistry').get(window.qinglangField);
                editor.get('modeling').editFormField(field, 'key', window.qinglangKey);
                editor.get('modeling').editFormField(field, 'label', 'Reviewed label 复核标签');
                """);
        waiting().until(d -> "clean".equals(d.findElement(By.id("model-live-check")).getDomAttribute("data-state")));
        screenshot("form-editor");
        deployAndAwaitTheModelsPage();

        // The form with the one process that uses it; the file changed in the one line of the label.
        String deploymentId = repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 1)
                .get(0).getId();
        assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
                .containsExactlyInAnyOrder("outcome-review.bpmn", "review-outcome.form");
        List<String> linesBefore = fileBefore.lines().toList();
        List<String> linesAfter = Files.readString(MODELS.resolve("forms/review-outcome.form")).lines().toList();
        assertThat(linesAfter).hasSameSizeAs(linesBefore);
        assertThat(java.util.stream.IntStream.range(0, linesBefore.size())
                .filter(i -> !linesBefore.get(i).equals(linesAfter.get(i))).mapToObj(linesAfter::get).toList())
                .singleElement().asString().contains("Reviewed label 复核标签");
    }

    /** Selects what the field holds and types over it, as a person would. */
    private void replace(WebElement field, String text) {
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    @Test
    void theDecisionEditorChangesADeadlineInTheTable() throws Exception {
        open("/models/editor?resource=triage.dmn");
        awaitEditor();
        WebElement deadlines = waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#model-views button[data-view='triage-deadline']")));
        deadlines.click();
        By highDeadline = By.cssSelector("[data-element-id='Out_triage-deadline_1_0'] [contenteditable]");
        WebElement cell = waiting().until(ExpectedConditions.elementToBeClickable(highDeadline));
        assertThat(cell.getText()).isEqualTo("\"P3D\"");

        // Typed into the table as a manager would: into whatever has the focus after the click.
        new Actions(browser).click(cell).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                .sendKeys("\"P2D\"").perform();
        waiting().until(driver -> driver.findElement(highDeadline).getText().equals("\"P2D\""));
        screenshot("model-editor-dmn");
        deployAndAwaitTheModelsPage();
        screenshot("model-editor-dmn-deployed");

        assertThat(decisionService.evaluateDecisionTableByKey("triage-deadline", Map.of("severity", "HIGH"))
                .getSingleResult().<String>getEntry("rectificationDeadline")).isEqualTo("P2D");
        assertThat(Files.readString(MODELS.resolve("bpmn/triage.dmn"))).containsAnyOf("&quot;P2D&quot;", "\"P2D\"");
    }

    @Test
    void theModelsPageListsWhatIsDeployed() throws Exception {
        open("/models");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("model-processes")));
        screenshot("models");
        assertThat(browser.findElements(By.cssSelector("#model-decisions .model"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.findElement(By.id("model-forms")).getText()).contains("verify-complaint.form");
    }

    private ProcessDefinition latestProcess() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
                .latestVersion().singleResult();
    }
}
