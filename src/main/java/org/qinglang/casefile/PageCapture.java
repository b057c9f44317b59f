package org.qinglang.casefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.qinglang.common.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Fetches a reported page as evidence: the HTTP exchange as a WARC record, the HTML, and a
 * screenshot of that HTML rendered offline in headless Chromium (when the machine has it). Only
 * http and https to public addresses, every redirect checked again, size, time and redirect limits:
 * a link to the office's own network is refused (server-side request forgery). A page that is gone,
 * blocked, too large or refused is a result (status and reason), never an error.
 */
@Service
public class PageCapture {

    /** What came of a capture; the files are null where there is nothing to keep. */
    public record Result(String url, String finalUrl, String status, String reason, Integer httpStatus, Instant at,
            String node, byte[] html, byte[] warc, byte[] screenshot) {
    }

    static final int MOST_REDIRECTS = 5;

    private final long mostBytes;
    private final Duration timeout;
    private final Set<String> trustedHosts;
    private final Path chromium;
    private final HttpClient http;

    public PageCapture(@Value("${qinglang.capture.max-bytes:5000000}") long mostBytes,
            @Value("${qinglang.capture.timeout:PT15S}") Duration timeout,
            @Value("${qinglang.capture.trusted-hosts:}") List<String> trustedHosts,
            @Value("${qinglang.capture.chromium:/usr/bin/chromium}") String chromium) {
        this.mostBytes = mostBytes;
        this.timeout = timeout;
        this.trustedHosts = Set.copyOf(trustedHosts.stream().filter(h -> !h.isBlank()).toList());
        this.chromium = Path.of(chromium);
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    public Result capture(String url) {
        Instant at = EngineClock.now();
        String node = node();
        URI current;
        try {
            current = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return new Result(url, null, "REFUSED", "not a link: " + e.getMessage(), null, at, node, null, null, null);
        }
        for (int hop = 0; hop <= MOST_REDIRECTS; hop++) {
            String refusal = refusal(current);
            if (refusal != null) {
                return new Result(url, current.toString(), "REFUSED", refusal, null, at, node, null, null, null);
            }
            HttpRequest request = HttpRequest.newBuilder(current).timeout(timeout)
                    .header("User-Agent", "Qinglang evidence capture").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                return new Result(url, current.toString(), "UNREACHABLE", String.valueOf(e.getMessage()), null, at, node,
                        null, null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(url, current.toString(), "UNREACHABLE", "interrupted", null, at, node, null, null, null);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                current = current.resolve(response.headers().firstValue("Location").get());
                closeQuietly(response.body());
                continue;
            }
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, mostBytes + 1));
            } catch (IOException e) {
                return new Result(url, current.toString(), "UNREACHABLE", String.valueOf(e.getMessage()), status, at,
                        node, null, null, null);
            }
            if (body.length > mostBytes) {
                return new Result(url, current.toString(), "TOO_LARGE", "larger than " + mostBytes + " bytes", status,
                        at, node, null, null, null);
            }
            byte[] warc = warc(current, request, response, body, at);
            String outcome = status >= 400 ? (status == 404 || status == 410 ? "GONE" : "BLOCKED") : "CAPTURED";
            String reason = status >= 400 ? "HTTP " + status : "";
            boolean html = response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT).contains("html");
            return new Result(url, current.toString(), outcome, reason, status, at, node, html ? body : null, warc,
                    html && status < 400 ? screenshot(body) : null);
        }
        return new Result(url, current.toString(), "REFUSED", "more than " + MOST_REDIRECTS + " redirects", null, at, node,
                null, null, null);
    }

    /** Why this address may not be fetched, or null: http(s), and a public address unless trusted. */
    String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https links are fetched";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "no host";
        }
        if (trustedHosts.contains(host)) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return "not a public address: " + host + " (" + address.getHostAddress() + ")";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "unknown host " + host;
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0/8, 100.64/10 (carrier NAT), 192.0.0/24, 198.18/15 (benchmarks), 240/4 (reserved)
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 192 && second == 0
                    && (b[2] & 0xff) == 0) && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 (unique local); an IPv4 address inside IPv6 is judged as itself.
            if ((b[0] & 0xfe) == 0xfc) {
                return false;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] warc(URI uri, HttpRequest request, HttpResponse<?> response, byte[] body, Instant at) {
        try {
            StringBuilder requestHead = new StringBuilder("GET ").append(uri.getRawPath() == null || uri.getRawPath().isEmpty()
                    ? "/" : uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append("\r\n");
            request.headers().map().forEach((name, values) -> values.forEach(v -> requestHead.append(name).append(": ")
                    .append(v).append("\r\n")));
            requestHead.append("\r\n");
            StringBuilder responseHead = new StringBuilder("HTTP/1.1 ").append(response.statusCode()).append("\r\n");
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                if (!header.getKey().startsWith(":")) {
                    header.getValue().forEach(v -> responseHead.append(header.getKey()).append(": ").append(v).append("\r\n"));
                }
            }
            responseHead.append("\r\n");
            ByteArrayOutputStream exchange = new ByteArrayOutputStream();
            exchange.writeBytes(responseHead.toString().getBytes(StandardCharsets.ISO_8859_1));
            exchange.writeBytes(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (WarcWriter writer = new WarcWriter(out)) {
                WarcResponse warcResponse = new WarcResponse.Builder(uri).date(at)
                        .body(MediaType.HTTP_RESPONSE, exchange.toByteArray()).build();
                writer.write(warcResponse);
                writer.write(new WarcRequest.Builder(uri).date(at).concurrentTo(warcResponse.id())
                        .body(MediaType.HTTP_REQUEST, requestHead.toString().getBytes(StandardCharsets.ISO_8859_1)).build());
            }
            return out.toByteArray();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The fetched HTML rendered with no network at all (every request goes to a proxy that is not
     * there), so the page cannot make the browser fetch anything, least of all inside our network.
     */
    private byte[] screenshot(byte[] html) {
        if (!Files.isExecutable(chromium)) {
            return null;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("qinglang-capture");
            Path page = dir.resolve("page.html");
            Path shot = dir.resolve("page.png");
            Files.write(page, html);
            Process browser = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--user-data-dir=" + dir.resolve("profile"),
                    "--window-size=1280,2000", "--screenshot=" + shot, page.toUri().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("browser.log").toFile()).start();
            if (!browser.waitFor(timeout.toSeconds() * 2, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
                return null;
            }
            return Files.isRegularFile(shot) ? Files.readAllBytes(shot) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (dir != null) {
                org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to keep
        }
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
