package org.scrutineer.pipeline.population;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.reference.ReferenceTable;

/**
 * The ONS lookup from local authority district to Community Safety Partnership to police force area
 * ({@code LADyy_CSPyy_PFAyy}, any vintage): columns {@code LADyyCD, LADyyNM, CSPyyCD, CSPyyNM,
 * PFAyyCD, PFAyyNM} are found by pattern, other columns are ignored.
 */
public final class AreaLookup implements java.io.Serializable {
  private static final Pattern CODE = Pattern.compile("^[A-Z][0-9]{8}$");

  /**
   * One district's place in the hierarchy.
   *
   * @param districtCode ONS district code
   * @param districtName district name
   * @param cspCode Community Safety Partnership code
   * @param cspName Community Safety Partnership name
   * @param forceAreaCode police force area code
   * @param forceAreaName police force area name
   */
  public record District(
      String districtCode,
      String districtName,
      String cspCode,
      String cspName,
      String forceAreaCode,
      String forceAreaName)
      implements java.io.Serializable {}

  private final Map<String, District> districts;

  private final int year;

  private AreaLookup(Map<String, District> districts, int year) {
    this.districts = Collections.unmodifiableMap(districts);
    this.year = year;
  }

  /** The year of the lookup's district codes ({@code LAD22CD}: 2022). */
  public int year() {
    return year;
  }

  /**
   * Reads a lookup table.
   *
   * @throws InputException when the columns are not found or a code is malformed
   */
  public static AreaLookup read(ReferenceTable table) {
    String lad = column(table, "LAD\\d\\dCD");
    String ladName = column(table, "LAD\\d\\dNM");
    String csp = column(table, "CSP\\d\\dCD");
    String cspName = column(table, "CSP\\d\\dNM");
    String pfa = column(table, "PFA\\d\\dCD");
    String pfaName = column(table, "PFA\\d\\dNM");
    Map<String, District> districts = new LinkedHashMap<>();
    for (int row = 0; row < table.size(); row++) {
      String code = table.get(row, lad);
      String force = table.get(row, pfa);
      if (!CODE.matcher(code).matches() || !CODE.matcher(force).matches()) {
        throw new InputException(
            String.format(
                "%s line %d: '%s' and '%s' must be 9-character ONS codes",
                table.name(), table.line(row), code, force));
      }
      if (districts.containsKey(code)) {
        throw new InputException(
            String.format(
                "%s line %d: district %s appears twice", table.name(), table.line(row), code));
      }
      districts.put(
          code,
          new District(
              code,
              table.get(row, ladName),
              table.get(row, csp),
              table.get(row, cspName),
              force,
              table.get(row, pfaName)));
    }
    return new AreaLookup(districts, 2000 + Integer.parseInt(lad.substring(3, 5)));
  }

  /** The district with this code, or {@code null}. */
  public District district(String code) {
    return districts.get(code);
  }

  /** The districts of a police force area, in file order. */
  public List<District> districtsOf(String forceAreaCode) {
    return districts.values().stream()
        .filter(d -> d.forceAreaCode().equals(forceAreaCode))
        .toList();
  }

  /** Every district. */
  public Iterable<District> districts() {
    return districts.values();
  }

  private static String column(ReferenceTable table, String regex) {
    return table.columns().stream()
        .filter(name -> name.matches(regex))
        .findFirst()
        .orElseThrow(
            () ->
                new InputException(
                    String.format(
                        "%s: not an ONS LAD-CSP-PFA lookup (no column matching %s; found %s)",
                        table.name(), regex.replace("\\d\\d", "yy"), table.columns())));
  }
}
