package org.qinglang.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qinglang.common.Labels;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Models deployed through the engine REST API (as Camunda Modeler does) pass the same validation
 * as those deployed from the folder or the models page: a refused set never reaches the engine.
 */
public class EngineDeploymentValidation extends OncePerRequestFilter {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private final ModelValidator validator;
    private final Labels labels;
    private final ObjectMapper json = new ObjectMapper();

    public EngineDeploymentValidation(ModelValidator validator, Labels labels) {
        this.validator = validator;
        this.labels = labels;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || request.getContentType() == null
                || !request.getContentType().toLowerCase().startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            refuse(response, 413, List.of("deployment larger than 20 MB"));
            return;
        }
        List<ModelDeployment.Model> models = new ArrayList<>();
        try {
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body, request.getContentType()));
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.getFileName() != null) {
                    try (InputStream in = part.getInputStream()) {
                        models.add(new ModelDeployment.Model(part.getFileName(), in.readAllBytes()));
                    }
                }
            }
        } catch (MessagingException e) {
            refuse(response, 400, List.of("unreadable multipart body"));
            return;
        }
        List<ModelValidator.Problem> problems = validator.validate(models);
        if (!problems.isEmpty()) {
            refuse(response, 422, problems.stream().map(p -> p.model() + ": "
                    + labels.get(p.key(), Labels.ENGLISH, p.arguments().toArray()) + " / "
                    + labels.get(p.key(), Labels.CHINESE, p.arguments().toArray())).toList());
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private void refuse(HttpServletResponse response, int status, List<String> reasons) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Models refused");
        problem.put("status", status);
        problem.put("detail", String.join("\n", reasons));
        problem.put("errors", reasons);
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request again, with the body already read for validation. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
