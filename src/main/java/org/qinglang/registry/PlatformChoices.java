package org.qinglang.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * The platforms as choices for a form's select field ({@code [{"label": …, "value": code}]}).
 * Every complaint's verify form carries them, so the list is read at most once in
 * {@link #REFRESH}: a platform registered in the database appears in forms opened after that.
 */
@Service
public class PlatformChoices {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final PlatformRepository platforms;
    private volatile Snapshot snapshot;

    public PlatformChoices(PlatformRepository platforms) {
        this.platforms = platforms;
    }

    public String asJson() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() > REFRESH.toNanos()) {
            ArrayNode options = JsonNodeFactory.instance.arrayNode();
            platforms.allOrderedByCode().forEach(p -> options.addObject()
                    .put("label", p.displayName()).put("value", p.getCode()));
            current = new Snapshot(options.toString(), now);
            snapshot = current;
        }
        return current.json();
    }

    private record Snapshot(String json, long readAt) {
    }
}
