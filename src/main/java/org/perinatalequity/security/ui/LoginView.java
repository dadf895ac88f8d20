package org.perinatalequity.security.ui;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.perinatalequity.security.DemoAccounts;
import org.perinatalequity.security.SecurityProperties;

/**
 * Sign-in: Vaadin's LoginForm posting to Spring Security's form login, a button for the OpenID Connect
 * provider when one is configured, and, in the demo profile only, the demo user names.
 */
@Route(LoginView.ROUTE)
@PageTitle("Sign in | Perinatal Equity Dashboard")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ROUTE = "login";

    private final LoginForm form = new LoginForm();

    LoginView(SecurityProperties properties, DemoAccounts demoAccounts) {
        addClassName("equity-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage("Check the username and password and try again. After "
                + properties.lockout().maxFailures() + " failed attempts a username is locked for "
                + properties.lockout().duration().toMinutes() + " minutes.");
        form.setI18n(i18n);
        form.setAction(ROUTE);
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");

        add(new H1("Perinatal Equity Dashboard"), form);
        SecurityProperties.Oidc oidc = properties.oidc();
        if (oidc.registrationId() != null && !oidc.registrationId().isBlank()) {
            // A plain link: the provider's pages are a full-page redirect, not a Vaadin navigation.
            Anchor provider = new Anchor("oauth2/authorization/" + oidc.registrationId(), oidc.loginLabel());
            provider.setRouterIgnore(true);
            provider.setId("oidc-login");
            add(provider);
        }
        List<String> demo = demoAccounts.userNames();
        if (!demo.isEmpty()) {
            Paragraph hint = new Paragraph("Demo data only. Users (password \"demo\"): " + String.join(", ", demo));
            hint.setId("demo-users");
            hint.addClassName("equity-note");
            hint.setMaxWidth("40em");
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Spring Security sends a failed sign-in back here with ?error.
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
