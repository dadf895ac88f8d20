package org.perinatalequity.board;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param file the action plan CSV (docs/action-plan.md); re-read when it changes, so edits need no restart */
@ConfigurationProperties("equity.action-plan")
public record ActionPlanProperties(@DefaultValue("data-samples/action-plan.csv") Path file) {
}
