package org.perinatalequity.system;

import java.util.Map;
import java.util.Set;

/**
 * Settings that the start-up configuration audit records (security's ConfigurationAudit): each bean
 * implementing this registers its own, so the audit names no feature and a new feature's settings are
 * audited by implementing it.
 */
public interface AuditedSettings {

    /**
     * Each setting by its property name ({@code equity.quality.escalation-months}) with its value as audit
     * text; a secret appears only as "set" or "not set".
     */
    Map<String, String> auditedSettings();

    /**
     * The names among {@link #auditedSettings()} whose changes their owner audits itself, with more to say
     * than old → new; the configuration audit records them at start but does not repeat the change.
     */
    default Set<String> changesAuditedByOwner() {
        return Set.of();
    }
}
