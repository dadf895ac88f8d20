package org.perinatalequity.system.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

/** The building blocks every page lays out with, so panels and notes look and read alike everywhere. */
public final class Panels {

    private Panels() {
    }

    /** A white panel headed by an H2 ({@code id}-heading) that also names the region for assistive technology. */
    public static Section section(String id, String heading, Component... content) {
        H2 title = new H2(heading);
        title.setId(id + "-heading");
        Section section = new Section(title);
        section.add(content);
        section.addClassName("equity-panel");
        section.getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        return section;
    }

    /** A short explanation in the muted note style. */
    public static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("equity-note");
        return note;
    }
}
