package org.qinglang.workflow;

import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/** Engine settings that the Spring Boot properties do not reach (docs/performance.md). */
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

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSessionFactories().put(DbEntityManager.class,
                new CheapIdCheckEntityManagers(configuration.getIdGenerator()));
    }

    /**
     * The engine checks every entity it inserts for a valid id, building the error message (the whole
     * entity as text) before it knows whether there is an error: several percent of the engine's
     * time on the intake path. These entity managers build it only for an id that fails the check.
     */
    static final class CheapIdCheckEntityManagers extends DbEntityManagerFactory {

        CheapIdCheckEntityManagers(IdGenerator idGenerator) {
            super(idGenerator);
        }

        @Override
        public DbEntityManager openSession() {
            PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
            return new DbEntityManager(idGenerator, persistence) {
                @Override
                protected void validateId(DbEntity entity) {
                    String id = entity.getId();
                    if (id == null || Authorization.ANY.equals(id)) {
                        super.validateId(entity);
                    }
                }
            };
        }
    }
}
