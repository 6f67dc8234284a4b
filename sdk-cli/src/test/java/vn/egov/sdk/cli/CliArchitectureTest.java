package vn.egov.sdk.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The examples module's architecture rules, for the command line (which the examples do not depend on): it prints
 * only through picocli's writers, which tests replace, and changes nothing JVM-wide.
 */
class CliArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.egov.sdk.cli");

    @Test
    void printsOnlyThroughTheCommandsWriters() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("output goes to CommandLine.getOut()/getErr(), so tests and embedders capture it")
                .check(MAIN);
    }

    @Test
    void noJvmWideSideEffects() {
        noClasses().should().callMethod(System.class, "setProperty", String.class, String.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .check(MAIN);
    }
}
