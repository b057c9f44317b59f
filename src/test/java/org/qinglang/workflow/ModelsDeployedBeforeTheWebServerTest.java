package org.qinglang.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.qinglang.QinglangTest;
import org.qinglang.process.CaseVariables;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A complaint that arrives the moment the port opens finds the process that takes it: the models
 * are deployed (here into a new, empty database) before the web server starts.
 */
@QinglangTest
@Import(ModelsDeployedBeforeTheWebServerTest.AtWebServerStart.class)
class ModelsDeployedBeforeTheWebServerTest {

    @TestConfiguration
    static class AtWebServerStart {

        static final AtomicLong definitionsWhenThePortOpened = new AtomicLong(-1);

        @Bean
        ApplicationListener<ServletWebServerInitializedEvent> countDefinitions(RepositoryService repositoryService) {
            return event -> definitionsWhenThePortOpened.set(repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(CaseVariables.PROCESS_KEY).count());
        }
    }

    @Test
    void complaintHandlingIsDeployedWhenTheWebServerOpensItsPort() {
        assertThat(AtWebServerStart.definitionsWhenThePortOpened.get()).isEqualTo(1);
    }
}
