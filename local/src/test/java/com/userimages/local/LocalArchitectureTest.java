package com.userimages.local;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
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
        neverUse(resideInAnyPackage("com.userimages.local.auth..", "com.userimages.local.gateway.."),
                "com.userimages.local", "com.userimages.local.cli..", "com.userimages.local.runtime..", "com.userimages.local.engine..");
    }

    @Test
    void theRootPackageHoldsNoClass() {
        noClasses().should().resideInAPackage("com.userimages.local").check(CLASSES);
    }

    @Test
    void onlyTheCommandLineKnowsTheCommandLine() {
        neverUse(resideOutsideOfPackage("com.userimages.local.cli.."), "com.userimages.local.cli..");
    }

    @Test
    void theEngineKnowsNoOtherLocalPackage() {
        neverUse(resideInAPackage("com.userimages.local.engine.."),
                "com.userimages.local.cli..", "com.userimages.local.runtime..", "com.userimages.local.gateway..", "com.userimages.local.auth..");
    }

    @Test
    void theAuthorizerKnowsNothingOfTheGateway() {
        neverUse(resideInAPackage("com.userimages.local.auth.."), "com.userimages.local.gateway..");
    }

    @Test
    void theAuthorizerAndTheServersWiringNeverSpeakJettysHttpApi() {
        neverUse(resideInAnyPackage("com.userimages.local.auth..", "com.userimages.local.cli..",
                        "com.userimages.local.runtime..", "com.userimages.local.engine..")
                        .or(simpleName("LocalApiServer")).or(simpleName("LocalCli")),
                "org.eclipse.jetty..");
    }

    /** No class that {@code classes} picks depends on a class in any of {@code packages}. */
    private static void neverUse(DescribedPredicate<? super JavaClass> classes, String... packages) {
        noClasses().that(classes).should().dependOnClassesThat().resideInAnyPackage(packages).check(CLASSES);
    }
}
