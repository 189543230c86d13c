package com.userimages.local;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * local/'s packages in one direction: the root package (CLI, options, the server's wiring, the
 * local Lambda runtime) uses {@code gateway} and {@code auth}; {@code gateway} uses {@code auth};
 * {@code auth} uses neither; the gateway's Jetty stays inside {@code gateway}.
 */
class LocalArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.userimages.local");

    @Test
    void noCyclesBetweenLocalsPackages() {
        // "(**)" captures the whole package name: the root package and each sub-package is a slice.
        ArchRule rule = slices().matching("com.userimages.(**)").should().beFreeOfCycles();
        rule.check(CLASSES);
    }

    @Test
    void subPackagesNeverReachBackIntoTheRoot() {
        noClasses().that().resideInAnyPackage("com.userimages.local.auth..", "com.userimages.local.gateway..")
                .should().dependOnClassesThat().resideInAPackage("com.userimages.local")
                .check(CLASSES);
    }

    @Test
    void theAuthorizerKnowsNothingOfTheGateway() {
        noClasses().that().resideInAPackage("com.userimages.local.auth..")
                .should().dependOnClassesThat().resideInAPackage("com.userimages.local.gateway..")
                .check(CLASSES);
    }

    @Test
    void theAuthorizerAndTheServersWiringNeverSpeakJettysHttpApi() {
        noClasses().that().resideInAPackage("com.userimages.local.auth..")
                .or().haveSimpleName("LocalApiServer").or().haveSimpleName("LocalCli")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .check(CLASSES);
    }
}
