package org.qinglang.registry;

/** How often an account and its platform were found violating before this case. */
public record PriorViolations(long ofAccount, long ofPlatform) {

    public boolean repeatOffender() {
        return ofAccount > 0;
    }
}
