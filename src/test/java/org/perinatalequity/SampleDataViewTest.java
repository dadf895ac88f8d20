package org.perinatalequity;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A Karibu view test on the shared sample-data context: the sample is loaded, a mock Vaadin UI runs with every
 * route, and nobody is signed in until the test says who ({@link TestUsers#karibuLogin}). Security reads this
 * context's own strategy while the test runs, because contexts started side by side each install theirs.
 */
@SampleDataTest
public abstract class SampleDataViewTest {

    protected static final Routes ROUTES = KaribuRoutes.discover();

    @Autowired
    protected ApplicationContext context;

    private SecurityContextHolderStrategy previousStrategy;

    @BeforeEach
    void startVaadin(@Autowired IngestService ingest, @Autowired ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
        previousStrategy = TestUsers.useStrategyOf(context);
        TestUsers.karibuLogout();
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void stopVaadin() {
        TestUsers.karibuLogout();
        MockVaadin.tearDown();
        TestUsers.restoreStrategy(previousStrategy);
    }
}
