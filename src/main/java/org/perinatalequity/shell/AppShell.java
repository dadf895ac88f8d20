package org.perinatalequity.shell;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;

/**
 * The page shell of every view. {@code @Push} lets long work (ingestion) report back from a background
 * thread. The theme is CSS only on top of Lumo: anything needing npm would force a frontend bundle
 * build, which cannot run on this project's network (stack-notes.md section 3).
 */
@Push
@Theme("equity")
public class AppShell implements AppShellConfigurator {
}
