package com.userimages.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contract is the bottom of every module: it depends on the JDK and on nothing of ours or anyone else's. */
class ContractDependenciesTest {
    @Test
    void theContractDependsOnlyOnTheJdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.userimages.contract..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.userimages.contract"));
    }
}
