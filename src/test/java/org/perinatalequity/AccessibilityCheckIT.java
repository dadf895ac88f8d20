package org.perinatalequity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accessibility check the browser tests rely on finds what it should: a page with known WCAG failures reports
 * them, and the same page mended reports none. Without this, an empty list from a check that never ran would look
 * like a pass.
 */
class AccessibilityCheckIT {

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start(800, 600);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void knownFailuresAreReportedAndTheMendedPageIsClean() {
        browser.driver().get("data:text/html;charset=utf-8,<html><body><main><h1>Chart</h1>"
                + "<img src='data:image/png;base64,iVBORw0KGgo='><p style='color:%23bbb;background:%23fff'>Faint</p>"
                + "<input type='text'></main></body></html>");
        assertThat(browser.seriousAccessibilityViolations()).anySatisfy(v -> assertThat(v).startsWith("image-alt"))
                .anySatisfy(v -> assertThat(v).startsWith("color-contrast (serious)"))
                .anySatisfy(v -> assertThat(v).startsWith("label (critical)"))
                .anySatisfy(v -> assertThat(v).startsWith("html-has-lang"));

        browser.driver().get("data:text/html;charset=utf-8,<html lang='en'><head><title>Chart</title></head><body>"
                + "<main><h1>Chart</h1><img alt='Stillbirths by quintile' src='data:image/png;base64,iVBORw0KGgo='>"
                + "<p style='color:%23212b32;background:%23fff'>Clear</p><label>Name <input type='text'></label>"
                + "</main></body></html>");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
}
