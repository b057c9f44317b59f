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
        create(new Names("可办任务", "Tasks I may work", "本组可办的任务和分配给我的任务",
                "Tasks of my groups, and tasks assigned to me"), -30, "#6f42c1",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc(), EVERYONE);
        create(new Names("我的待办", "My open tasks", "分配给我的任务", "Tasks assigned to me"), -20, "#2c7be5",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), EVERYONE);
        create(new Names("核实队列", "Verification queue", "等待核实的举报", "Complaints waiting for verification"),
                -15, "#00a65a", taskService.createTaskQuery().taskDefinitionKey(ProcessIds.TASK_VERIFY_COMPLAINT)
                        .orderByTaskPriority().desc().orderByDueDate().asc(), EVERYONE);
        create(new Names("升级处置", "Escalations", "督导的处置决定和曝光审批",
                "Enforcement decisions and announcements for supervisors"), -10, "#e6550d",
                taskService.createTaskQuery().taskDefinitionKeyIn(ProcessIds.TASK_DECIDE_ENFORCEMENT,
                        ProcessIds.TASK_APPROVE_ANNOUNCEMENT, ProcessIds.TASK_REVIEW_OUTCOME).orderByDueDate().asc(),
                List.of(Roles.SUPERVISORS));
        create(new Names("已超期", "Overdue", "已过到期日的任务", "Tasks past their due date"), -5, "#d62728",
                taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
                List.of(Roles.SUPERVISORS));
    }

    /**
     * A filter's name and description in Chinese, which the engine keeps, and in English, kept in its
     * properties for readers of English ({@code en.name}, {@code en.description}).
     */
    private record Names(String name, String english, String description, String englishDescription) {

        /** The name these filters had when each held both languages in one. */
        String formerName() {
            return name + " " + english;
        }
    }

    /**
     * Creates the filter once and lets these groups read it: a case worker is not offered a list of
     * supervisors' work (managers read every filter). A filter still under its former two-language
     * name is renamed, its query and any change a manager made to it kept.
     */
    private void create(Names names, int priority, String color, TaskQuery query, List<String> readers) {
        if (filterService.createFilterQuery().filterName(names.name()).count() > 0) {
            return;
        }
        Filter former = filterService.createFilterQuery().filterName(names.formerName()).singleResult();
        if (former != null) {
            Map<String, Object> properties = new LinkedHashMap<>(former.getProperties());
            properties.putAll(texts(names));
            filterService.saveFilter(former.setName(names.name()).setProperties(properties));
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.putAll(texts(names));
        Filter filter = filterService.newTaskFilter(names.name()).setOwner(null).setQuery(query).setProperties(properties);
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

    /** The texts Tasklist shows of a filter, with the English beside each (the variables' labels too). */
    private static Map<String, Object> texts(Names names) {
        Map<String, Object> texts = new LinkedHashMap<>();
        texts.put("description", names.description());
        texts.put("en.name", names.english());
        texts.put("en.description", names.englishDescription());
        texts.put("variables", List.of(
                shown("caseNumber", "案件编号", "Case"),
                shown("platformName", "平台", "Platform"),
                shown("categoryLabel", "类别", "Category"),
                shown("severityLabel", "严重程度", "Severity")));
        return texts;
    }

    private static Map<String, String> shown(String variable, String label, String english) {
        return Map.of("name", variable, "label", label, "en.label", english);
    }
}
