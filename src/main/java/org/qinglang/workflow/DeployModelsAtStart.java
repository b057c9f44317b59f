package org.qinglang.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys what changed in the models at start. A refused set is reported and the versions already
 * deployed keep running; without any deployed version the application cannot work and stops.
 */
@Component
@Order(0)
class DeployModelsAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeployModelsAtStart.class);

    private final ModelDeployment modelDeployment;
    private final RepositoryService repositoryService;

    DeployModelsAtStart(ModelDeployment modelDeployment, RepositoryService repositoryService) {
        this.modelDeployment = modelDeployment;
        this.repositoryService = repositoryService;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try {
            modelDeployment.deployChanges();
        } catch (ModelDeployment.ModelsRefusedException refused) {
            refused.problems().forEach(p -> log.error("Model {} refused: {} {}", p.model(), p.key(), p.arguments()));
            if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-handling")
                    .count() == 0) {
                throw refused;
            }
        }
    }
}
