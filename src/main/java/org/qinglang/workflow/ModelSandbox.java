package org.qinglang.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.qinglang.common.FeelOnly;
import org.qinglang.common.Labels;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Makes the engine a sandbox for models, whichever way they arrive (the REST API under any path,
 * the webapps' API, the models page, the folder, Java). Every new deployment is validated by
 * {@link ModelValidator} inside the engine's deploy command, which runs after the engine has
 * checked that the caller may deploy: nothing uploaded is looked at before that. Expressions run
 * in {@link SandboxExpressionManager}; decision tables speak FEEL; no script engine is offered.
 */
@Component
class ModelSandbox extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;
    private final ObjectProvider<ModelValidator> validator;
    private final ObjectProvider<Labels> labels;

    ModelSandbox(ApplicationContext applicationContext, ObjectProvider<ModelValidator> validator,
            ObjectProvider<Labels> labels) {
        this.applicationContext = applicationContext;
        this.validator = validator;
        this.labels = labels;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configure(configuration, new SandboxExpressionManager(applicationContext));
    }

    /** The same sandbox for an engine whose steps are stand-ins that only record (DryRun). */
    org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin withStandIns(SandboxExpressionManager.StandIns standIns) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configure(configuration, new SandboxExpressionManager(applicationContext, standIns));
            }
        };
    }

    private void configure(ProcessEngineConfigurationImpl configuration, SandboxExpressionManager expressions) {
        configuration.setExpressionManager(expressions);
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, this::validate);
        configuration.setCustomPreDeployers(preDeployers);
        configuration.setScriptEngineResolver(new NoScriptEngines());
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        FeelOnly.configure(dmn);
        configuration.setDmnEngineConfiguration(dmn);
    }

    private void validate(DeploymentEntity deployment) {
        // The engine runs its deployers again when it loads a deployment into its cache; those passed.
        if (!deployment.isNew()) {
            return;
        }
        List<ModelDeployment.Model> models = new ArrayList<>();
        deployment.getResources().forEach((name, resource) ->
                models.add(new ModelDeployment.Model(name, resource.getBytes())));
        List<ModelValidator.Problem> problems = validator.getObject().validate(models);
        if (problems.isEmpty()) {
            return;
        }
        Labels texts = labels.getObject();
        Map<ModelValidator.Problem, String> messages = new LinkedHashMap<>();
        for (ModelValidator.Problem problem : problems) {
            Object[] arguments = problem.arguments().toArray();
            messages.put(problem, problem.model() + ": " + texts.get(problem.key(), Labels.ENGLISH, arguments)
                    + " / " + texts.get(problem.key(), Labels.CHINESE, arguments));
        }
        throw new ModelsRefusedByEngine(problems, messages);
    }

    /** Scripts in models would run inside the JVM unsandboxed; the engine finds no language for them. */
    static final class NoScriptEngines implements ScriptEngineResolver {

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // Nothing is registered: no script runs.
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return new ScriptEngineManager(ClassLoader.getPlatformClassLoader()) {
                @Override
                public ScriptEngine getEngineByName(String shortName) {
                    return null;
                }
            };
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            return null;
        }
    }
}
