package vn.egov.sdk.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules (sdk-core depends on no other SDK module; {@code …internal…} packages are used only
 * inside their own module; library code never prints, never logs through {@code java.util.logging} and changes
 * nothing JVM-wide), checked on the main code of every module (this module's test
 * classpath holds them all).
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.egov.sdk");
        if (main.stream().noneMatch(c -> c.getPackageName().startsWith("vn.egov.sdk.core"))) {
            throw new IllegalStateException("sdk-core classes were not imported; the rules would check nothing");
        }
    }

    /** The packages of the sdk-core module (one jar: they may share its internals). */
    private static final String[] CORE_MODULE = {"vn.egov.sdk.core..", "vn.egov.sdk.edxml..", "vn.egov.sdk.axis..",
            "vn.egov.sdk.identity..", "vn.egov.sdk.dossier.."};

    /** Every package of sdk-core's classes is in {@link #CORE_MODULE}, so a new one cannot escape the rule below. */
    @Test
    void theCoreModuleListNamesEveryPackageOfSdkCore() {
        java.util.Set<String> listed = java.util.Arrays.stream(CORE_MODULE)
                .map(p -> p.substring(0, p.length() - 2)).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> missing = new java.util.TreeSet<>();
        java.util.List<com.tngtech.archunit.core.domain.JavaClass> core = main.stream()
                .filter(c -> c.getSource().map(s -> s.getUri().toString().contains("/sdk-core/")).orElse(false))
                .toList();
        org.junit.jupiter.api.Assertions.assertFalse(core.isEmpty(), "no class was found in sdk-core's classes");
        core.stream().map(c -> c.getPackageName().split("\\.")).filter(parts -> parts.length >= 4)
                .map(parts -> String.join(".", parts[0], parts[1], parts[2], parts[3]))
                .filter(top -> !listed.contains(top)).forEach(missing::add);
        org.junit.jupiter.api.Assertions.assertTrue(missing.isEmpty(),
                "sdk-core packages missing from CORE_MODULE: " + missing);
    }

    private static void internalStaysInside(String module) {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("vn.egov.sdk." + module + "..")
                .should().dependOnClassesThat().resideInAPackage("vn.egov.sdk." + module + "..internal..")
                .because("…internal… packages are implementation details of their own module")
                .allowEmptyShould(true);
        rule.check(main);
    }

    @Test
    void coreModuleInternalsAreNotUsedByOtherModules() {
        noClasses().that().resideOutsideOfPackages(CORE_MODULE)
                .should().dependOnClassesThat().resideInAnyPackage("vn.egov.sdk.core..internal..",
                        "vn.egov.sdk.edxml..internal..", "vn.egov.sdk.axis..internal..",
                        "vn.egov.sdk.identity..internal..", "vn.egov.sdk.dossier..internal..")
                .because("…internal… packages are implementation details of their own module")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void signingInternalsAreNotUsedByOtherModules() {
        internalStaysInside("signing");
    }

    @Test
    void paymentInternalsAreNotUsedByOtherModules() {
        internalStaysInside("payment");
    }

    @Test
    void testkitInternalsAreNotUsedByOtherModules() {
        internalStaysInside("testkit");
    }

    @Test
    void coreDoesNotDependOnSigningPaymentOrTestkit() {
        noClasses().that().resideInAnyPackage(CORE_MODULE)
                .should().dependOnClassesThat().resideInAnyPackage("vn.egov.sdk.signing..",
                        "vn.egov.sdk.payment..", "vn.egov.sdk.testkit..", "vn.egov.sdk.examples..")
                .check(main);
    }

    @Test
    void libraryCodeNeverPrints() {
        noClasses().that().resideOutsideOfPackage("vn.egov.sdk.examples..")
                // the sandbox's command-line entry point prints its base URL by design
                .and().doNotHaveFullyQualifiedName("vn.egov.sdk.testkit.StandaloneSandbox")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("the SDK logs through SLF4J only")
                .check(main);
    }

    @Test
    void nothingUsesJavaUtilLogging() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .because("logging goes through SLF4J only").check(main);
    }

    @Test
    void noJvmWideSideEffects() {
        noClasses().that().resideOutsideOfPackage("vn.egov.sdk.examples..")
                .should().callMethod(System.class, "setProperty", String.class, String.class)
                .orShould().callMethod(java.security.Security.class, "insertProviderAt",
                        java.security.Provider.class, int.class)
                .orShould().callMethod(javax.net.ssl.HttpsURLConnection.class, "setDefaultSSLSocketFactory",
                        javax.net.ssl.SSLSocketFactory.class)
                .because("an embeddable SDK changes no JVM-wide setting").check(main);
    }
}
