package org.scrutineer.pipeline;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.population.AreaLookup;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.population.PopulationReader;
import org.scrutineer.pipeline.population.PopulationTable;
import org.scrutineer.pipeline.reference.ReferenceTable;

/**
 * Reads the run's population files ({@code --population PATH[@yyyy-MM]}) into {@link Denominators}:
 * each file read in the given format (or the one its header shows), force areas and CSPs summed
 * from districts through the area lookup.
 */
final class PopulationInputs {
  /**
   * The denominators and the force areas some table could not give one.
   *
   * @param denominators the tables by first month, or {@code null} when no file was given
   * @param incompleteForceAreas force areas left without a denominator in some table
   */
  record Loaded(Denominators denominators, List<String> incompleteForceAreas) {}

  private PopulationInputs() {}

  /** The file of a {@code PATH[@yyyy-MM]} value. */
  static String path(String given) {
    int at = at(given);
    return at < 0 ? given : given.substring(0, at);
  }

  /** The first month of a {@code PATH[@yyyy-MM]} value, or {@code null}. */
  static YearMonth from(String given) {
    int at = at(given);
    return at < 0 ? null : YearMonth.parse(given.substring(at + 1));
  }

  private static int at(String given) {
    int at = given.lastIndexOf('@');
    return at > 0 && given.substring(at + 1).matches("\\d{4}-\\d{2}") ? at : -1;
  }

  /** Reads every file; a bad file or a repeated start month fails the run naming it. */
  static Loaded read(
      List<String> given, PopulationReader.Format format, AreaLookup lookup, Configuration conf) {
    if (given.isEmpty()) {
      return new Loaded(null, List.of());
    }
    List<Denominators.Vintage> vintages = new ArrayList<>();
    Set<String> incomplete = new LinkedHashSet<>();
    for (String value : given) {
      PopulationTable table = PopulationReader.read(ReferenceTable.file(path(value), conf), format);
      if (lookup != null) {
        PopulationTable.RollUp rollUp = table.rollUpForces(lookup);
        table = rollUp.table().rollUpCsps(lookup).table();
        incomplete.addAll(rollUp.incompleteForceAreas());
      }
      vintages.add(new Denominators.Vintage(from(value), table));
    }
    try {
      return new Loaded(new Denominators(vintages), List.copyOf(incomplete));
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage() + ": " + given, e);
    }
  }
}
