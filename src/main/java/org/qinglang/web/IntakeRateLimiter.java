package org.qinglang.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
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

    public boolean tryAcquire(String clientAddress) {
        return buckets.computeIfAbsent(clientAddress, address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillIntervally(perHour, Duration.ofHours(1)).build())
                .build()).tryConsume(1);
    }

    public void reset(String clientAddress) {
        buckets.remove(clientAddress);
    }
}
