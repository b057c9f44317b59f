package org.qinglang.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * What is deployed, as managers look at it on /models: every process, decision and form with its
 * versions, when each was deployed and by whom, and how many cases still run on each process
 * version. Who deployed comes from the audit log; deployments older than the log show no name.
 */
@Service
public class ModelCatalog {

    /** Versions shown per model; older process versions with running cases are shown as well. */
    static final int VERSIONS_SHOWN = 10;

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ModelAuditRepository audit;

    public ModelCatalog(RepositoryService repositoryService, RuntimeService runtimeService,
            ModelAuditRepository audit) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    public record Deployed(String deploymentId, Instant at, String by, ModelAudit.Channel channel) {
    }

    public record ProcessVersion(String definitionId, int version, Deployed deployed, long runningCases,
            boolean latest) {
    }

    public record ProcessModel(String key, String name, String resourceName, List<ProcessVersion> versions) {

        public List<ProcessVersion> olderVersionsWithCases() {
            return versions.stream().filter(v -> !v.latest() && v.runningCases() > 0).toList();
        }

        public long olderCases() {
            return olderVersionsWithCases().stream().mapToLong(ProcessVersion::runningCases).sum();
        }
    }

    public record Version(int version, Deployed deployed) {
    }

    public record DecisionModel(String key, String name, String resourceName, List<Version> versions) {
    }

    public record FormModel(String resourceName, List<Version> versions) {
    }

    public record Catalog(List<ProcessModel> processes, List<DecisionModel> decisions, List<FormModel> forms,
            List<ModelAudit> log) {

        public List<ProcessModel> migrationOffers() {
            return processes.stream().filter(p -> !p.olderVersionsWithCases().isEmpty()).toList();
        }
    }

    public Catalog catalog() {
        List<Deployment> deployments = repositoryService.createDeploymentQuery()
                .deploymentName(ModelDeployment.DEPLOYMENT_NAME).orderByDeploymentTime().asc().list();
        Map<String, Deployed> deployed = deployedBy(deployments);
        return new Catalog(processes(deployed), decisions(deployed), forms(deployments, deployed),
                audit.findAllByOrderByOccurredAtDescIdDesc(PageRequest.of(0, 30)));
    }

    private Map<String, Deployed> deployedBy(List<Deployment> deployments) {
        Map<String, ModelAudit> entries = new HashMap<>();
        audit.findByDeploymentIdIn(deployments.stream().map(Deployment::getId).toList()).stream()
                .filter(entry -> entry.getAction() == ModelAudit.Action.DEPLOYED)
                .forEach(entry -> entries.put(entry.getDeploymentId(), entry));
        Map<String, Deployed> deployed = new HashMap<>();
        for (Deployment deployment : deployments) {
            ModelAudit entry = entries.get(deployment.getId());
            deployed.put(deployment.getId(), new Deployed(deployment.getId(),
                    deployment.getDeploymentTime().toInstant(), entry == null ? null : entry.getActor(),
                    entry == null ? null : entry.getChannel()));
        }
        return deployed;
    }

    private Deployed deployed(Map<String, Deployed> deployed, String deploymentId) {
        Deployed known = deployed.get(deploymentId);
        if (known != null) {
            return known;
        }
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        return new Deployed(deploymentId, deployment == null ? null : deployment.getDeploymentTime().toInstant(),
                null, null);
    }

    private List<ProcessModel> processes(Map<String, Deployed> deployed) {
        List<ProcessModel> processes = new ArrayList<>();
        for (ProcessDefinition latest : repositoryService.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list()) {
            List<ProcessVersion> versions = new ArrayList<>();
            List<ProcessDefinition> all = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(latest.getKey()).orderByProcessDefinitionVersion().desc().list();
            for (ProcessDefinition definition : all) {
                long running = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId())
                        .count();
                if (versions.size() < VERSIONS_SHOWN || running > 0) {
                    versions.add(new ProcessVersion(definition.getId(), definition.getVersion(),
                            deployed(deployed, definition.getDeploymentId()), running,
                            definition.getId().equals(latest.getId())));
                }
            }
            processes.add(new ProcessModel(latest.getKey(), latest.getName(), latest.getResourceName(), versions));
        }
        return processes;
    }

    private List<DecisionModel> decisions(Map<String, Deployed> deployed) {
        List<DecisionModel> decisions = new ArrayList<>();
        for (DecisionDefinition latest : repositoryService.createDecisionDefinitionQuery().latestVersion()
                .orderByDecisionDefinitionKey().asc().list()) {
            List<Version> versions = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(latest.getKey()).orderByDecisionDefinitionVersion().desc()
                    .listPage(0, VERSIONS_SHOWN).stream()
                    .map(d -> new Version(d.getVersion(), deployed(deployed, d.getDeploymentId()))).toList();
            decisions.add(new DecisionModel(latest.getKey(), latest.getName(), latest.getResourceName(), versions));
        }
        return decisions;
    }

    /**
     * Forms have no query of their own in the engine's API; like the engine, count a new version
     * of a form for every deployment that contains it.
     */
    private List<FormModel> forms(List<Deployment> deployments, Map<String, Deployed> deployed) {
        Map<String, List<Version>> versions = new LinkedHashMap<>();
        for (Deployment deployment : deployments) {
            for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
                if (name.endsWith(".form")) {
                    List<Version> ofForm = versions.computeIfAbsent(name, n -> new ArrayList<>());
                    ofForm.add(new Version(ofForm.size() + 1, deployed.get(deployment.getId())));
                }
            }
        }
        return versions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new FormModel(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparingInt(Version::version).reversed()).limit(VERSIONS_SHOWN).toList()))
                .toList();
    }
}
