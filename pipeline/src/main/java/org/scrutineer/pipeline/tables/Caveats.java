package org.scrutineer.pipeline.tables;

import java.util.List;

/**
 * The caveats printed with every run (METHODS.md sections 1.6, 2 and 3), written to the manifest.
 */
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
              + " and a period with missing months has period_complete = false. A file with a header"
              + " and no rows is treated the same (coverage submission = submitted_empty): an empty"
              + " file cannot be told from a failed export.",
          "Unknown ethnicity (blank, not stated or unmapped) is allocated to no group, so group rates"
              + " are lower bounds; the share is in unknown_ethnicity_share and missing_data.",
          "Records are searches, not people: one person searched several times counts several times.",
          "data.police.uk locations are anonymised to snap points and some forces record dates without"
              + " times; data.police.uk counts differ slightly from Home Office published counts.",
          "Vehicle-only searches carry no person and are excluded from ethnicity rates and outcomes.",
          "Use of force is recorded with the officer's perception of ethnicity, while Census"
              + " denominators are self-defined: use-of-force ratios compare two different"
              + " measurements. Use-of-force rates count subject-incidents (officer reports on one"
              + " subject de-duplicated), so they are lower than counts of reports.",
          "Custody and FPN place-of-event rates include visitors; read them beside the"
              + " place-of-residence rates and the visitor share (the NPCC and North Yorkshire"
              + " lesson: most FPNs to some groups went to people from elsewhere).",
          "District results count only the records placed in the district: records without"
              + " coordinates, at sea or outside their own force's area are in the UNKNOWN district"
              + " (see geo_quality), so district rates are lower bounds where many records lack"
              + " coordinates. Boundaries are generalised: points within about 100 m of a boundary"
              + " may fall in the neighbouring district.",
          "Stages link different record sets (stop and search, custody) by area, period and group,"
              + " not person by person: arrests per search is a rate, not a share of the searches.",
          "Trends: series_break marks a period not like for like with the one before (months not"
              + " submitted, another population file such as Census 2011 to 2021, another ethnicity"
              + " code list); a change across a break may be the break, not practice.",
          "Many comparisons: with dozens of districts some look extreme by chance. Read q_value"
              + " (false discovery rate over the whole run) and funnel_position (district against"
              + " its force) before calling a difference real; neither proves its cause.",
          "Age and sex standardised rates (with a population by age band and sex) leave out events"
              + " of unknown age or sex and other genders (std_events_share) and weight every group"
              + " by the same population structure; they answer whether age and sex explain a"
              + " ratio, not whether it is justified.");

  private Caveats() {}
}
