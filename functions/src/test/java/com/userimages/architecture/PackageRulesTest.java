package com.userimages.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The functions' packages depend in one direction: model/error ← data ← pagination/service ← http ←
 * priming ← wiring ← handlers, and no two packages depend on each other. The wiring
 * ({@code FunctionComponents}) builds everything the handlers use and knows no handler.
 * Observability (the request line, EMF, the per-request metrics) sits beside error at the bottom:
 * it depends on no other package of the functions, the repository and the page reader add to the
 * request's metrics, and http writes the line.
 */
class PackageRulesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.userimages.core", "com.userimages.wiring", "com.userimages.handlers");

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Json").definedBy("com.userimages.core.json..")
                .layer("Error").definedBy("com.userimages.core.error..")
                .layer("Observability").definedBy("com.userimages.core.observability..")
                .layer("Model").definedBy("com.userimages.core.model..")
                .layer("Data").definedBy("com.userimages.core.data..")
                .layer("Pagination").definedBy("com.userimages.core.pagination..")
                .layer("Service").definedBy("com.userimages.core.service..")
                .layer("Http").definedBy("com.userimages.core.http..")
                .layer("Priming").definedBy("com.userimages.core.priming..")
                .layer("Wiring").definedBy("com.userimages.wiring..")
                .layer("Handlers").definedBy("com.userimages.handlers..")
                .whereLayer("Handlers").mayNotBeAccessedByAnyLayer()
                .whereLayer("Wiring").mayOnlyBeAccessedByLayers("Handlers")
                .whereLayer("Priming").mayOnlyBeAccessedByLayers("Wiring", "Handlers")
                .whereLayer("Http").mayOnlyBeAccessedByLayers("Priming", "Wiring", "Handlers")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Http", "Wiring", "Handlers")
                .whereLayer("Pagination").mayOnlyBeAccessedByLayers("Service", "Http", "Wiring", "Handlers")
                .whereLayer("Data").mayOnlyBeAccessedByLayers("Pagination", "Service", "Wiring", "Handlers")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Data", "Pagination", "Service", "Http", "Priming", "Wiring", "Handlers")
                .whereLayer("Observability").mayOnlyBeAccessedByLayers("Data", "Pagination", "Service", "Http", "Priming", "Wiring", "Handlers")
                .whereLayer("Json").mayOnlyBeAccessedByLayers("Http", "Priming", "Wiring", "Handlers")
                .whereLayer("Error").mayOnlyBeAccessedByLayers("Model", "Data", "Pagination", "Service", "Http", "Priming", "Wiring", "Handlers")
                .check(CLASSES);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("com.userimages.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
