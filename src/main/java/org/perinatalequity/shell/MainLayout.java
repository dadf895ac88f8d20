package org.perinatalequity.shell;

import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteAliasData;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

import org.perinatalequity.shell.SignedInUser;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The frame around every view: product title, drawer toggle and side navigation. The navigation is
 * built from the {@code @Menu} annotations of the views, so a new view adds itself to the menu by
 * declaring {@code @Route(layout = MainLayout.class)} and {@code @Menu(title, order, icon)}; entries
 * whose view the user's role may not open are left out by Vaadin's access control.
 */
public class MainLayout extends AppLayout {

    /** The demo profile's notice, first in every page's main landmark; null outside the demo profile. */
    private final Paragraph syntheticNotice;

    static final String PRODUCT_TITLE = "Perinatal Equity Dashboard";

    /** The id of the {@code main} landmark the skip link moves to. */
    static final String MAIN_ID = "main-content";

    private final Main main = new Main();

    MainLayout(SignedInUser signedInUser, Environment environment) {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the menu");
        // The product name is not a heading: each view's own H1 names the page for screen readers.
        Span title = new Span(PRODUCT_TITLE);
        title.addClassName("app-title");
        // header, nav and main landmarks (WCAG 1.3.1, 2.4.1): a screen reader can jump between them, and every
        // part of the page is inside one of them.
        Header header = new Header(skipLink(), toggle, title, signedInUser);
        header.addClassName("app-header");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", "Main");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        Scroller scroller = new Scroller(nav);
        scroller.addClassName("app-drawer");
        Nav menu = new Nav(scroller);
        menu.getElement().setAttribute("aria-label", "Menu");
        menu.addClassName("app-menu");
        addToDrawer(menu);
        setPrimarySection(Section.DRAWER);

        main.setId(MAIN_ID);
        main.addClassName("app-main");
        // Focusable by script only, so the skip link can move the keyboard focus to it.
        main.getElement().setAttribute("tabindex", "-1");
        setContent(main);
        syntheticNotice = environment.acceptsProfiles(Profiles.of("demo")) ? syntheticNotice() : null;
    }

    /**
     * In the demo profile every page, and so every print-out, says that its figures describe generated records: a
     * screenshot or a printed board page must never pass for real patients' data.
     */
    private static Paragraph syntheticNotice() {
        Paragraph notice = new Paragraph("Synthetic data: these figures come from the demo's generated extract, not"
                + " from real patients.");
        notice.addClassName("synthetic-notice");
        notice.getElement().setAttribute("role", "note");
        return notice;
    }

    /**
     * The first thing a keyboard user reaches: "Skip to main content", shown when focused (WCAG 2.4.1). The page
     * runs under Vaadin's router with a base href, so a bare {@code #main-content} link would navigate to the root;
     * the click moves the focus to the main landmark instead.
     */
    private Anchor skipLink() {
        Anchor skip = new Anchor("#" + MAIN_ID, "Skip to main content");
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().addEventListener("click", e -> main.getElement().callJsFunction("focus")).preventDefault();
        return skip;
    }

    /**
     * Vaadin puts its connection indicator ("Connection lost", "Reconnecting") straight into the body, outside
     * every landmark; as a polite live region it is announced where it is and belongs to no landmark.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().executeJs("customElements.whenDefined('vaadin-connection-indicator').then(() =>"
                + " document.querySelectorAll('vaadin-connection-indicator').forEach(i =>"
                + " i.setAttribute('aria-live', 'polite')))");
    }

    /** Each view goes inside the {@code main} landmark, not straight into the layout's content area. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (syntheticNotice != null) {
            main.getElement().appendChild(syntheticNotice.getElement());
        }
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
    }

    private static SideNavItem item(MenuEntry entry) {
        // Menu paths start with "/"; relative paths keep working when the app runs under a context path.
        String path = entry.path().replaceFirst("^/", "");
        SideNavItem item = entry.icon() == null ? new SideNavItem(entry.title(), path)
                : new SideNavItem(entry.title(), path, new Icon(entry.icon()));
        // A view reached through a @RouteAlias (such as the default route "") still highlights its entry.
        item.setPathAliases(aliasesOf(entry.menuClass()));
        return item;
    }

    private static Set<String> aliasesOf(Class<? extends Component> view) {
        if (view == null) {
            return Set.of();
        }
        return RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> route.getNavigationTarget().equals(view))
                .flatMap(route -> route.getRouteAliases().stream()).map(RouteAliasData::getTemplate)
                .collect(Collectors.toSet());
    }
}
