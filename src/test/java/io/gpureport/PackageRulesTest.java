package io.gpureport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package tree is the pipeline {@code load → classify → aggregate → render → deliver} (plus
 * {@code collect}, {@code sample} and {@code export}), driven by {@code report} and reached from
 * {@code cli}: no cycles, and each stage depends only on the stages before it.
 */
class PackageRulesTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gpureport");
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.gpureport.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void picocliStaysInCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.gpureport.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(main);
  }

  @Test
  void stagesDependOnlyOnEarlierStages() {
    String[] stages = {"load", "classify", "aggregate", "render", "deliver"};
    for (int i = 0; i < stages.length; i++) {
      for (int j = i + 1; j < stages.length; j++) {
        noClasses()
            .that()
            .resideInAPackage("io.gpureport." + stages[i] + "..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.gpureport." + stages[j] + "..")
            .because(stages[i] + " comes before " + stages[j] + " in the pipeline")
            .check(main);
      }
    }
  }

  @Test
  void onlyTheCommandLineAndTheEntryPointReachTheJobs() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.gpureport.load..",
            "io.gpureport.classify..",
            "io.gpureport.aggregate..",
            "io.gpureport.render..",
            "io.gpureport.deliver..",
            "io.gpureport.collect..",
            "io.gpureport.sample..",
            "io.gpureport.export..",
            "io.gpureport.config..",
            "io.gpureport.errors..",
            "io.gpureport.rollup..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.gpureport.report..", "io.gpureport.cli..")
        .check(main);
  }

  @Test
  void theRollupCacheStoresFoldPartsOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.gpureport.rollup..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gpureport.classify..",
            "io.gpureport.render..",
            "io.gpureport.deliver..",
            "io.gpureport.collect..",
            "io.gpureport.sample..",
            "io.gpureport.export..",
            "io.gpureport.config..")
        .because(
            "the rollup cache stores and reads back the aggregate stage's day parts"
                + " (docs/decisions/0005-rollups.md); the report job decides what is cached")
        .check(main);
  }

  @Test
  void exportReadsThroughLoadOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.gpureport.export..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gpureport.classify..",
            "io.gpureport.aggregate..",
            "io.gpureport.render..",
            "io.gpureport.deliver..",
            "io.gpureport.collect..",
            "io.gpureport.sample..",
            "io.gpureport.config..")
        .because("export copies stored rows; it reads SQLite through load's helpers only")
        .check(main);
  }

  @Test
  void onlyTheCommandLineReachesTheExport() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.gpureport.export..", "io.gpureport.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.gpureport.export..")
        .check(main);
  }

  @Test
  void parquetStaysInExportAndTheParquetReader() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.gpureport.export..")
        .and()
        .haveNameNotMatching("io\\.gpureport\\.load\\.Parquet.*")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.parquet..", "org.apache.hadoop..")
        .because(
            "the SQLite-only path must load no Parquet or Hadoop class"
                + " (docs/decisions/0004-parquet.md): only the export and load's Parquet*"
                + " classes, created when a .parquet file is read, name them")
        .check(main);
  }
}
