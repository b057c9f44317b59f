package org.qinglang.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Complaints of the reliability tests: each with its own link and its own complainant address. */
final class Complaints {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String[]> PLATFORMS = List.of(new String[] {"shortvideo", "shortvideo.example"},
            new String[] {"weiyu-social", "weiyu.example"}, new String[] {"zhidao-forum", "zhidao-forum.example"},
            new String[] {"kuaikan-toutiao", "kuaikan-toutiao.example"});

    private Complaints() {
    }

    static String url(String run, int i) {
        return "https://" + PLATFORMS.get(i % PLATFORMS.size())[1] + "/reliability/" + run + "/post/" + i;
    }

    static String complainant(String run, int i) {
        return "c" + i + "-" + run + "@mail.example";
    }

    static String json(String run, int i, String category) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        body.put("platform", PLATFORMS.get(i % PLATFORMS.size())[0]);
        body.put("url", url(run, i));
        body.put("accountName", "@account_" + i);
        body.put("description", "该账号发布的内容违法违规，请核查处理。 Complaint " + i + " of run " + run);
        body.put("complainant", Map.of("name", "举报人 " + i, "email", complainant(run, i)));
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the case number of a 201, else an AssertionError naming the answer */
    static String caseNumber(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new AssertionError("intake answered " + response.statusCode() + ": " + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.get("caseNumber").asText();
        } catch (IOException e) {
            throw new AssertionError("unreadable answer " + response.body(), e);
        }
    }

    static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("unreadable answer " + response.body(), e);
        }
    }
}
