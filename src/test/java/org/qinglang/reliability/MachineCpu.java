package org.qinglang.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The machine's processor time from /proc/stat (Linux): how busy all cores were between two readings. */
record MachineCpu(long busy, long total) {

    static MachineCpu now() {
        try {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest is within user)
            long[] ticks = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
                    .skip(1).limit(8).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(ticks).sum();
            return new MachineCpu(total - ticks[3] - ticks[4], total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double busyPercentSince() {
        MachineCpu later = now();
        return 100.0 * (later.busy - busy) / Math.max(1, later.total - total);
    }
}
