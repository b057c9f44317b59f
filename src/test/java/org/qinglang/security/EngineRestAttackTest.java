package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Attacks on the engine REST API by a page of another site and by a manager deleting cases. */
@QinglangTest
class EngineRestAttackTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    private ResponseEntity<String> deploy(String key, HttpHeaders extraHeaders) {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30)
                .startEvent().userTask("Task_Wait").camundaCandidateGroups("managers").endEvent().done());
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", key);
        body.add("model", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return key + ".bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.addAll(extraHeaders);
        return http.withBasicAuth("manager", "manager").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(body, headers), String.class);
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }

    @Test
    void aPageOfAnotherSiteCannotPostWithTheBrowsersCredentials() {
        ResponseEntity<String> forged = deploy("forgedFromEvil", headers("Origin", "https://evil.example"));
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(deploy("forgedSameSite", headers("Sec-Fetch-Site", "cross-site")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("forgedNullOrigin", headers("Origin", "null")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKeyLike("forged%").count())
                .isZero();

        // API clients send no Origin; the application's own pages send theirs.
        assertThat(deploy("fromModeler", new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deploy("fromOwnPage", headers("Origin", "http://localhost:8080")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // Reading stays open to any caller with credentials.
        assertThat(http.withBasicAuth("manager", "manager").exchange("/engine-rest/deployment/count", HttpMethod.GET,
                new HttpEntity<>(headers("Origin", "https://evil.example")), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aManagerCannotDeleteTheirDeploymentWithItsRunningCases() {
        ResponseEntity<String> deployed = deploy("managersOwn", new HttpHeaders());
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        String deploymentId = repositoryService.createDeploymentQuery().deploymentName("managersOwn").singleResult()
                .getId();
        runtimeService.startProcessInstanceByKey("managersOwn");

        ResponseEntity<String> deleted = http.withBasicAuth("manager", "manager").exchange(
                "/engine-rest/deployment/" + deploymentId + "?cascade=true", HttpMethod.DELETE, null, String.class);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("managersOwn").count()).isOne();

        assertThat(http.withBasicAuth("demo", "demo").exchange("/engine-rest/deployment/" + deploymentId
                + "?cascade=true", HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }
}
