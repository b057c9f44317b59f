package org.qinglang.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentQuery;
import org.qinglang.common.EngineClock;
import org.qinglang.workflow.ModelAudit.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys the models that managers edit: bpmn/*.bpmn, bpmn/*.dmn and forms/*.form of the
 * installation, or the copies packaged in the jar where those folders do not exist, and single
 * files a manager edits or uploads on /models.
 *
 * <p>Only what changed is deployed: a set equal to what is deployed deploys nothing. A changed
 * process is deployed with the forms it uses, because user tasks find their forms in their own
 * deployment; a changed form with every process that uses it (and their forms); a changed decision
 * table alone, because decisions are looked up by key and the latest version wins. Every set is
 * validated as a whole first.
 */
@Component
public class ModelDeployment {

    public static final String DEPLOYMENT_NAME = "qinglang-models";
    /** The actor of deployments nobody asked for in person: at start and from the folder. */
    public static final String SYSTEM = "system";
    /** Deployments of the installation's folders and of managers on /models. */
    static final String SOURCE = "qinglang";
    /**
     * Deployments of the copies packaged in the jar. They are compared only with each other, so
     * that a restart deploys them when a new release changed them and never over a manager's change.
     */
    static final String PACKAGED_SOURCE = "qinglang-packaged";
    private static final Pattern FILE_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._ -]{0,150}\\.(bpmn|dmn|form)");
    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ModelAuditRepository audit;
    private final TransactionTemplate transaction;
    private final Path directory;

    public ModelDeployment(RepositoryService repositoryService, IdentityService identityService,
            ModelAuditRepository audit, TransactionTemplate transaction,
            @Value("${qinglang.models.directory:}") String directory) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.audit = audit;
        this.transaction = transaction;
        this.directory = directory == null || directory.isBlank() ? null : Path.of(directory);
    }

    public record Model(String name, byte[] content) {

        boolean isDecision() {
            return name.endsWith(".dmn");
        }
    }

    /** A single file deployed from /models, and where the installation's copy of it was saved. */
    public record FileDeployment(Deployment deployment, Path savedTo, String folderError, boolean formattingKept) {

        FileDeployment(Deployment deployment, Path savedTo, String folderError) {
            this(deployment, savedTo, folderError, true);
        }

        FileDeployment withFormattingKept(boolean kept) {
            return new FileDeployment(deployment, savedTo, folderError, kept);
        }

        public boolean unchanged() {
            return deployment == null;
        }
    }

    /** Whether the models come from bpmn/ and forms/ of the installation rather than the jar. */
    public boolean readsFolder() {
        return directory != null && Files.isDirectory(directory.resolve("bpmn"));
    }

    /** The folders to watch for changes; empty when the models come from the jar. */
    public List<Path> folders() {
        if (!readsFolder()) {
            return List.of();
        }
        return Stream.of("bpmn", "forms").map(directory::resolve).filter(Files::isDirectory).toList();
    }

    public List<Model> currentModels() throws IOException {
        if (readsFolder()) {
            List<Model> models = new ArrayList<>();
            for (Path path : folders()) {
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(ModelDeployment::isModel).sorted(Comparator.naturalOrder()).toList()) {
                        models.add(new Model(file.getFileName().toString(), Files.readAllBytes(file)));
                    }
                }
            }
            return models;
        }
        List<Model> models = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:models/bpmn/*.bpmn", "classpath*:models/bpmn/*.dmn",
                "classpath*:models/forms/*.form")) {
            for (Resource resource : resolver.getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    models.add(new Model(resource.getFilename(), in.readAllBytes()));
                }
            }
        }
        models.sort(Comparator.comparing(Model::name));
        return models;
    }

    /** What runs: the latest deployed version of every model, whoever deployed it. */
    public List<Model> deployedModels() {
        List<Model> models = new ArrayList<>(latestDeployed(null, null).values());
        models.sort(Comparator.comparing(Model::name));
        return models;
    }

    public Optional<Model> deployedModel(String name) {
        return Optional.ofNullable(latestDeployed(null, Set.of(name)).get(name));
    }

    /** A set of models that failed validation; nothing of it was deployed. */
    public static class ModelsRefusedException extends RuntimeException {

        private final List<ModelValidator.Problem> problems;

        public ModelsRefusedException(List<ModelValidator.Problem> problems) {
            super("models refused: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<ModelValidator.Problem> problems() {
            return problems;
        }
    }

    /** Deploys what changed in the installation's models, at start. */
    public Deployment deployChanges() throws IOException {
        return deployChanges(Channel.START);
    }

    /** @return the new deployment, or null when nothing changed */
    public Deployment deployChanges(Channel channel) throws IOException {
        List<Model> models = currentModels();
        if (models.isEmpty()) {
            throw new IllegalStateException("no models found in " + (directory == null ? "the classpath" : directory));
        }
        return deploy(models, readsFolder() ? SOURCE : PACKAGED_SOURCE, SYSTEM, channel);
    }

    /** Deploys a whole set as the installation would at start. */
    public Deployment deploy(List<Model> models) {
        return deploy(models, SOURCE, SYSTEM, Channel.START);
    }

    /**
     * Deploys one file a manager edited or uploaded: the models that run now, with this file in
     * place of the one of the same name (or added), are validated together and what changed is
     * deployed. Where the installation has its folders the file is saved there too, so that the
     * folder stays the truth and a restart does not bring the old version back.
     *
     * @throws ModelsRefusedException when the set with this file fails validation
     */
    public FileDeployment deployFile(Model file, String deployedBy, Channel channel) {
        if (!FILE_NAME.matcher(file.name()).matches()) {
            ModelsRefusedException refused = new ModelsRefusedException(
                    List.of(new ModelValidator.Problem(file.name(), "model.problem.file-name", List.of())));
            recordRefusal(List.of(file), deployedBy, channel, refused);
            throw refused;
        }
        Deployment deployment = deploy(withInPlace(file), SOURCE, deployedBy, channel);
        if (!readsFolder()) {
            return new FileDeployment(deployment, null, null);
        }
        Path target = directory.resolve(file.name().endsWith(".form") ? "forms" : "bpmn").resolve(file.name());
        try {
            saveIfDifferent(target, file.content());
            return new FileDeployment(deployment, target, null);
        } catch (IOException e) {
            log.warn("Deployed {} but could not save it to {}", file.name(), target, e);
            return new FileDeployment(deployment, null, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Deploys a model edited in the browser editor, saved so that the file changes only where the
     * model changed (KeptFormatting): {@code baseline} is the editor's export of the model as it
     * opened, {@code edited} its export now.
     */
    public FileDeployment deployEdited(String name, String baseline, String edited, String deployedBy) {
        byte[] current = currentText(name);
        KeptFormatting.Result saved = current == null
                ? new KeptFormatting.Result(edited.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8), false)
                : KeptFormatting.apply(current, baseline, edited);
        return deployFile(new Model(name, saved.content()), deployedBy, Channel.EDITOR).withFormattingKept(saved.kept());
    }

    /** The files a deployment holds, in name order. */
    public List<String> resourceNames(Deployment deployment) {
        return repositoryService.getDeploymentResourceNames(deployment.getId()).stream().sorted().toList();
    }

    /** The file as the installation keeps it (its folder), else as it runs. */
    private byte[] currentText(String name) {
        if (readsFolder() && FILE_NAME.matcher(name).matches()) {
            Path file = directory.resolve(name.endsWith(".form") ? "forms" : "bpmn").resolve(name);
            try {
                if (Files.isRegularFile(file)) {
                    return Files.readAllBytes(file);
                }
            } catch (IOException e) {
                log.warn("Cannot read {}; the deployed copy is the base of the edit", file, e);
            }
        }
        return deployedModel(name).map(Model::content).orElse(null);
    }

    /**
     * The models that run now (or, before anything was deployed, the installation's), with this file
     * in place of the one of the same name or added: what a deployment of it, the editor's check and
     * a dry run all judge.
     */
    public List<Model> withInPlace(Model file) {
        List<Model> models = new ArrayList<>(deployedModels());
        if (models.isEmpty()) {
            try {
                models.addAll(currentModels());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the installation's models", e);
            }
        }
        models.removeIf(model -> model.name().equals(file.name()));
        models.add(file);
        models.sort(Comparator.comparing(Model::name));
        return models;
    }

    /**
     * Validates the whole set and deploys what changed, recording who deployed it.
     *
     * @return the new deployment, or null when nothing changed
     * @throws ModelsRefusedException when a model fails validation or the engine refuses it
     */
    private synchronized Deployment deploy(List<Model> models, String source, String deployedBy, Channel channel) {
        // A set equal to what is deployed passed these checks when it was deployed, and deploying
        // nothing cannot break a case; checking it again only cost every restart seconds of parsing.
        List<Model> changes = changes(models, source);
        if (changes.isEmpty()) {
            log.info("Models unchanged: {}", names(models));
            return null;
        }
        // The engine validates what is deployed (ModelSandbox), after it has checked the deployer's rights.
        try {
            Deployment deployment = transaction.execute(status -> deployAs(deployedBy, changes, source, channel));
            log.info("Models {} by {} ({}): {}", deployment == null ? "unchanged" : "deployed as "
                    + deployment.getId(), deployedBy, channel, names(changes));
            return deployment;
        } catch (ModelsRefusedByEngine e) {
            ModelsRefusedException refused = new ModelsRefusedException(e.problems());
            recordRefusal(changes, deployedBy, channel, refused);
            throw refused;
        } catch (ParseException e) {
            ModelsRefusedException refused = new ModelsRefusedException(engineProblems(e));
            recordRefusal(changes, deployedBy, channel, refused);
            throw refused;
        } catch (ProcessEngineException e) {
            ModelsRefusedException refused = new ModelsRefusedException(List.of(new ModelValidator.Problem(
                    names(changes, ", "), "model.problem.engine", List.of(firstLine(e)))));
            recordRefusal(changes, deployedBy, channel, refused);
            throw refused;
        }
    }

    /**
     * What of the set has to be deployed. The models of the jar are compared with the last copies
     * deployed from the jar; everything else with what runs.
     */
    private List<Model> changes(List<Model> models, String source) {
        Set<String> names = new HashSet<>(names(models));
        Map<String, Model> deployed = latestDeployed(PACKAGED_SOURCE.equals(source) ? PACKAGED_SOURCE : null, names);
        List<Model> changed = models.stream()
                .filter(model -> !deployed.containsKey(model.name())
                        || !Arrays.equals(deployed.get(model.name()).content(), model.content()))
                .toList();
        Map<String, Set<String>> formsOfProcess = formsOfProcesses(models);
        Set<String> deploy = new HashSet<>();
        for (Model model : changed) {
            deploy.add(model.name());
            if (formsOfProcess.containsKey(model.name())) {
                deploy.addAll(formsOfProcess.get(model.name()));
            } else if (model.name().endsWith(".form")) {
                formsOfProcess.forEach((process, forms) -> {
                    if (forms.contains(model.name())) {
                        deploy.add(process);
                        deploy.addAll(forms);
                    }
                });
            }
        }
        return models.stream().filter(model -> deploy.contains(model.name())).toList();
    }

    /** For each process of the set, the form files of the set its user tasks and start events name. */
    private static Map<String, Set<String>> formsOfProcesses(List<Model> models) {
        Map<String, String> formFileById = new HashMap<>();
        for (Model model : models) {
            if (model.name().endsWith(".form")) {
                try {
                    String id = FORM_JSON.readTree(model.content()).path("id").asText("");
                    if (!id.isEmpty()) {
                        formFileById.put(id, model.name());
                    }
                } catch (IOException notJson) {
                    // Validation refuses it; here it only matters which processes use it.
                }
            }
        }
        Map<String, Set<String>> formsOfProcess = new HashMap<>();
        for (Model model : models) {
            if (model.name().endsWith(".bpmn")) {
                Set<String> forms = new HashSet<>();
                try {
                    ModelXml.scan(model.content(), (elementId, attribute, value) -> {
                        if ("formRef".equals(attribute) && formFileById.containsKey(value)) {
                            forms.add(formFileById.get(value));
                        } else if ("formKey".equals(attribute) && value.startsWith("camunda-forms:deployment:")) {
                            forms.add(value.substring("camunda-forms:deployment:".length()));
                        }
                    });
                } catch (IllegalArgumentException notXml) {
                    // Validation refuses it.
                }
                formsOfProcess.put(model.name(), forms);
            }
        }
        return formsOfProcess;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper FORM_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private Deployment deployAs(String deployedBy, List<Model> models, String source, Channel channel) {
        String previousId = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
                .deploymentSource(source).orderByDeploymentTime().desc().listPage(0, 1).stream()
                .map(Deployment::getId).findFirst().orElse(null);
        // Duplicate filtering once more in the engine: two nodes deploying the same change at once
        // give one deployment.
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(source)
                .enableDuplicateFiltering(false);
        models.forEach(model -> builder.addInputStream(model.name(), new ByteArrayInputStream(model.content())));
        // The engine's user operation log, as Cockpit shows it, names the manager too.
        Deployment deployment = SYSTEM.equals(deployedBy) ? builder.deploy()
                : ActingUser.run(identityService, deployedBy, builder::deploy);
        if (deployment.getId().equals(previousId)) {
            return null;
        }
        audit.save(ModelAudit.deployed(EngineClock.now(), deployedBy, channel,
                deployment.getId(), names(models, ", ")));
        return deployment;
    }

    private void recordRefusal(List<Model> models, String actor, Channel channel, ModelsRefusedException refused) {
        String reasons = refused.problems().stream()
                .map(p -> p.model() + ": " + p.key() + " " + String.join(" | ", p.arguments()))
                .reduce((a, b) -> a + "\n" + b).orElse("");
        transaction.executeWithoutResult(status -> audit.save(ModelAudit.refused(
                EngineClock.now(), actor, channel, abbreviate(names(models, ", "), 4000), abbreviate(reasons, 8000))));
    }

    /**
     * The latest deployed copy of each model by name, from the deployments of the given source
     * (any when null), newest first until every wanted name is found (all names when null).
     */
    private Map<String, Model> latestDeployed(String source, Set<String> wanted) {
        DeploymentQuery query = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME);
        if (source != null) {
            query.deploymentSource(source);
        }
        Map<String, Model> latest = new LinkedHashMap<>();
        for (Deployment deployment : query.orderByDeploymentTime().desc().list()) {
            for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
                if (latest.containsKey(name) || wanted != null && !wanted.contains(name)) {
                    continue;
                }
                try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), name)) {
                    latest.put(name, new Model(name, in.readAllBytes()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + name + " of deployment " + deployment.getId(), e);
                }
            }
            if (wanted != null && latest.keySet().containsAll(wanted)) {
                break;
            }
        }
        return latest;
    }

    /** Writes beside the file and moves it in place, so that the folder watch never reads half a file. */
    private static void saveIfDifferent(Path target, byte[] content) throws IOException {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".saving");
        Files.write(temporary, content);
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<ModelValidator.Problem> engineProblems(ParseException e) {
        List<ModelValidator.Problem> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            for (org.camunda.bpm.engine.Problem error : report.getErrors()) {
                problems.add(error.getLine() > 0
                        ? new ModelValidator.Problem(report.getResourceName(), "model.problem.engine-at-line",
                                List.of(String.valueOf(error.getLine()), String.valueOf(error.getMessage())))
                        : new ModelValidator.Problem(report.getResourceName(), "model.problem.engine",
                                List.of(String.valueOf(error.getMessage()))));
            }
        }
        if (problems.isEmpty()) {
            problems.add(new ModelValidator.Problem("?", "model.problem.engine", List.of(firstLine(e))));
        }
        return problems;
    }

    static boolean isModel(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"));
    }

    private static List<String> names(List<Model> models) {
        return models.stream().map(Model::name).toList();
    }

    private static String names(List<Model> models, String separator) {
        return String.join(separator, names(models));
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message);
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
