package dev.unitcost;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/ARCHITECTURE.md, checked on the compiled main classes. A rule that
 * fails names the offending class and dependency; change the code, or change the document and
 * this test together.
 */
class ArchitectureTest {

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.unitcost");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.unitcost.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Cli").definedBy("dev.unitcost.cli..")
                .layer("Run").definedBy("dev.unitcost.run..")
                .layer("Report").definedBy("dev.unitcost.report..")
                .layer("Compare").definedBy("dev.unitcost.compare..")
                .layer("Config").definedBy("dev.unitcost.config..")
                .layer("Projection").definedBy("dev.unitcost.projection..")
                .layer("Result").definedBy("dev.unitcost.result..")
                .layer("Load").definedBy("dev.unitcost.load..")
                .layer("Engine").definedBy("dev.unitcost.engine..")
                .layer("Synth").definedBy("dev.unitcost.synth..")
                .layer("Telemetry").definedBy("dev.unitcost.telemetry..")
                .layer("Workload").definedBy("dev.unitcost.workload..")
                .layer("Cost").definedBy("dev.unitcost.cost..")
                .layer("Model").definedBy("dev.unitcost.model..")
                .layer("Metrics").definedBy("dev.unitcost.metrics..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Run").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Compare").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Run", "Cli")
                .whereLayer("Projection").mayOnlyBeAccessedByLayers("Report", "Cli")
                .whereLayer("Result").mayOnlyBeAccessedByLayers("Compare", "Report", "Run", "Cli")
                .whereLayer("Load").mayOnlyBeAccessedByLayers("Result", "Compare", "Report", "Run", "Cli")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Load", "Result", "Report", "Run", "Cli")
                .whereLayer("Synth").mayOnlyBeAccessedByLayers("Run", "Cli")
                .whereLayer("Telemetry").mayOnlyBeAccessedByLayers("Result", "Compare", "Report", "Run", "Cli")
                .whereLayer("Workload").mayOnlyBeAccessedByLayers("Engine", "Result", "Report", "Config", "Run", "Cli")
                .whereLayer("Cost").mayOnlyBeAccessedByLayers("Result", "Compare", "Report", "Config", "Projection", "Run", "Cli")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Workload", "Synth", "Engine", "Result", "Config", "Projection", "Report", "Run", "Cli")
                .check(main);
    }

    @Test
    void vendorTypesStayInTheirSubpackage() {
        noClasses().that().resideOutsideOfPackages("dev.unitcost.engine.ort..", "dev.unitcost.telemetry.ort..")
                .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..").check(main);
        noClasses().that().resideOutsideOfPackages("dev.unitcost.engine.djl..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..").check(main);
        noClasses().that().resideOutsideOfPackages("dev.unitcost.telemetry..")
                .should().dependOnClassesThat().resideInAnyPackage("oshi..", "com.sun.jna..").check(main);
        noClasses().that().resideOutsideOfPackages("dev.unitcost.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(main);
    }

    @Test
    void ggufTwinsSitAboveTheOnnxTwins() {
        // synth.gguf reuses the ONNX twins' presets, seeded weights and tokenizer; nothing in synth needs GGUF
        noClasses().that().resideInAPackage("dev.unitcost.synth")
                .should().dependOnClassesThat().resideInAPackage("dev.unitcost.synth.gguf..").check(main);
    }

    @Test
    void onlyMainExitsAndOnlyTheCliPrints() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.unitcost.cli.Main")
                .should().callMethod(System.class, "exit", int.class).check(main);
        noClasses().that().resideOutsideOfPackage("dev.unitcost.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(main);
    }
}
