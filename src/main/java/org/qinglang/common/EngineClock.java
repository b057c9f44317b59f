package org.qinglang.common;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one source of "now" for case data. It follows the engine clock so that timestamps on cases
 * agree with timers, also when tests move the clock.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
