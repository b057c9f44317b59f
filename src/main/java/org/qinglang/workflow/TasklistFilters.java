package org.qinglang.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.qinglang.process.ProcessIds;
import org.qinglang.security.Roles;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters case workers and supervisors start from. Created once; a manager may change
 * them in Tasklist afterwards and they are left alone.
 */
@Component
@Order(2)
class TasklistFilters implements ApplicationRunner {

    private final FilterService filterService;
    private static final List<String> EVERYONE = List.of(Roles.CASE_WORKERS, Roles.SUPERVISORS);

    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        // The first filter, which Tasklist opens: what the user's groups may work, theirs or unclaimed.
        create("可办任务 Tasks I may work", -30, "#6f42c1", "Tasks of my groups, and tasks assigned to me",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc(), EVERYONE);
        create("我的待办 My open tasks", -20, "#2c7be5", "Tasks assigned to me",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), EVERYONE);
        create("核实队列 Verification queue", -15, "#00a65a", "Complaints waiting for verification",
                taskService.createTaskQuery().taskDefinitionKey(ProcessIds.TASK_VERIFY_COMPLAINT).orderByTaskPriority().desc()
                        .orderByDueDate().asc(), List.of(Roles.CASE_WORKERS, Roles.SUPERVISORS));
        create("升级处置 Escalations", -10, "#e6550d", "Enforcement decisions and announcements for supervisors",
                taskService.createTaskQuery().taskDefinitionKeyIn(ProcessIds.TASK_DECIDE_ENFORCEMENT,
                        ProcessIds.TASK_APPROVE_ANNOUNCEMENT, ProcessIds.TASK_REVIEW_OUTCOME).orderByDueDate().asc(),
                List.of(Roles.SUPERVISORS));
        create("已超期 Overdue", -5, "#d62728", "Tasks past their due date",
                taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
                List.of(Roles.SUPERVISORS));
    }

    /**
     * Creates the filter once and lets these groups read it: a case worker is not offered a list of
     * supervisors' work (managers read every filter).
     */
    private void create(String name, int priority, String color, String description, TaskQuery query,
            List<String> readers) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", "caseNumber", "label", "案件编号 Case"),
                Map.of("name", "platformName", "label", "平台 Platform"),
                Map.of("name", "categoryLabel", "label", "类别 Category"),
                Map.of("name", "severityLabel", "label", "严重程度 Severity")));
        Filter filter = filterService.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
        filterService.saveFilter(filter);
        for (String group : readers) {
            Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(read);
        }
    }
}
