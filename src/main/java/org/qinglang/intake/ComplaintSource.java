package org.qinglang.intake;

public enum ComplaintSource {
    WEB,
    API,
    EMAIL
}
