package org.qinglang.casefile;

public enum ReporterType {
    CITIZEN,
    /** An enterprise harmed by false information or extortion (受害企业). */
    VICTIM_ENTERPRISE
}
