package org.qinglang.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Indexes for the sort orders of the Tasklist filters (TasklistFilters). The engine's task query
 * selects DISTINCT rows, so without an index in the filter's order the database sorts the whole
 * queue for every page; with one it reads the first page and stops (docs/performance.md). The
 * engine owns ACT_RU_TASK and creates it itself, so the indexes are added once its schema exists.
 */
@Component
class TaskListIndexes extends AbstractProcessEnginePlugin {

    private static final String[] INDEXES = {
        "CREATE INDEX IF NOT EXISTS QL_IDX_TASK_PRIORITY_DUE ON ACT_RU_TASK (PRIORITY_ DESC, DUE_DATE_)",
        "CREATE INDEX IF NOT EXISTS QL_IDX_TASK_DUE ON ACT_RU_TASK (DUE_DATE_)"};

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection connection = processEngine.getProcessEngineConfiguration().getDataSource().getConnection();
                Statement sql = connection.createStatement()) {
            for (String index : INDEXES) {
                sql.execute(index);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("could not create the task list indexes", e);
        }
    }
}
