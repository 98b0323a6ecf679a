package org.scrutineer.samples;

import java.util.List;
import java.util.Set;

/**
 * A fictional force with its districts.
 *
 * @param slug force slug (data.police.uk style)
 * @param name force area name
 * @param code force area code in a range no real force uses ({@code E239xxxxx})
 * @param extract true when it submits a force extract (with districts) rather than police.uk files
 * @param districts its districts
 * @param missingMonths months ({@code yyyy-MM}) for which it submits nothing
 * @param residents false for a force with no resident population (British Transport Police): its
 *     one area only sets how many records are drawn, its records carry no place, and it has no
 *     population, lookup or boundary rows
 */
public record SyntheticForce(
    String slug,
    String name,
    String code,
    boolean extract,
    List<SyntheticArea> districts,
    Set<String> missingMonths,
    boolean residents) {

  /** A territorial force (with residents). */
  public SyntheticForce(
      String slug,
      String name,
      String code,
      boolean extract,
      List<SyntheticArea> districts,
      Set<String> missingMonths) {
    this(slug, name, code, extract, districts, missingMonths, true);
  }
}
