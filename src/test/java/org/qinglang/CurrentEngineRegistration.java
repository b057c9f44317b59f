package org.qinglang;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * The engine REST API and webapps look up the engine named "default". When the test context
 * cache closes an earlier application, that application unregisters its engine under the same
 * name; registering the current application's engine before each test keeps the name on it. The
 * closed application's webapps also cleared the webapps' shared runtime (login, plugins); a
 * fresh one is set where it is gone.
 */
public class CurrentEngineRegistration extends AbstractTestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
                    .ifAvailable(ProcessEngines::registerProcessEngine);
            if (org.camunda.bpm.admin.Admin.getRuntimeDelegate() == null) {
                org.camunda.bpm.admin.Admin.setAdminRuntimeDelegate(
                        new org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate());
            }
            if (org.camunda.bpm.cockpit.Cockpit.getRuntimeDelegate() == null) {
                org.camunda.bpm.cockpit.Cockpit.setCockpitRuntimeDelegate(
                        new org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate());
            }
            if (org.camunda.bpm.tasklist.Tasklist.getRuntimeDelegate() == null) {
                org.camunda.bpm.tasklist.Tasklist.setTasklistRuntimeDelegate(
                        new org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate());
            }
        }
    }
}
