package org.qinglang.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's task table carries the indexes the Tasklist filters sort by, once the engine has started. */
@QinglangTest
public class TaskListIndexesTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    DataSource dataSource;

    @Test
    void taskTableHasTheFilterSortIndexes() throws Exception {
        assertThat(indexesOfTaskTable(dataSource)).contains("QL_IDX_TASK_PRIORITY_DUE", "QL_IDX_TASK_DUE");
    }

    /** Index names of ACT_RU_TASK in upper case, on H2 and on PostgreSQL (which keeps names in lower case). */
    public static List<String> indexesOfTaskTable(DataSource dataSource) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : new String[] {"ACT_RU_TASK", "act_ru_task"}) {
                try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (indexes.next()) {
                        if (indexes.getString("INDEX_NAME") != null) {
                            names.add(indexes.getString("INDEX_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        return names;
    }
}
