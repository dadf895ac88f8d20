package org.perinatalequity.ingest.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Section;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.EquityTest;
import org.perinatalequity.KaribuRoutes;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.security.Roles;
import org.perinatalequity.security.SystemCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Data loaded page's Mental health access section: hidden with maternity data alone, filled once MHSDS loads. */
@EquityTest
class DataLoadedMentalHealthViewTest {

    private static final Routes ROUTES = KaribuRoutes.discover();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(DataLoadedMentalHealthViewTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    IngestService ingestService;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        TestUsers.karibuLogin(TestUsers.ADMIN, List.of(Roles.ADMIN), List.of());
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        TestUsers.karibuLogout();
    }

    private void ingest(Path extract) {
        IngestReport report = SystemCaller.call(() -> ingestService.ingest(List.of(extract),
                new IngestService.Requester("tester", "test")));
        assertThat(report.allLoaded()).as("loads: %s", report).isTrue();
    }

    private static void write(Path folder, String name, String... lines) throws Exception {
        Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void theSectionAppearsOnceMhsdsIsLoadedWithEachProvidersLinkage() throws Exception {
        ingest(TestFiles.FIXTURE_EXTRACT);
        UI.getCurrent().navigate("data");
        // Maternity data alone: the section is hidden (Karibu finds visible components only).
        _assertNone(Section.class, spec -> spec.withId("mental-health"));

        Path mh = Files.createDirectories(dir.resolve("rt5"));
        write(mh, "MHS000Header.csv", "OrgIDProvider,ReportingPeriodStartDate,ReportingPeriodEndDate", "RT5,2024-04-01,2024-04-30");
        write(mh, "MHS001MPI.csv", "LocalPatientId,EthnicCategory", "W1,A", "W2,M");
        write(mh, "MHS101Referral.csv", "ServiceRequestId,LocalPatientId,ReferralRequestReceivedDate", "R1,W1,2024-04-02",
                "R2,W2,2024-04-03");
        write(mh, "MHS102ServiceTypeReferredTo.csv", "ServiceRequestId,ServTeamTypeRefToMH", "R1,C02", "R2,A05");
        write(mh, "MHS201CareContact.csv", "CareContactId,ServiceRequestId,CareContDate,AttendStatus,ConsMechanismMH",
                "K1,R1,2024-04-09,5,01", "K2,R2,2024-04-10,5,01");
        ingest(mh);
        // What the page does after its own upload (the view instance stays on the same route).
        _get(DataLoadedView.class).refresh();

        assertThat(_get(Section.class, spec -> spec.withId("mental-health")).isVisible()).isTrue();
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("mental-health-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        // Provider-layout records without NHS numbers cannot link; only R1 and K1 are perinatal (C02).
        assertThat(GridKt._getFormattedRow(grid, 0)).containsExactly("RT5", "2", "0", "0.0%", "1", "1");
    }
}
