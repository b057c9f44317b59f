package org.qinglang.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The one reading of a list of measure codes, however it was kept: comma-separated text (the case's
 * and the board's copies), a JSON array as Tasklist sends a checklist, or a collection.
 */
public final class MeasureCodes {

    /**
     * The enforcement measures taken against the account, which the platform is ordered to carry out;
     * every other enforcement measure (interview, fine, suspension of functions, removal) is ours,
     * taken against the platform.
     */
    public static final java.util.Set<String> ACCOUNT_ENFORCEMENT = java.util.Set.of("CLOSE_ACCOUNT",
            "CLEAR_FOLLOWERS", "SUSPEND_MONETISATION");

    private MeasureCodes() {
    }

    public static List<String> parse(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> add(codes, String.valueOf(item)));
        } else if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(item -> add(codes, item.stringValue()));
        } else if (value != null) {
            String text = value.toString().strip();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            for (String part : text.split(",")) {
                add(codes, part.replace("\"", ""));
            }
        }
        return codes;
    }

    private static void add(List<String> codes, String code) {
        String stripped = code.strip();
        if (!stripped.isEmpty()) {
            codes.add(stripped);
        }
    }
}
