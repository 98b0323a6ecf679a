package org.scrutineer.pipeline.report;

import java.util.List;

/** The caveats printed with every run (METHODS.md section 1.6), written to the manifest. */
public final class Caveats {
  /** The caveat texts. */
  public static final List<String> ALL =
      List.of(
          "Residents, not visitors: denominators are usual residents (Census); people searched need"
              + " not live in the area, so rates in areas with many visitors (city centres, transport"
              + " hubs, the City of London) are overstated.",
          "Small numbers give unstable ratios: rates from fewer than 3 events and ratios from fewer"
              + " than 10 are not published; ratios from fewer than 20 are flagged u. Always read the"
              + " interval with the ratio.",
          "British Transport Police has no resident population: counts and outcomes only, no rates.",
          "Missing months are not zeros: rates are annualised over the months actually submitted,"
              + " and a period with missing months has period_complete = false.",
          "Unknown ethnicity (blank, not stated or unmapped) is allocated to no group, so group rates"
              + " are lower bounds; the share is in unknown_ethnicity_share and missing_data.",
          "Records are searches, not people: one person searched several times counts several times.",
          "data.police.uk locations are anonymised to snap points and some forces record dates without"
              + " times; data.police.uk counts differ slightly from Home Office published counts.",
          "Vehicle-only searches carry no person and are excluded from ethnicity rates and outcomes.");

  private Caveats() {}
}
