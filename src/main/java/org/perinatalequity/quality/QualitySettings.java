package org.perinatalequity.quality;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.perinatalequity.system.AuditedSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escalation settings from {@code equity.quality.*}: the valid percentage each item must reach per team, site
 * and month ({@code equity.quality.thresholds.ethnic_category=95}), and how many consecutive months below it
 * escalate. A misspelt item or a threshold outside 0–100 stops start-up, since a silently ignored
 * threshold would hide an escalation.
 */
@ConfigurationProperties("equity.quality")
public record QualitySettings(Map<String, Double> thresholds, @DefaultValue("3") int escalationMonths)
        implements AuditedSettings {

    public QualitySettings {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        if (escalationMonths < 1) {
            throw new IllegalArgumentException("equity.quality.escalation-months must be at least 1, not "
                    + escalationMonths);
        }
        thresholds.forEach((item, value) -> {
            if (QualityItem.fromId(item).isEmpty()) {
                throw new IllegalArgumentException("equity.quality.thresholds." + item + ": no such quality item");
            }
            if (value == null || value < 0 || value > 100) {
                throw new IllegalArgumentException("equity.quality.thresholds." + item + " must be 0-100, not " + value);
            }
        });
    }

    @Override
    public Map<String, String> auditedSettings() {
        Map<String, String> s = new TreeMap<>();
        thresholds.forEach((item, value) -> s.put("equity.quality.thresholds." + item,
                value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value)));
        s.put("equity.quality.escalation-months", String.valueOf(escalationMonths));
        return s;
    }

    /** The thresholds by item; items without one are never escalated. */
    public Map<QualityItem, Double> thresholdsByItem() {
        Map<QualityItem, Double> byItem = new EnumMap<>(QualityItem.class);
        thresholds.forEach((item, value) -> byItem.put(QualityItem.fromId(item).orElseThrow(), value));
        return byItem;
    }
}
