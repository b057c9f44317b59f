package org.qinglang.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A platform's rectification report over the API: its text and, optionally, one entry per measure it
 * was ordered to take (carried out and when, or not and why), as the response page asks.
 */
public record PlatformReport(@NotBlank @Size(max = 20000) String text, @Valid @Size(max = 50) List<Measure> measures) {

    /** What the platform says of one measure; {@code executedAt} in ISO-8601, with offset or in Beijing time. */
    public record Measure(@NotBlank @Size(max = 40) String measure, @NotNull Boolean executed,
            @Size(max = 40) String executedAt, @Size(max = 2000) String note) {
    }
}
