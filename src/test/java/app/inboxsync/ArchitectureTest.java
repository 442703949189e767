package app.inboxsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The domain and the sync engine stay pure: no UI, no JDBC, no HTTP client. Adapters plug in through ports. The
 * packages form no cycle at any depth, and tooling (benchmarks, the screenshot tour) sits above the product.
 */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.inboxsync");

    private static final ArchRule domainAndEngineArePure = noClasses()
            .that().resideInAnyPackage("app.inboxsync.domain..", "app.inboxsync.sync..", "app.inboxsync.media..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..", "okhttp3..",
                    "com.zaxxer..", "org.postgresql..", "com.fasterxml..")
            .because("the sync engine is pure Java; adapters implement its ports");

    private static final ArchRule engineDoesNotKnowItsAdapters = noClasses()
            .that().resideInAnyPackage("app.inboxsync.domain..", "app.inboxsync.sync..", "app.inboxsync.media..")
            .should().dependOnClassesThat().resideInAnyPackage("app.inboxsync.graph..", "app.inboxsync.store..",
                    "app.inboxsync.cli..", "app.inboxsync.simulator..", "app.inboxsync.app..");

    private static final ArchRule simulatorIsSelfContained = noClasses()
            .that().resideInAPackage("app.inboxsync.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("app.inboxsync.sync..", "app.inboxsync.store..",
                    "app.inboxsync.graph..", "app.inboxsync.cli..")
            .because("it is a fake of Facebook, not part of the app");

    private static final ArchRule adaptersDoNotReachIntoEachOther = noClasses()
            .that().resideInAPackage("app.inboxsync.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("app.inboxsync.store..", "java.sql..");

    /** Every layer may make its threads here, so it must sit below all of them. */
    private static final ArchRule threadFactoryImportsOnlyTheJdk = noClasses()
            .that().resideInAPackage("app.inboxsync.concurrent..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "app.inboxsync.concurrent..");

    /** Every package its own slice ({@code ui}, {@code ui.main}, {@code store}…): no two reach each other, however deep. */
    private static final ArchRule noPackageCycles = slices().matching("app.inboxsync.(**)").should().beFreeOfCycles();

    private static final ArchRule onlyTheCliRunsBenchmarks = noClasses()
            .that().resideOutsideOfPackages("app.inboxsync.cli..", "app.inboxsync.bench..")
            .should().dependOnClassesThat().resideInAPackage("app.inboxsync.bench..")
            .because("benchmarks drive the product from above; the product never calls them");

    private static final ArchRule onlyTheLauncherStartsTheTour = noClasses()
            .that().resideOutsideOfPackage("app.inboxsync.ui.tour..")
            .and().doNotHaveFullyQualifiedName("app.inboxsync.ui.DesktopLauncher")
            .should().dependOnClassesThat().resideInAPackage("app.inboxsync.ui.tour..")
            .because("the screenshot tour drives the window from outside, started by the launcher");

    @Test
    void packagesFormNoCycle() {
        noPackageCycles.check(APP);
    }

    @Test
    void toolingSitsAboveTheProduct() {
        onlyTheCliRunsBenchmarks.check(APP);
        onlyTheLauncherStartsTheTour.check(APP);
    }

    /**
     * The window reads through the narrow interfaces and records of {@code app.inboxsync.read}, handed out by
     * {@code AppContext}: never JDBC, never a concrete store class, so its view models test with in-memory fakes.
     */
    private static final ArchRule uiReadsThroughTheReadInterfaces = noClasses()
            .that().resideInAPackage("app.inboxsync.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("app.inboxsync.store..", "java.sql..", "javax.sql..",
                    "com.zaxxer..", "org.postgresql..", "org.flywaydb..")
            .because("the UI asks app.inboxsync.read's interfaces; the store implements them");

    private static final ArchRule readSideIsPlainJava = noClasses()
            .that().resideInAPackage("app.inboxsync.read..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                    "com.zaxxer..", "org.postgresql..", "org.flywaydb..", "app.inboxsync.store..", "app.inboxsync.ui..")
            .because("the read records and interfaces are what both the UI and the store agree on");

    @Test
    void uiUsesOnlyTheReadSide() {
        uiReadsThroughTheReadInterfaces.check(APP);
        readSideIsPlainJava.check(APP);
    }

    @Test
    void threadFactorySitsBelowEveryLayer() {
        threadFactoryImportsOnlyTheJdk.check(APP);
    }

    @Test
    void domainAndEngineImportNoInfrastructure() {
        domainAndEngineArePure.check(APP);
        engineDoesNotKnowItsAdapters.check(APP);
    }

    @Test
    void adaptersStayInTheirLane() {
        simulatorIsSelfContained.check(APP);
        adaptersDoNotReachIntoEachOther.check(APP);
    }
}
