package org.scrutineer.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The library's layout as rules on its compiled classes: the packages form no cycle, the run's
 * stages (this package) sit on top and no step reaches back to them, and only the stages and the
 * output step know where tables are written.
 */
class PackageLayoutTest {
  private static final JavaClasses LIBRARY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.scrutineer.pipeline");

  @Test
  void packagesFormNoCycle() {
    slices().matching("org.scrutineer.pipeline.(*)..").should().beFreeOfCycles().check(LIBRARY);
  }

  @Test
  void stepsDoNotReachBackToTheRunStages() {
    noClasses()
        .that()
        .resideInAPackage("org.scrutineer.pipeline.*..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.scrutineer.pipeline")
        .check(LIBRARY);
  }

  @Test
  void statisticsAndDisclosureDoNotWrite() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.scrutineer.pipeline.cells..",
            "org.scrutineer.pipeline.tables..",
            "org.scrutineer.pipeline.disclosure..",
            "org.scrutineer.pipeline.stats..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.scrutineer.pipeline.output..")
        .check(LIBRARY);
  }
}
