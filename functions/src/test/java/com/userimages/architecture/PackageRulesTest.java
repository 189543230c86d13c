package com.userimages.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

/**
 * The functions' packages depend in one direction (FunctionLayers): model/error ← data and storage ←
 * pagination/service ← http ← priming ← wiring ← handlers, and no two packages depend on each other. The wiring
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
        // The one table (FunctionLayers), which the source-level test holds the imports to as well.
        Architectures.LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : FunctionLayers.MAY_BE_USED_BY.keySet()) {
            layers = layers.layer(layer).definedBy("com.userimages." + layer + "..");
        }
        for (var entry : FunctionLayers.MAY_BE_USED_BY.entrySet()) {
            layers = entry.getValue().isEmpty()
                    ? layers.whereLayer(entry.getKey()).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(entry.getKey()).mayOnlyBeAccessedByLayers(entry.getValue().toArray(String[]::new));
        }
        layers.check(CLASSES);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("com.userimages.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
