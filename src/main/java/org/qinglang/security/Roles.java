package org.qinglang.security;

/** The engine groups that models and pages assign work and rights to. */
public final class Roles {

    public static final String CASE_WORKERS = "case-workers";
    public static final String SUPERVISORS = "supervisors";
    public static final String MANAGERS = "managers";
    public static final String ADMINS = "camunda-admin";

    private Roles() {
    }
}
