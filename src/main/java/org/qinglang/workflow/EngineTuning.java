package org.qinglang.workflow;

import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/**
 * Engine settings that the Spring Boot properties do not reach (docs/performance.md), through the
 * engine's plugin extension point only.
 */
@Component
class EngineTuning extends AbstractProcessEnginePlugin {

    /** The JDK's own implementation, as the service lookup would find it on a plain class path. */
    static final String JDK_DATATYPE_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Every timer with a duration (ISO 8601, e.g. the verification SLA) makes a DatatypeFactory, which
        // without this property scans every jar on the class path for a provider first.
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, JDK_DATATYPE_FACTORY);
        }
        // The engine takes the last level of the configured name ("audit"), custom levels coming last.
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(new CaseHistoryLevel());
        configuration.setCustomHistoryLevels(custom);
    }
}
