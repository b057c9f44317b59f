package org.qinglang.reliability;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers of the reliability tests: work spread over a few client threads, a quiet SMTP server. */
final class Parallel {

    interface Step {
        void run(int index) throws Exception;
    }

    private Parallel() {
    }

    /** Runs {@code step} for 0 … count-1 on {@code threads} threads; the first failure fails the whole. */
    static void run(int count, int threads, Step step) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        step.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An SMTP server on a free port of 127.0.0.1 that accepts every message. It logs errors only: a
     * killed node leaves a broken connection behind, which is no error here.
     */
    static GreenMail smtpServer() {
        if (org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail") instanceof ch.qos.logback.classic.Logger log) {
            log.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        GreenMail mail = new GreenMail(new ServerSetup(ApplicationNode.freePort(), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP)).withConfiguration(GreenMailConfiguration.aConfig()
                        .withDisabledAuthentication());
        mail.start();
        return mail;
    }
}
