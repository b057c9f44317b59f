package org.qinglang.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Complaints per client address and hour, for the public form and the API alike, so that one
 * sender cannot flood the case workers.
 */
@Component
public class IntakeRateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perHour;

    public IntakeRateLimiter(@Value("${qinglang.intake.complaints-per-hour-per-address:30}") int perHour) {
        this.perHour = perHour;
    }

    /** @throws TooManyComplaintsException, saying when to try again, when the address has used its hour */
    public void acquire(String clientAddress) {
        ConsumptionProbe probe = buckets.computeIfAbsent(clientAddress, address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillIntervally(perHour, Duration.ofHours(1)).build())
                .build()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyComplaintsException(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill())
                    .toSeconds()));
        }
    }

    public void reset(String clientAddress) {
        buckets.remove(clientAddress);
    }
}
