package org.scrutineer.pipeline.disclosure;

/**
 * The small-number rules of METHODS.md section 4.4 (the ONS mortality convention): no rate from
 * fewer than {@code rateMinimum} events, no ratio when either count is below {@code ratioMinimum},
 * and a low-reliability flag below {@code reliableMinimum}.
 *
 * @param rateMinimum fewest events for a rate (default 3)
 * @param ratioMinimum fewest events in each group for a ratio (default 10)
 * @param reliableMinimum fewest events in each group for a ratio or rate without the {@code u} flag
 *     (default 20)
 * @param panelMinimum fewest people in a count published in {@code panel/} (default 10; smaller
 *     counts other than 0 are suppressed)
 * @param panelSensitiveMinimum the same for counts about children and strip searches (default 20)
 */
public record SmallNumbers(
    long rateMinimum,
    long ratioMinimum,
    long reliableMinimum,
    long panelMinimum,
    long panelSensitiveMinimum)
    implements java.io.Serializable {
  /** The METHODS.md defaults: 3, 10 and 20; panel counts under 10, under 20 when sensitive. */
  public static final SmallNumbers DEFAULT = new SmallNumbers(3, 10, 20, 10, 20);

  /** Flag: the rate is not published (fewer than the rate minimum). */
  public static final String RATE_SUPPRESSED = "rate_suppressed";

  /** Flag: the ratio is not published (a count below the ratio minimum). */
  public static final String RATIO_SUPPRESSED = "ratio_suppressed";

  /** Flag: published but unreliable (a count below the reliable minimum). */
  public static final String UNRELIABLE = "u";

  /** Flag in {@code panel/}: the row's count is suppressed ({@code [c]}), and so is its rate. */
  public static final String SUPPRESSED = "suppressed";

  /** Flag: no small-number concern. */
  public static final String OK = "ok";

  public SmallNumbers {
    if (rateMinimum < 0 || ratioMinimum < rateMinimum || reliableMinimum < ratioMinimum) {
      throw new IllegalArgumentException(
          String.format(
              "Invalid small-number thresholds: %d, %d, %d (need 0 <= rate <= ratio <= reliable)",
              rateMinimum, ratioMinimum, reliableMinimum));
    }
    if (panelMinimum < 1 || panelSensitiveMinimum < panelMinimum) {
      throw new IllegalArgumentException(
          String.format(
              "Invalid panel minimums: %d, %d (need 1 <= minimum <= sensitive minimum)",
              panelMinimum, panelSensitiveMinimum));
    }
  }

  /** These rules with other panel minimums. */
  public SmallNumbers withPanel(long minimum, long sensitiveMinimum) {
    return new SmallNumbers(rateMinimum, ratioMinimum, reliableMinimum, minimum, sensitiveMinimum);
  }

  /** Whether a rate from {@code events} may be published. */
  public boolean rateAllowed(long events) {
    return events >= rateMinimum;
  }

  /** Whether a ratio from these two counts may be published. */
  public boolean ratioAllowed(long events, long referenceEvents) {
    return Math.min(events, referenceEvents) >= ratioMinimum;
  }

  /** The flag of a row that has a rate but no ratio (reference group, Unknown, All). */
  public String rateFlag(long events) {
    if (!rateAllowed(events)) {
      return RATE_SUPPRESSED;
    }
    return events < reliableMinimum ? UNRELIABLE : OK;
  }

  /** The flag of a row with a rate and a ratio to the reference group. */
  public String ratioFlag(long events, long referenceEvents) {
    return ratioFlag(events, events, referenceEvents);
  }

  /**
   * The flag of a row with a rate and a ratio, where the rate rests on {@code rateBasis}: the
   * events for a rate per population or exposure, the trials (the denominator) for a share. The
   * rate is published, and the flag is not {@code rate_suppressed}, from {@code rateMinimum} trials
   * or events; the ratio needs both numerators at {@code ratioMinimum}; {@code u} marks a basis or
   * either numerator (the reference group's too) under {@code reliableMinimum}.
   */
  public String ratioFlag(long rateBasis, long events, long referenceEvents) {
    if (!rateAllowed(rateBasis)) {
      return RATE_SUPPRESSED;
    }
    long smaller = Math.min(events, referenceEvents);
    if (smaller < ratioMinimum) {
      return RATIO_SUPPRESSED;
    }
    return Math.min(smaller, rateBasis) < reliableMinimum ? UNRELIABLE : OK;
  }
}
