package org.qinglang.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups the models assign work to, and demo users whose password is their id. Only for the
 * embedded default; production creates its users in Camunda Admin.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "qinglang.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    record DemoUser(String id, String firstName, String lastName, List<String> groups, String offices) {
    }

    static final List<String[]> GROUPS = List.of(
            new String[] {Roles.CASE_WORKERS, "办案人员"},
            new String[] {Roles.SUPERVISORS, "督导"},
            new String[] {Roles.MANAGERS, "管理员"});

    static final List<DemoUser> USERS = List.of(
            new DemoUser("caseworker", "Wei", "Li", List.of(Roles.CASE_WORKERS), StaffOffices.ALL),
            new DemoUser("caseworker-sh", "Lei", "Zhou", List.of(Roles.CASE_WORKERS), "上海市委网信办 Shanghai CAC"),
            new DemoUser("supervisor", "Fang", "Wang", List.of(Roles.SUPERVISORS), StaffOffices.ALL),
            new DemoUser("supervisor2", "Min", "Zhang", List.of(Roles.SUPERVISORS), StaffOffices.ALL),
            new DemoUser("manager", "Jun", "Chen", List.of(Roles.MANAGERS), StaffOffices.ALL),
            new DemoUser("demo", "Demo", "Administrator",
                    List.of(Roles.CASE_WORKERS, Roles.SUPERVISORS, Roles.MANAGERS), StaffOffices.ALL));

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String[] group : GROUPS) {
            if (identityService.createGroupQuery().groupId(group[0]).count() == 0) {
                Group newGroup = identityService.newGroup(group[0]);
                newGroup.setName(group[1]);
                newGroup.setType("WORKFLOW");
                identityService.saveGroup(newGroup);
            }
        }
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@qinglang.local");
                user.setPassword(demo.id());
                identityService.saveUser(user);
            }
            if (identityService.getUserInfo(demo.id(), StaffOffices.OFFICES) == null) {
                identityService.setUserInfo(demo.id(), StaffOffices.OFFICES, demo.offices());
            }
            for (String group : demo.groups()) {
                if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                    identityService.createMembership(demo.id(), group);
                }
            }
        }
    }
}
