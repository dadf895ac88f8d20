package org.perinatalequity.security;

import com.vaadin.flow.component.Component;

/**
 * The browser UI's sign-in view and its route. The view lives in security.ui, which depends on this
 * package; it provides this bean so that the UI filter chain (SecurityConfiguration) can name the view
 * without security's core importing its own ui package.
 */
public record LoginPage(Class<? extends Component> view, String route) {
}
