package org.perinatalequity;

import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** The application's routes for Karibu-Testing. */
public final class KaribuRoutes {

    private static final String ROOT = "org.perinatalequity";

    private KaribuRoutes() {
    }

    /**
     * Karibu's own discovery (ClassGraph) sees public classes only, and this project's views are
     * package-private; Spring's scanner, which the running app relies on too, finds them all.
     */
    @SuppressWarnings("unchecked")
    public static Routes discover() {
        Routes routes = new Routes().autoDiscoverViews(ROOT);
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (BeanDefinition view : scanner.findCandidateComponents(ROOT)) {
            routes.getRoutes().add((Class<? extends Component>) ClassUtils.resolveClassName(
                    view.getBeanClassName(), KaribuRoutes.class.getClassLoader()));
        }
        return routes;
    }
}
