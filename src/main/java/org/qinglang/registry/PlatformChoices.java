package org.qinglang.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The registered platforms as every complaint's intake needs them: to check the platform it names
 * and as the choices of the verify form's select field ({@code [{"label": …, "value": code}]}).
 * They are read at most once in {@link #REFRESH}; a platform registered in the database since is
 * found at once (a code not in the list is looked up), and changes to one appear after that time.
 */
@Service
public class PlatformChoices {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final PlatformRepository platforms;
    private volatile Snapshot snapshot;

    public PlatformChoices(PlatformRepository platforms) {
        this.platforms = platforms;
    }

    /** The platform with this code, for reading only. */
    public Optional<Platform> find(String code) {
        Platform known = current().byCode().get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Platform> registered = platforms.findById(code);
        registered.ifPresent(p -> snapshot = null);
        return registered;
    }

    /** Every registered platform, as last read. */
    public java.util.Collection<Platform> all() {
        return current().byCode().values();
    }

    public String asJson() {
        return current().json();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() > REFRESH.toNanos()) {
            List<Platform> all = platforms.allOrderedByCode();
            ArrayNode options = JsonNodeFactory.instance.arrayNode();
            all.forEach(p -> options.addObject().put("label", p.displayName()).put("value", p.getCode()));
            current = new Snapshot(all.stream().collect(Collectors.toMap(Platform::getCode, Function.identity())),
                    options.toString(), now);
            snapshot = current;
        }
        return current;
    }

    private record Snapshot(Map<String, Platform> byCode, String json, long readAt) {
    }
}
