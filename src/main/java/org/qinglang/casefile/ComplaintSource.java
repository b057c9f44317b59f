package org.qinglang.casefile;

public enum ComplaintSource {
    WEB,
    API,
    EMAIL
}
