package org.qinglang.workflow;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.qinglang.common.FileNames;
import org.qinglang.common.Labels;
import org.qinglang.workflow.ModelAudit.Channel;
import org.qinglang.workflow.ModelDeployment.FileDeployment;
import org.qinglang.workflow.ModelDeployment.Model;
import org.qinglang.workflow.ModelDeployment.ModelsRefusedException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /models, for managers: what is deployed and by whom, the browser editor for BPMN and DMN, upload
 * of a file saved by Camunda Modeler, and moving running cases to a new process version. A refused
 * deployment shows every reason in the manager's language and deploys nothing.
 */
@Controller
public class ModelPages {

    private final ModelDeployment modelDeployment;
    private final ModelCatalog catalog;
    private final CaseMigration migration;
    private final Labels labels;

    public ModelPages(ModelDeployment modelDeployment, ModelCatalog catalog, CaseMigration migration,
            Labels labels) {
        this.modelDeployment = modelDeployment;
        this.catalog = catalog;
        this.migration = migration;
        this.labels = labels;
    }

    @GetMapping("/models")
    public String overview(org.springframework.ui.Model model) {
        model.addAttribute("catalog", catalog.catalog());
        model.addAttribute("editable", modelDeployment.deployedModels().stream().map(Model::name)
                .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn")).toList());
        model.addAttribute("folder", modelDeployment.readsFolder() ? modelDeployment.folders().get(0).getParent()
                .toAbsolutePath().normalize().toString() : null);
        return "models";
    }

    /** The deployed version of a model, to open in Camunda Modeler on the desktop. */
    @GetMapping("/models/resources/{name}")
    public ResponseEntity<byte[]> download(@PathVariable String name) {
        Model deployed = modelDeployment.deployedModel(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        MediaType type = name.endsWith(".form") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML;
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(deployed.content());
    }

    @GetMapping("/models/editor")
    public String editor(@RequestParam String resource, org.springframework.ui.Model model) {
        Model deployed = modelDeployment.deployedModel(resource)
                .filter(m -> m.name().endsWith(".bpmn") || m.name().endsWith(".dmn") || m.name().endsWith(".form"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return editorPage(model, resource, new String(deployed.content(), StandardCharsets.UTF_8));
    }

    private static String editorPage(org.springframework.ui.Model model, String resource, String content) {
        model.addAttribute("resource", resource);
        model.addAttribute("kind", resource.endsWith(".dmn") ? "dmn" : resource.endsWith(".form") ? "form" : "bpmn");
        // Not "content": the layout takes the page's main element under that name.
        model.addAttribute("modelXml", content);
        return "model-editor";
    }

    /** Deploys what the editor sends; a refusal shows the editor again with the edited model kept. */
    @PostMapping("/models/editor")
    public String deployEdited(@RequestParam String resource, @RequestParam String content,
            @RequestParam(required = false) String baseline, Principal manager,
            Locale locale, org.springframework.ui.Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            FileDeployment result = modelDeployment.deployEdited(resource, baseline, content, manager.getName());
            announce(redirect, resource, result, locale);
            return "redirect:/models";
        } catch (ModelsRefusedException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("problems", describe(refused.problems(), locale));
            model.addAttribute("baselineXml", baseline);
            return editorPage(model, resource, content);
        }
    }

    /** Where the language switch of a refused upload leads. */
    @GetMapping("/models/upload")
    public String uploadPage() {
        return "redirect:/models";
    }

    /** A .bpmn, .dmn or .form file as Camunda Modeler saves it, deployed like an edit in the browser. */
    @PostMapping("/models/upload")
    public String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal manager,
            Locale locale, org.springframework.ui.Model model, RedirectAttributes redirect,
            HttpServletResponse response) throws IOException {
        String name = file == null ? "" : baseName(file.getOriginalFilename());
        try {
            if (file == null || file.isEmpty()) {
                throw new ModelsRefusedException(List.of(new ModelValidator.Problem(name, "model.problem.empty",
                        List.of())));
            }
            FileDeployment result = modelDeployment.deployFile(new Model(name, file.getBytes()), manager.getName(),
                    Channel.UPLOAD);
            announce(redirect, name, result, locale);
            return "redirect:/models";
        } catch (ModelsRefusedException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("refusedFile", name);
            model.addAttribute("problems", describe(refused.problems(), locale));
            return overview(model);
        }
    }

    @GetMapping("/models/migrations")
    public String proposal(@RequestParam String source, Locale locale, org.springframework.ui.Model model) {
        CaseMigration.Proposal proposal = migration.propose(source);
        model.addAttribute("proposal", proposal);
        model.addAttribute("proposalProblems", reasons(proposal.planProblems(), locale));
        return "model-migration";
    }

    @PostMapping("/models/migrations")
    public String migrate(@RequestParam String source, Principal manager, Locale locale,
            org.springframework.ui.Model model) {
        CaseMigration.Result result = migration.migrate(source, manager.getName());
        model.addAttribute("result", result);
        model.addAttribute("stayed", result.stayed().stream()
                .map(s -> new StayedLine(s.caseNumber(), reasons(s.reasons(), locale))).toList());
        return proposal(source, locale, model);
    }

    /** A case left on its version, with its reasons in the manager's language. */
    public record StayedLine(String caseNumber, List<String> reasons) {
    }

    @ExceptionHandler(CaseMigration.NothingToMigrateException.class)
    public String nothingToMigrate(org.springframework.ui.Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("status", 409);
        return "error";
    }

    @ExceptionHandler(ResponseStatusException.class)
    public String status(ResponseStatusException e, org.springframework.ui.Model model,
            HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        return "error";
    }

    private void announce(RedirectAttributes redirect, String name, FileDeployment result, Locale locale) {
        redirect.addFlashAttribute("notice", result.unchanged()
                ? labels.get("models.unchanged", locale, name)
                : labels.get("models.deployed", locale, name, result.deployment().getId(),
                        String.join(", ", modelDeployment.resourceNames(result.deployment()))));
        if (!result.formattingKept()) {
            redirect.addFlashAttribute("reformatted", labels.get("models.reformatted", locale, name));
        }
        if (result.savedTo() != null) {
            redirect.addFlashAttribute("savedTo", labels.get("models.saved-to", locale, result.savedTo().toString()));
        }
        if (result.folderError() != null) {
            redirect.addFlashAttribute("folderError", labels.get("models.not-saved", locale, result.folderError()));
        }
    }

    private List<String> describe(List<ModelValidator.Problem> problems, Locale locale) {
        return problems.stream().map(p -> {
            String text = labels.get(p.key(), locale, p.arguments().toArray());
            return p.model() == null || p.model().isBlank() || "?".equals(p.model()) ? text : p.model() + ": " + text;
        }).toList();
    }

    private List<String> reasons(List<CaseMigration.Reason> reasons, Locale locale) {
        return reasons.stream().map(r -> labels.get(r.key(), locale, r.arguments().toArray())).toList();
    }

    /** Browsers may send the whole path of the file; only its name counts. */
    private static String baseName(String originalName) {
        return FileNames.safe(originalName, "");
    }
}
