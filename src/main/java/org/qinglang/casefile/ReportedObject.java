package org.qinglang.casefile;

/** What a case is about (账号和群组规则): an account, a piece of content, or a group with its admin. */
public enum ReportedObject {
    ACCOUNT,
    CONTENT,
    GROUP
}
