package org.qinglang.workflow;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(0)
class DeployModelsAtStart implements ApplicationRunner {

    private final ModelDeployment modelDeployment;

    DeployModelsAtStart(ModelDeployment modelDeployment) {
        this.modelDeployment = modelDeployment;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        modelDeployment.deployChanges();
    }
}
