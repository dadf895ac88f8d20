package org.perinatalequity.system.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The "chart in words" under a chart: its first sentence shown as a one-line summary, the whole description behind
 * a disclosure, so a long description (one sentence per group) does not push the table off the screen while a
 * screen-reader user still gets every number the chart draws.
 */
public class ChartWords extends Div {

    private final Paragraph summary = new Paragraph();
    private final Paragraph full = new Paragraph();
    private final Details details = new Details("Chart in words", full);

    public ChartWords() {
        addClassName("equity-chart-words");
        summary.addClassName("equity-chart-text");
        full.addClassName("equity-chart-text");
        add(summary, details);
    }

    public void setDescription(String description) {
        summary.setText(firstSentence(description));
        full.setText("Chart in words: " + description);
    }

    public String summary() {
        return summary.getText();
    }

    public String fullText() {
        return full.getText();
    }

    /** Up to the first full stop that ends a sentence (not one inside a number such as 6.1). */
    static String firstSentence(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '.' && Character.isWhitespace(text.charAt(i + 1))) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }
}
