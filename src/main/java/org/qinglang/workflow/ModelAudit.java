package org.qinglang.workflow;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change to the process as it runs: a deployment of models, a refused one, or running cases
 * moved to another process version. The engine keeps what was deployed; this keeps who did it.
 */
@Entity
@Table(name = "model_audit")
public class ModelAudit {

    public enum Action {
        DEPLOYED, REFUSED, MIGRATED
    }

    /** How the change came in. */
    public enum Channel {
        /** The models of the installation at start. */
        START,
        /** A file changed in bpmn/ or forms/ while the application ran. */
        FOLDER,
        /** The browser editor on /models. */
        EDITOR,
        /** A file uploaded on /models, as Camunda Modeler saves it. */
        UPLOAD,
        /** A button on /models other than a deployment, such as a migration. */
        MODELS_PAGE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private String actor;
    @Enumerated(EnumType.STRING)
    private Action action;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String deploymentId;
    private String resources;
    private String sourceDefinitionId;
    private String targetDefinitionId;
    private Integer migrated;
    private Integer leftBehind;
    private String details;

    protected ModelAudit() {
    }

    static ModelAudit deployed(Instant at, String actor, Channel channel, String deploymentId, String resources) {
        ModelAudit entry = new ModelAudit(at, actor, Action.DEPLOYED, channel);
        entry.deploymentId = deploymentId;
        entry.resources = resources;
        return entry;
    }

    static ModelAudit refused(Instant at, String actor, Channel channel, String resources, String reasons) {
        ModelAudit entry = new ModelAudit(at, actor, Action.REFUSED, channel);
        entry.resources = resources;
        entry.details = reasons;
        return entry;
    }

    static ModelAudit migrated(Instant at, String actor, String sourceDefinitionId, String targetDefinitionId,
            int migrated, int leftBehind, String details) {
        ModelAudit entry = new ModelAudit(at, actor, Action.MIGRATED, Channel.MODELS_PAGE);
        entry.sourceDefinitionId = sourceDefinitionId;
        entry.targetDefinitionId = targetDefinitionId;
        entry.migrated = migrated;
        entry.leftBehind = leftBehind;
        entry.details = details;
        return entry;
    }

    private ModelAudit(Instant occurredAt, String actor, Action action, Channel channel) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.channel = channel;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public Action getAction() {
        return action;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getDeploymentId() {
        return deploymentId;
    }

    public String getResources() {
        return resources;
    }

    public String getSourceDefinitionId() {
        return sourceDefinitionId;
    }

    public String getTargetDefinitionId() {
        return targetDefinitionId;
    }

    public Integer getMigrated() {
        return migrated;
    }

    public Integer getLeftBehind() {
        return leftBehind;
    }

    public String getDetails() {
        return details;
    }
}
