package com.userimages.local;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * local/'s packages in one direction (docs/architecture.md, "Packages of local/"): {@code cli} (the
 * command line, the options, the server's wiring) uses every other; {@code runtime} (the local Lambda
 * runtime: handlers, invocations, the functions' settings, the start-up invocations) uses
 * {@code engine}, {@code gateway} and {@code auth}; {@code engine} (the DynamoDB and S3 the functions use)
 * uses none of them; {@code gateway} uses {@code auth}; {@code auth} uses none. The root package
 * holds no class, and the gateway's Jetty stays inside {@code gateway}.
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
                .should().dependOnClassesThat().resideInAnyPackage("com.userimages.local", "com.userimages.local.cli..",
                        "com.userimages.local.runtime..", "com.userimages.local.engine..")
                .check(CLASSES);
    }

    @Test
    void theRootPackageHoldsNoClass() {
        noClasses().should().resideInAPackage("com.userimages.local").check(CLASSES);
    }

    @Test
    void onlyTheCommandLineKnowsTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("com.userimages.local.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.userimages.local.cli..")
                .check(CLASSES);
    }

    @Test
    void theEngineKnowsNoOtherLocalPackage() {
        noClasses().that().resideInAPackage("com.userimages.local.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.userimages.local.cli..", "com.userimages.local.runtime..",
                        "com.userimages.local.gateway..", "com.userimages.local.auth..")
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
        noClasses().that().resideInAnyPackage("com.userimages.local.auth..", "com.userimages.local.cli..",
                        "com.userimages.local.runtime..", "com.userimages.local.engine..")
                .or().haveSimpleName("LocalApiServer").or().haveSimpleName("LocalCli")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .check(CLASSES);
    }
}
