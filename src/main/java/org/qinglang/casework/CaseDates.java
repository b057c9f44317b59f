package org.qinglang.casework;

import java.util.Date;
import org.qinglang.common.EngineClock;
import org.qinglang.common.ModelCallable;
import org.springframework.stereotype.Component;

/** Dates a model may compute, such as a task's due date ({@code ${caseDates.daysFromNow(2)}}). */
@Component("caseDates")
public class CaseDates {

    /** The moment this many days from now on the engine's clock. */
    @ModelCallable
    public Date daysFromNow(int days) {
        if (days < 0 || days > 3650) {
            throw new IllegalArgumentException("days must be between 0 and 3650: " + days);
        }
        return Date.from(EngineClock.now().plus(java.time.Duration.ofDays(days)));
    }
}
