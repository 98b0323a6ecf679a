package org.scrutineer.pipeline.population;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scrutineer.pipeline.schema.EthnicGroup;

/**
 * Resident population by area and ethnic group (the five known groups), held on the driver. Areas
 * are districts and police force areas, keyed by ONS code. An area or group that is absent has no
 * denominator: {@link #population} returns {@code null}, never zero.
 *
 * <p>When the source gives age bands and sex, each area also keeps its populations by {@link
 * AgeSexBand} and group ({@link Area#strata}), and the table keeps the standard population of each
 * band (all groups, summed over the areas the source gave) used as the common weights of direct
 * standardisation.
 */
public final class PopulationTable implements java.io.Serializable {
  /**
   * One area's populations.
   *
   * @param code ONS area code
   * @param name area name
   * @param byGroup population of each known group present in the source
   * @param strata population of each group by age band and sex; empty when the source has none
   */
  public record Area(
      String code,
      String name,
      Map<EthnicGroup, Long> byGroup,
      Map<AgeSexBand, Map<EthnicGroup, Long>> strata)
      implements java.io.Serializable {
    /** An area with no populations yet. */
    static Area empty(String code, String name) {
      return new Area(code, name, new EnumMap<>(EthnicGroup.class), new LinkedHashMap<>());
    }

    /** The population of a group in every age band and sex, or empty when none are known. */
    public Map<AgeSexBand, Long> strataOf(EthnicGroup group) {
      Map<AgeSexBand, Long> out = new LinkedHashMap<>();
      strata.forEach((band, groups) -> out.put(band, groups.getOrDefault(group, 0L)));
      return out;
    }

    /** Whether all five known groups have a population. */
    public boolean complete() {
      return byGroup.keySet().containsAll(EthnicGroup.KNOWN);
    }

    /** The sum over the five groups, or {@code null} when any is missing. */
    public Long total() {
      return complete() ? byGroup.values().stream().mapToLong(Long::longValue).sum() : null;
    }
  }

  private final Map<String, Area> areas;
  private final String source;
  private final Map<AgeSexBand, Long> standard;

  PopulationTable(Map<String, Area> areas, String source) {
    this(areas, source, standardOf(areas));
  }

  private PopulationTable(Map<String, Area> areas, String source, Map<AgeSexBand, Long> standard) {
    this.areas = Collections.unmodifiableMap(areas);
    this.source = source;
    this.standard = Collections.unmodifiableMap(standard);
  }

  private static Map<AgeSexBand, Long> standardOf(Map<String, Area> areas) {
    Map<AgeSexBand, Long> standard = new LinkedHashMap<>();
    for (Area area : areas.values()) {
      area.strata()
          .forEach(
              (band, groups) -> groups.values().forEach(n -> standard.merge(band, n, Long::sum)));
    }
    return standard;
  }

  /**
   * The standard population of each age band and sex (every group, summed over the areas the source
   * gave, before any roll-up); empty when the source has no strata.
   */
  public Map<AgeSexBand, Long> standard() {
    return standard;
  }

  /** Population of {@code group} in {@code areaCode}, or {@code null} when there is none. */
  public Long population(String areaCode, EthnicGroup group) {
    Area area = areas.get(areaCode);
    return area == null ? null : area.byGroup().get(group);
  }

  /** The area with this code, or {@code null}. */
  public Area area(String code) {
    return areas.get(code);
  }

  /**
   * Where the denominators came from: the file's name (no folders) and format, as the tables show
   * it.
   */
  public String source() {
    return source;
  }

  /** Number of areas. */
  public int size() {
    return areas.size();
  }

  /**
   * This table with police force areas added by summing their districts through {@code lookup}. A
   * force area already present (given directly) is kept as given. A force area is added only when
   * every one of its districts has all five groups: a partial sum would understate the denominator,
   * so such an area is left without one.
   *
   * @return the extended table and the force areas left without a denominator
   */
  public RollUp rollUpForces(AreaLookup lookup) {
    return rollUp(lookup, AreaLookup.District::forceAreaCode, AreaLookup.District::forceAreaName);
  }

  /**
   * This table with Community Safety Partnerships added by summing their districts through {@code
   * lookup}, under the same rule as {@link #rollUpForces}.
   */
  public RollUp rollUpCsps(AreaLookup lookup) {
    return rollUp(lookup, AreaLookup.District::cspCode, AreaLookup.District::cspName);
  }

  private RollUp rollUp(
      AreaLookup lookup,
      java.util.function.Function<AreaLookup.District, String> parent,
      java.util.function.Function<AreaLookup.District, String> parentName) {
    Map<String, Area> extended = new LinkedHashMap<>(areas);
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<AreaLookup.District>> byParent = new LinkedHashMap<>();
    for (AreaLookup.District d : lookup.districts()) {
      names.put(parent.apply(d), parentName.apply(d));
      byParent.computeIfAbsent(parent.apply(d), k -> new java.util.ArrayList<>()).add(d);
    }
    List<String> incomplete = new java.util.ArrayList<>();
    byParent.forEach(
        (code, districts) -> {
          if (extended.containsKey(code)) {
            return;
          }
          Area sum = Area.empty(code, names.get(code));
          boolean strata = true;
          for (AreaLookup.District d : districts) {
            Area area = areas.get(d.districtCode());
            if (area == null || !area.complete()) {
              incomplete.add(code);
              return;
            }
            area.byGroup().forEach((g, n) -> sum.byGroup().merge(g, n, Long::sum));
            strata &= !area.strata().isEmpty();
            area.strata()
                .forEach(
                    (band, groups) ->
                        groups.forEach(
                            (g, n) ->
                                sum.strata()
                                    .computeIfAbsent(band, b -> new EnumMap<>(EthnicGroup.class))
                                    .merge(g, n, Long::sum)));
          }
          if (!strata) {
            // Strata of only some districts would understate the area's strata.
            sum.strata().clear();
          }
          extended.put(code, sum);
        });
    return new RollUp(new PopulationTable(extended, source, standard), List.copyOf(incomplete));
  }

  /**
   * The result of {@link #rollUpForces}.
   *
   * @param table the table with force areas added
   * @param incompleteForceAreas force areas some of whose districts have no population
   */
  public record RollUp(PopulationTable table, List<String> incompleteForceAreas) {}
}
