package org.qinglang;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * The engine REST API and webapps look up the engine named "default". When the test context
 * cache closes an earlier application, that application unregisters its engine under the same
 * name; registering the current application's engine before each test keeps the name on it.
 */
public class CurrentEngineRegistration extends AbstractTestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
                    .ifAvailable(ProcessEngines::registerProcessEngine);
        }
    }
}
