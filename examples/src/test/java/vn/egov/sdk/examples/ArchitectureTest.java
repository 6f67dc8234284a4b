package vn.egov.sdk.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.jdbc.internal.SendOutboxRows;

/**
 * The module and package rules (sdk-core depends on no other SDK module; {@code …internal…} packages are used only
 * inside their own module, and sdk-jdbc's public types show none of its internal types; library code never prints,
 * never logs through {@code java.util.logging} and changes nothing JVM-wide), checked on the main code of every
 * module (this module's test classpath holds them all).
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
    void jdbcInternalsAreNotUsedByOtherModules() {
        assertTrue(main.stream().anyMatch(c -> c.getPackageName().equals("vn.egov.sdk.jdbc.internal")),
                "sdk-jdbc's classes were not imported; the rules would check nothing of it");
        internalStaysInside("jdbc");
    }

    @Test
    void noPublicJdbcTypeShowsAnInternalType() {
        classes().that().resideInAPackage("vn.egov.sdk.jdbc").and().arePublic()
                .should(new ArchCondition<JavaClass>("show no internal type in a public or protected member") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        internalTypesShownBy(c, "vn.egov.sdk.jdbc.internal").forEach(leak ->
                                events.add(SimpleConditionEvent.violated(c, c.getName() + " shows " + leak)));
                    }
                })
                .check(main);
    }

    /** The check above finds what it looks for. */
    @Test
    void theShownTypesCheckFindsAnInternalTypeInASignature() {
        JavaClass probe = new ClassFileImporter().importClasses(ShowsInternal.class).get(ShowsInternal.class);
        assertEquals(List.of("a result of " + ShowsInternal.class.getName() + ".relay(): "
                + SendOutboxRows.class.getName()), internalTypesShownBy(probe, "vn.egov.sdk.jdbc.internal"));
    }

    /** A type that hands an internal type out, for the check's own test. */
    public static final class ShowsInternal {
        /**
         * Shows an internal type.
         *
         * @return nothing
         */
        public SendOutboxRows relay() {
            return null;
        }

        private SendOutboxRows hidden() {
            return null;
        }
    }

    /** Where a caller of {@code c} sees a type of {@code internal}: supertypes, visible fields and signatures. */
    private static List<String> internalTypesShownBy(JavaClass c, String internal) {
        Predicate<JavaClass> isInternal = t -> t.getPackageName().startsWith(internal);
        List<String> shown = new ArrayList<>();
        Stream.concat(c.getRawSuperclass().stream(), c.getRawInterfaces().stream()).filter(isInternal)
                .forEach(t -> shown.add("a supertype: " + t.getName()));
        for (JavaField f : c.getFields()) {
            if (visible(f.getModifiers())) {
                f.getType().getAllInvolvedRawTypes().stream().filter(isInternal)
                        .forEach(t -> shown.add("field " + f.getName() + ": " + t.getName()));
            }
        }
        for (JavaCodeUnit m : c.getCodeUnits()) {
            if (visible(m.getModifiers())) {
                List<JavaType> types = new ArrayList<>(m.getParameterTypes());
                types.add(m.getReturnType());
                types.addAll(m.getThrowsClause().getTypes());
                types.stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()).filter(isInternal).distinct()
                        .forEach(t -> shown.add("a result of " + m.getFullName() + ": " + t.getName()));
            }
        }
        return shown;
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
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
