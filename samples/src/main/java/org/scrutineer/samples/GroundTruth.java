package org.scrutineer.samples;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the generator planted and what it actually drew, so tests can check the pipeline against
 * known values: the planted rates and ratios (which estimates should recover within their
 * intervals) and the realised counts (which the pipeline must reproduce exactly).
 *
 * <p>Realised counts are keyed {@code force|district|yyyy-MM|group}, where group is the
 * self-defined group as recorded (Unknown when hidden) and district is the true district.
 *
 * @param forces the fictional forces with their planted truth
 * @param personSearches person searches by key
 * @param arrests person searches ending in arrest, by key
 * @param linkKnown person searches with a True/False link, by key
 * @param linkedFinds person searches with a linked find, by key
 * @param outcomeKnown person searches with a classifiable outcome, by key
 * @param anyAction person searches with an outcome other than no further action, by key
 * @param notStated person searches with self-defined ethnicity "not stated", by force|month
 * @param blankEthnicity person searches with blank self-defined ethnicity, by force|month
 * @param unmappedEthnicity person searches with an unmapped self-defined label, by force|month
 * @param vehicleSearches vehicle-only searches, by force|month
 * @param geo person searches of police.uk forces that cannot be placed in a district of their own
 *     force, by reason ({@code no_coordinates}, {@code outside_districts}, {@code outside_force})
 *     and force|month; their person_searches key has district {@code UNKNOWN}
 * @param plantedPowers the effects planted in the use-of-force, custody and FPN records
 * @param powerCounts realised counts of the other powers by {@code <power>.<measure>}, then by
 *     {@code force|district|month|group} (FPN residents: by home district)
 * @param rejects the malformed rows planted, as {@code file|line|REASON}
 * @param files data files written, relative to the output folder
 */
public record GroundTruth(
    @JsonProperty("forces") List<SyntheticForce> forces,
    @JsonProperty("person_searches") Map<String, Long> personSearches,
    @JsonProperty("arrests") Map<String, Long> arrests,
    @JsonProperty("link_known") Map<String, Long> linkKnown,
    @JsonProperty("linked_finds") Map<String, Long> linkedFinds,
    @JsonProperty("outcome_known") Map<String, Long> outcomeKnown,
    @JsonProperty("any_action") Map<String, Long> anyAction,
    @JsonProperty("not_stated") Map<String, Long> notStated,
    @JsonProperty("blank_ethnicity") Map<String, Long> blankEthnicity,
    @JsonProperty("unmapped_ethnicity") Map<String, Long> unmappedEthnicity,
    @JsonProperty("vehicle_searches") Map<String, Long> vehicleSearches,
    @JsonProperty("geo") Map<String, Map<String, Long>> geo,
    @JsonProperty("planted_powers") PlantedPowers plantedPowers,
    @JsonProperty("power_counts") Map<String, Map<String, Long>> powerCounts,
    @JsonProperty("rejects") List<String> rejects,
    @JsonProperty("files") List<String> files) {

  /** Mutable tallies used while generating. */
  static final class Tally {
    final Map<String, Long> personSearches = new TreeMap<>();
    final Map<String, Long> arrests = new TreeMap<>();
    final Map<String, Long> linkKnown = new TreeMap<>();
    final Map<String, Long> linkedFinds = new TreeMap<>();
    final Map<String, Long> outcomeKnown = new TreeMap<>();
    final Map<String, Long> anyAction = new TreeMap<>();
    final Map<String, Long> notStated = new TreeMap<>();
    final Map<String, Long> blankEthnicity = new TreeMap<>();
    final Map<String, Long> unmappedEthnicity = new TreeMap<>();
    final Map<String, Long> vehicleSearches = new TreeMap<>();
    final Map<String, Long> noCoordinates = new TreeMap<>();
    final Map<String, Long> outsideDistricts = new TreeMap<>();
    final Map<String, Long> outsideForce = new TreeMap<>();

    static void add(Map<String, Long> map, String key) {
      map.merge(key, 1L, Long::sum);
    }
  }

  /** Sums a realised map over keys whose parts match ({@code null} matches anything). */
  public static long sum(
      Map<String, Long> counts,
      String force,
      String district,
      java.util.function.Predicate<String> month,
      String group) {
    long total = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      String[] k = e.getKey().split("\\|", -1);
      if ((force == null || k[0].equals(force))
          && (district == null || (k.length > 3 && k[1].equals(district)))
          && (month == null || month.test(monthPart(k)))
          && (group == null || (k.length > 3 && k[3].equals(group)))) {
        total += e.getValue();
      }
    }
    return total;
  }

  private static String monthPart(String[] key) {
    return key.length > 3 ? key[2] : key[1];
  }
}
