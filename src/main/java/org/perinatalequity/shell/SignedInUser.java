package org.perinatalequity.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.security.AuthenticationContext;

import org.perinatalequity.security.AccessPolicy;

import org.springframework.context.annotation.Scope;

/**
 * The navbar's "who am I": the signed-in user with their roles (and teams), and a Sign out button, so
 * that on a shared screen nobody works on under someone else's name without seeing it.
 */
@SpringComponent
@Scope("prototype")
public class SignedInUser extends HorizontalLayout {

    SignedInUser(AccessPolicy policy, AuthenticationContext authenticationContext) {
        addClassName("equity-user");
        setAlignItems(FlexComponent.Alignment.CENTER);
        String roles = String.join(", ", policy.roles());
        String teams = policy.teams().isEmpty() ? "" : " · team " + String.join(", ", policy.teams());
        Span who = new Span(policy.userName().orElse("") + " (" + roles + teams + ")");
        who.setId("signed-in-user");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authenticationContext.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        // The navbar is NHS blue: the tertiary button's own blue text would vanish on it.
        signOut.getStyle().set("color", "inherit");
        add(who, signOut);
        getStyle().set("margin-inline-start", "auto").set("padding-inline-end", "var(--lumo-space-m)");
    }
}
