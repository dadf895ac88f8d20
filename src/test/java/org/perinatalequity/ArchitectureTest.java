package org.perinatalequity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package graph of docs/architecture.md, one rule per line of its "Rules" list, checked on the main
 * classes. A rule that fails names the class and the dependency that breaks it; change the design (and that
 * document) before changing a rule.
 */
@AnalyzeClasses(packages = "org.perinatalequity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.perinatalequity";

    /** The features: each owns a piece of the product and may build on the ground and on earlier features. */
    private static final String[] FEATURES = { ROOT + ".ingest..", ROOT + ".reference..", ROOT + ".measures..",
            ROOT + ".breakdown..", ROOT + ".quality..", ROOT + ".board..", ROOT + ".calculator..",
            ROOT + ".demodata..", ROOT + ".workforce..", ROOT + ".need.." };

    private static final String SHELL = ROOT + ".shell..";

    /** No package depends, through any path, on a package that depends on it. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching(ROOT + ".(**)")
            .namingSlices("package $1").should().beFreeOfCycles();

    /** system (with system.api and system.ui) is the ground floor: it names no feature and not the shell. */
    @ArchTest
    static final ArchRule systemNamesNoFeature = noClasses().that().resideInAPackage(ROOT + ".system..")
            .should().dependOnClassesThat().resideInAnyPackage(features(SHELL));

    /** stats is pure Java: the JDK and Commons Statistics' distributions, nothing of the app, no Spring. */
    @ArchTest
    static final ArchRule statsIsPlainJava = classes().that().resideInAPackage(ROOT + ".stats..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apache.commons.statistics..",
                    "org.jspecify.annotations..", ROOT + ".stats..");

    /** export writes files from rows it is given: it names no feature and not the shell. */
    @ArchTest
    static final ArchRule exportNamesNoFeature = noClasses().that().resideInAPackage(ROOT + ".export..")
            .should().dependOnClassesThat().resideInAnyPackage(features(SHELL));

    /**
     * security's core (the package itself, not security.ui or security.api) names no feature and not the shell:
     * loads declare themselves {@code @AuditedLoad}, settings register as {@code AuditedSettings}.
     */
    @ArchTest
    static final ArchRule securityCoreNamesNoFeature = noClasses().that().resideInAPackage(ROOT + ".security")
            .should().dependOnClassesThat().resideInAnyPackage(features(SHELL, ROOT + ".security.ui..",
                    ROOT + ".security.api.."));

    /** charts draws what it is given: it names no feature (breakdown, measures) and not the shell. */
    @ArchTest
    static final ArchRule chartsNameNoFeature = noClasses().that().resideInAPackage(ROOT + ".charts..")
            .should().dependOnClassesThat().resideInAnyPackage(features(SHELL));

    /** geography reads and converts shapes (boundary files, WGS84 → National Grid): it names no feature, no shell. */
    @ArchTest
    static final ArchRule geographyNamesNoFeature = noClasses().that().resideInAPackage(ROOT + ".geography..")
            .should().dependOnClassesThat().resideInAnyPackage(features(SHELL));

    /** maps draws the areas it is given: it names no feature and not the shell. */
    @ArchTest
    static final ArchRule mapsNameNoFeature = noClasses().that().resideInAPackage(ROOT + ".maps..")
            .should().dependOnClassesThat().resideInAnyPackage(features(SHELL));

    /** Views read through their feature's service: no query package, no JDBC. */
    @ArchTest
    static final ArchRule viewsUseNoQueryOrJdbc = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("..query..", "java.sql..", "javax.sql..",
                    "org.springframework.jdbc..", "org.duckdb..");

    /** The shell (menu, layout) is for views: no feature core, query or API class depends on it. */
    @ArchTest
    static final ArchRule onlyViewsUseTheShell = noClasses().that().resideOutsideOfPackages("..ui..", SHELL)
            .should().dependOnClassesThat().resideInAPackage(SHELL);

    private static String[] features(String... more) {
        String[] packages = new String[FEATURES.length + more.length];
        System.arraycopy(FEATURES, 0, packages, 0, FEATURES.length);
        System.arraycopy(more, 0, packages, FEATURES.length, more.length);
        return packages;
    }
}
