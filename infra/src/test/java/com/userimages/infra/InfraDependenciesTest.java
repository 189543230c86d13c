package com.userimages.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The stack knows the functions through the contract and the jar it deploys, never through their code. */
class InfraDependenciesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.userimages.infra");

    @Test
    void infraNeverDependsOnTheFunctionsCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.userimages.core..", "com.userimages.handlers..")
                .check(CLASSES);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("com.userimages.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
