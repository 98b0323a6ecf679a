package org.scrutineer.pipeline.population;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One age band and sex of a population table's strata, as given in the optional {@code age_band}
 * and {@code sex} columns of the canonical population CSV.
 *
 * @param sex {@code female} or {@code male}
 * @param ageLow first age of the band, in whole years
 * @param ageHigh last age of the band, or {@code null} for an open band ({@code 65+})
 */
public record AgeSexBand(String sex, int ageLow, Integer ageHigh) implements java.io.Serializable {
  private static final Pattern BAND = Pattern.compile("(\\d{1,3})\\s*(?:-|to)\\s*(\\d{1,3})");
  private static final Pattern OPEN = Pattern.compile("(\\d{1,3})\\s*(?:\\+|and over)");

  /**
   * Parses an age band ({@code 16-24}, {@code 16 to 24}, {@code 65+}, {@code 65 and over}) and a
   * sex ({@code female}/{@code male}, {@code F}/{@code M}, any case).
   *
   * @throws IllegalArgumentException naming the rule a value breaks
   */
  public static AgeSexBand parse(String ageBand, String sex) {
    String band = ageBand.trim().toLowerCase(Locale.ROOT);
    Matcher closed = BAND.matcher(band);
    Matcher open = OPEN.matcher(band);
    int low;
    Integer high;
    if (closed.matches()) {
      low = Integer.parseInt(closed.group(1));
      high = Integer.parseInt(closed.group(2));
      if (high < low) {
        throw new IllegalArgumentException("age_band '" + ageBand + "' ends before it starts");
      }
    } else if (open.matches()) {
      low = Integer.parseInt(open.group(1));
      high = null;
    } else {
      throw new IllegalArgumentException(
          "age_band '" + ageBand + "' is not a band such as 16-24 or 65+");
    }
    return new AgeSexBand(sex(sex), low, high);
  }

  /** {@code female} or {@code male} for the accepted spellings. */
  static String sex(String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "f", "female", "females":
        return "female";
      case "m", "male", "males":
        return "male";
      default:
        throw new IllegalArgumentException(
            "sex '" + value + "' is not female or male (F/M also accepted)");
    }
  }

  /**
   * The index of the stratum this band falls in for age cut points {@code cuts} (ascending ages at
   * which a new stratum starts), or -1 when the band straddles a cut point.
   */
  public int stratum(int[] cuts) {
    int first = index(ageLow, cuts);
    int last = ageHigh == null ? cuts.length : index(ageHigh, cuts);
    return first == last ? first : -1;
  }

  private static int index(int age, int[] cuts) {
    int i = 0;
    while (i < cuts.length && age >= cuts[i]) {
      i++;
    }
    return i;
  }
}
