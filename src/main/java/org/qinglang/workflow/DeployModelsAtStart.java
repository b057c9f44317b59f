package org.qinglang.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deploys what changed in the models at start. A refused set is reported and the versions already
 * deployed keep running; without any deployed version the application cannot work and stops.
 *
 * <p>It runs before the web server opens its port, so that no complaint arrives while there is no
 * process yet to take it.
 */
@Component
class DeployModelsAtStart implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeployModelsAtStart.class);

    private final ModelDeployment modelDeployment;
    private final RepositoryService repositoryService;
    private volatile boolean running;

    DeployModelsAtStart(ModelDeployment modelDeployment, RepositoryService repositoryService) {
        this.modelDeployment = modelDeployment;
        this.repositoryService = repositoryService;
    }

    @Override
    public void start() {
        deploy();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Well before the web server's phase (just below {@code Integer.MAX_VALUE}). */
    @Override
    public int getPhase() {
        return 0;
    }

    private void deploy() {
        try {
            modelDeployment.deployChanges();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the models could not be read", unreadable);
        } catch (ModelDeployment.ModelsRefusedException refused) {
            refused.problems().forEach(p -> log.error("Model {} refused: {} {}", p.model(), p.key(), p.arguments()));
            if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-handling")
                    .count() == 0) {
                throw refused;
            }
        }
    }
}
