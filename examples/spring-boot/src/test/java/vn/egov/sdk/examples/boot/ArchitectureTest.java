package vn.egov.sdk.examples.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The sample uses the SDK and the starter through their public API only: no class of it (main or test code) touches
 * an {@code …internal…} package of the SDK, and the application itself (main code) knows nothing of the sandbox.
 */
class ArchitectureTest {
    private static final JavaClasses SAMPLE = new ClassFileImporter()
            .importPackages("vn.egov.sdk.examples.boot");
    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.egov.sdk.examples.boot");

    @Test
    void theClassesAreImported() {
        assertTrue(APPLICATION.contain(ReplyingPackageHandler.class), "the rules would check nothing");
        assertTrue(SAMPLE.contain(SandboxSetup.class), "the rules would check no test class");
        assertTrue(!APPLICATION.contain(SandboxSetup.class), "main and test code told apart");
    }

    @Test
    void noSdkInternalPackageIsUsed() {
        noClasses().should().dependOnClassesThat().resideInAPackage("vn.egov.sdk..internal..")
                .because("a vendor's application uses the SDK's and the starter's public API only")
                .check(SAMPLE);
    }

    @Test
    void theApplicationKnowsNothingOfTheSandbox() {
        noClasses().should().dependOnClassesThat().resideInAPackage("vn.egov.sdk.testkit..")
                .because("the sandbox reaches the application through properties only (application-sandbox)")
                .check(APPLICATION);
    }

    @Test
    void theSampleIsNotInAnInternalPackage() {
        noClasses().should().resideInAPackage("..internal..").check(SAMPLE);
    }
}
