package org.qinglang.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.process.CaseVariables;
import org.qinglang.casefile.ComplaintCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * /models as managers use it: only they get in, every refusal names its reasons in their language
 * and deploys nothing, an upload becomes a version with their name on it, and running cases of an
 * older version are offered and moved.
 */
@QinglangTest
@AutoConfigureMockMvc
class ModelPagesTest {

    static final Path MODELS = ModelFolders.copyOfInstallation();

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("qinglang.models.directory", MODELS::toString);
    }

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ModelDeployment modelDeployment;
    @Autowired
    ModelAuditRepository audit;
    @Autowired
    CaseDriver cases;

    private static MockHttpServletRequestBuilder asManager(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("manager", "manager")).with(csrf());
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8));
    }

    private String deployed(String name) {
        return ModelFolders.text(modelDeployment.deployedModel(name).orElseThrow().content());
    }

    @Test
    void onlyManagersAndAdministratorsOpenTheModels() throws Exception {
        mvc.perform(get("/models")).andExpect(status().isUnauthorized());
        mvc.perform(get("/models").with(httpBasic("caseworker", "caseworker"))).andExpect(status().isForbidden());
        mvc.perform(get("/models/editor").param("resource", "triage.dmn").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/models/upload").file(file("triage.dmn", deployed("triage.dmn")))
                .with(httpBasic("caseworker", "caseworker")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/models/upload").file(file("triage.dmn", deployed("triage.dmn")))
                .with(httpBasic("manager", "manager"))).andExpect(status().isForbidden());
        mvc.perform(get("/models").with(httpBasic("manager", "manager"))).andExpect(status().isOk());
        mvc.perform(get("/models").with(httpBasic("demo", "demo"))).andExpect(status().isOk());
    }

    @Test
    void aModelWithAScriptTaskIsRefusedWithItsReasonsInTheManagersLanguage() throws Exception {
        String scripted = Bpmn.convertToString(Bpmn.createExecutableProcess("scripted").camundaHistoryTimeToLive(30)
                .startEvent().scriptTask("Task_Script").scriptFormat("javascript").scriptText("java.lang.System.exit(1)")
                .serviceTask("Task_Ghost").camundaDelegateExpression("${noSuchBean}").endEvent().done());
        long deployments = repositoryService.createDeploymentQuery().count();

        Document chinese = page(mvc.perform(asManager(multipart("/models/upload").file(file("scripted.bpmn", scripted))))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        Document english = page(mvc.perform(asManager(multipart("/models/upload").file(file("scripted.bpmn", scripted))
                .param("lang", "en"))).andExpect(status().isUnprocessableEntity()).andReturn());

        assertThat(chinese.select("#model-problems li").eachText()).containsExactlyInAnyOrder(
                "scripted.bpmn: Task_Script 是脚本任务；模型中不允许使用脚本。",
                "scripted.bpmn: Task_Ghost 调用的 Bean noSuchBean 不存在。");
        assertThat(chinese.select(".refusal p").text()).contains("未部署").contains("scripted.bpmn");
        assertThat(english.select("#model-problems li").eachText()).containsExactlyInAnyOrder(
                "scripted.bpmn: Task_Script is a script task; scripts are not allowed in models.",
                "scripted.bpmn: Task_Ghost calls the bean noSuchBean, which does not exist.");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("scripted").count()).isZero();
        assertThat(MODELS.resolve("bpmn/scripted.bpmn")).doesNotExist();
        assertThat(audit.findAllByOrderByOccurredAtDescIdDesc(PageRequest.of(0, 1)).get(0)).satisfies(entry -> {
            assertThat(entry.getAction()).isEqualTo(ModelAudit.Action.REFUSED);
            assertThat(entry.getActor()).isEqualTo("manager");
            assertThat(entry.getChannel()).isEqualTo(ModelAudit.Channel.UPLOAD);
            assertThat(entry.getDetails()).contains("model.problem.script-task");
        });
    }

    @Test
    void filesThatAreNoModelsAreRefusedToo() throws Exception {
        Document broken = page(mvc.perform(asManager(multipart("/models/upload")
                .file(file("triage.dmn", "<definitions")))).andExpect(status().isUnprocessableEntity()).andReturn());
        Document notes = page(mvc.perform(asManager(multipart("/models/upload").file(file("../notes.txt", "hello"))
                .param("lang", "en"))).andExpect(status().isUnprocessableEntity()).andReturn());

        assertThat(broken.select("#model-problems li").text()).startsWith("triage.dmn: 无法解析为模型");
        assertThat(notes.select("#model-problems li").text()).contains("notes.txt: Name the file like");
    }

    @Test
    void anUploadBecomesANewVersionWithTheManagersName() throws Exception {
        String measures = deployed("measures.dmn").replace("name=\"Required measures 处置措施\"",
                "name=\"Required measures 处置措施 (2)\"");

        mvc.perform(asManager(multipart("/models/upload").file(file("measures.dmn", measures))))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/models"))
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.startsWith("measures.dmn 已部署为新版本")));
        mvc.perform(asManager(multipart("/models/upload").file(file("measures.dmn", measures))))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "measures.dmn 与已部署版本相同，未部署任何内容。"));

        Document overview = page(mvc.perform(get("/models").with(httpBasic("manager", "manager")).param("lang", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(overview.select("#model-decisions [data-key=measures] tbody tr").first().text())
                .startsWith("2 ").endsWith("manager (upload)");
        assertThat(overview.select("#model-decisions [data-key=measures] h3").text()).contains("(2)");
        assertThat(overview.select("#model-log tbody tr").first().text()).contains("manager", "Deployed", "upload",
                "measures.dmn");
        assertThat(overview.select("#model-processes [data-key=complaint-handling] a[href*=editor]").attr("href"))
                .isEqualTo("/models/editor?resource=complaint-handling.bpmn");

        MvcResult download = mvc.perform(get("/models/resources/measures.dmn").with(httpBasic("manager", "manager")))
                .andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(measures);
    }

    @Test
    void theEditorOpensTheDeployedVersionAndKeepsARefusedEdit() throws Exception {
        Document editor = page(mvc.perform(get("/models/editor").param("resource", "triage.dmn")
                .with(httpBasic("manager", "manager"))).andExpect(status().isOk()).andReturn());
        assertThat(editor.select("#model-content").first().wholeText()).isEqualTo(deployed("triage.dmn"));
        assertThat(editor.select("#model-canvas").attr("data-kind")).isEqualTo("dmn");
        assertThat(editor.select("script[src]").eachAttr("src")).contains("/vendor/dmn-js/dist/dmn-modeler.production.min.js");
        assertThat(editor.select("#model-deploy-form input[name=_csrf]")).isNotEmpty();

        String withoutTimeToLive = deployed("triage.dmn").replace(" camunda:historyTimeToLive=\"1825\"", "");
        Document refused = page(mvc.perform(asManager(post("/models/editor").param("resource", "triage.dmn")
                .param("content", withoutTimeToLive).param("lang", "en")))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(refused.select("#model-problems li").eachText()).hasSize(3)
                .allMatch(line -> line.startsWith("triage.dmn: ") && line.endsWith("(history time to live)."));
        assertThat(refused.select("#model-content").first().wholeText()).isEqualTo(withoutTimeToLive);

        // Forms open in the form editor; what is no model of ours is not found.
        Document form = page(mvc.perform(get("/models/editor").param("resource", "verify-complaint.form")
                .with(httpBasic("manager", "manager"))).andExpect(status().isOk()).andReturn());
        assertThat(form.select("#model-canvas").attr("data-kind")).isEqualTo("form");
        assertThat(form.select("script[src]").eachAttr("src")).contains("/vendor/form-js/dist/form-editor.umd.js");
        mvc.perform(get("/models/editor").param("resource", "no-such.form")
                .with(httpBasic("manager", "manager"))).andExpect(status().isNotFound());
        mvc.perform(get("/vendor/qinglang-editor/bpmn-editor.js")).andExpect(status().isOk());
        mvc.perform(get("/vendor/form-js/dist/form-editor.umd.js")).andExpect(status().isOk());
    }

    @Test
    void theEditorsCheckNamesEachProblemOnItsElementAndIsForManagersOnly() throws Exception {
        String process = deployed("complaint-handling.bpmn");
        String broken = process.replace(" camunda:historyTimeToLive=\"1825\"", "")
                .replace("camunda:formRef=\"verify-complaint\"", "camunda:formRef=\"no-such-form\"")
                .replace("Task_ApproveAnnouncement", "Task_ApprovalRenamed")
                .replace("${verificationSla}", "${execution.getProcessEngineServices()}");
        String findings = mvc.perform(asManager(post("/models/editor/check").param("resource", "complaint-handling.bpmn")
                        .param("content", broken).param("lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // The sandbox, the form that does not exist, the id Java relies on, the history time to live.
        assertThat(findings).contains("\"elementId\":\"Timer_VerificationSla_Definition\"")
                .contains("\"elementId\":\"Task_VerifyComplaint\"").contains("no-such-form")
                .contains("Task_ApproveAnnouncement").contains("history time to live");
        assertThat(mvc.perform(asManager(post("/models/editor/check").param("resource", "complaint-handling.bpmn")
                        .param("content", process))).andReturn().getResponse().getContentAsString()).isEqualTo("[]");

        // Not for case workers, and not without the page's token; the dry run neither.
        mvc.perform(post("/models/editor/check").param("resource", "complaint-handling.bpmn").param("content", process)
                .with(user("caseworker").roles("case-workers")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/models/editor/check").param("resource", "complaint-handling.bpmn").param("content", process)
                .with(user("manager").roles("managers"))).andExpect(status().isForbidden());
        mvc.perform(post("/models/editor/dry-run").param("resource", "complaint-handling.bpmn").param("content", process)
                .param("caseNumber", "QL-2026-000001").with(user("caseworker").roles("case-workers")).with(csrf()))
                .andExpect(status().isForbidden());
        // A dry run of a model the rules refuse is answered with the reasons, and nothing runs.
        mvc.perform(asManager(post("/models/editor/dry-run").param("resource", "complaint-handling.bpmn")
                        .param("content", broken).param("caseNumber", "QL-2026-000001")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void runningCasesOfAnOlderVersionAreOfferedAndMoved() throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "shortvideo",
                "https://shortvideo.example/v/migrate-" + System.nanoTime(), "migrant").caseNumber();
        cases.runDueJobs(caseNumber);
        ProcessDefinition before = repositoryService.getProcessDefinition(cases.instance(caseNumber)
                .getProcessDefinitionId());
        String changed = deployed("complaint-handling.bpmn").replace("name=\"核实举报",
                "name=\"核实该举报");
        mvc.perform(asManager(post("/models/editor").param("resource", "complaint-handling.bpmn")
                .param("content", changed))).andExpect(status().isFound());

        Document overview = page(mvc.perform(get("/models").with(httpBasic("manager", "manager")))
                .andExpect(status().isOk()).andReturn());
        String review = overview.select("#migration-offers a.migration-link").attr("href");
        assertThat(review).isEqualTo("/models/migrations?source=" + before.getId());
        Document proposal = page(mvc.perform(get(review).with(httpBasic("manager", "manager")).param("lang", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(proposal.select("#migration-waiting [data-activity=Task_VerifyComplaint]").text())
                .contains("核实该举报");
        assertThat(proposal.select("#migration-form button").text()).startsWith("Move ");

        Document done = page(mvc.perform(asManager(post("/models/migrations").param("source", before.getId())
                .param("lang", "en"))).andExpect(status().isOk()).andReturn());

        assertThat(done.select("#migration-done").text()).endsWith("cases moved to version " + (before.getVersion() + 1)
                + ".");
        assertThat(done.select("#migration-running").text()).isEqualTo("0");
        assertThat(cases.instance(caseNumber).getProcessDefinitionId()).isNotEqualTo(before.getId());
        assertThat(repositoryService.getProcessDefinition(cases.instance(caseNumber).getProcessDefinitionId())
                .getKey()).isEqualTo(CaseVariables.PROCESS_KEY);
        mvc.perform(get("/models/migrations").param("source", cases.instance(caseNumber).getProcessDefinitionId())
                .with(httpBasic("manager", "manager"))).andExpect(status().isConflict());
    }
}
