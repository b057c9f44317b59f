package org.qinglang.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models that managers edit: bpmn/*.bpmn, bpmn/*.dmn and forms/*.form of the
 * installation, or the copies packaged in the jar where those folders do not exist. Duplicate
 * filtering makes an unchanged set deploy nothing; a changed set deploys all models together, so
 * that forms bound by deployment stay beside their process.
 */
@Component
public class ModelDeployment {

    public static final String DEPLOYMENT_NAME = "qinglang-models";
    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private final RepositoryService repositoryService;
    private final ModelValidator validator;
    private final Path directory;

    public ModelDeployment(RepositoryService repositoryService, ModelValidator validator,
            @Value("${qinglang.models.directory:}") String directory) {
        this.repositoryService = repositoryService;
        this.validator = validator;
        this.directory = directory == null || directory.isBlank() ? null : Path.of(directory);
    }

    public record Model(String name, byte[] content) {
    }

    public List<Model> currentModels() throws IOException {
        if (directory != null && Files.isDirectory(directory.resolve("bpmn"))) {
            List<Model> models = new ArrayList<>();
            for (String folder : List.of("bpmn", "forms")) {
                Path path = directory.resolve(folder);
                if (!Files.isDirectory(path)) {
                    continue;
                }
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

    /** @return the new deployment, or null when nothing changed */
    public Deployment deployChanges() throws IOException {
        List<Model> models = currentModels();
        if (models.isEmpty()) {
            throw new IllegalStateException("no models found in " + (directory == null ? "the classpath" : directory));
        }
        return deploy(models);
    }

    /**
     * Validates the whole set and deploys it as one deployment (forms stay beside their process).
     *
     * @return the new deployment, or null when nothing changed
     * @throws ModelsRefusedException when a model fails validation
     */
    public Deployment deploy(List<Model> models) {
        List<ModelValidator.Problem> problems = validator.validate(models);
        if (!problems.isEmpty()) {
            throw new ModelsRefusedException(problems);
        }
        String previousId = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().map(Deployment::getId).findFirst().orElse(null);
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("qinglang")
                .enableDuplicateFiltering(false);
        models.forEach(model -> builder.addInputStream(model.name(), new ByteArrayInputStream(model.content())));
        Deployment deployment = builder.deploy();
        boolean unchanged = deployment.getId().equals(previousId);
        log.info("Models {}: {}", unchanged ? "unchanged" : "deployed as " + deployment.getId(),
                models.stream().map(Model::name).toList());
        return unchanged ? null : deployment;
    }

    private static boolean isModel(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form");
    }
}
