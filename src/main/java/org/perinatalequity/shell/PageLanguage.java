package org.perinatalequity.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.springframework.stereotype.Component;

/**
 * Declares the page language (WCAG 3.1.1) so that screen readers pronounce the text as British English;
 * Vaadin's generated page has no {@code lang} attribute of its own.
 */
@Component
class PageLanguage implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> response.getDocument().getElementsByTag("html").attr("lang", "en-GB"));
    }
}
