package org.scrutineer.pipeline.disclosure;

/**
 * The {@code README.txt} written beside the panel tables and in every panel pack: what the files
 * are, what the codes in them mean and what is not shown. Plain text with Windows line ends, for
 * the people who open the folder.
 */
public final class PanelReadme {
  private PanelReadme() {}

  /** The file's name. */
  public static final String NAME = "README.txt";

  /** The first line, by which a folder of packs is recognised. */
  public static final String FIRST_LINE = "Scrutineer panel tables";

  /** The text, for a run with these small-number rules. */
  public static String text(SmallNumbers rules) {
    String text =
        FIRST_LINE
            + "\n=======================\n\n"
            + "These tables are safe to publish: small numbers are not shown. There is one CSV file"
            + "\nper force (or per area in a pack), UTF-8 with a byte order mark so Excel reads it"
            + "\nas it is.\n\n"
            + "disproportionality  rates per 1,000 residents and ratios to the comparison group\n"
            + "outcomes            outcome rates (arrests, finds, strip searches, ...) by group\n\n"
            + "Codes\n-----\n"
            + "[c]              a number not shown: from 1 to "
            + (rules.panelMinimum() - 1)
            + " ("
            + (rules.panelSensitiveMinimum() - 1)
            + " for strip searches and\n"
            + "                 children), or one that would let a reader work such a number out"
            + "\n                 by subtraction. Its rate and ratio are not shown either.\n"
            + "flag             ok: no concern; u: fewer than "
            + rules.reliableMinimum()
            + " people, treat with caution;\n"
            + "                 ratio_suppressed: fewer than "
            + rules.ratioMinimum()
            + " in a group, no ratio;\n"
            + "                 rate_suppressed: fewer than "
            + rules.rateMinimum()
            + ", no rate; suppressed: row not shown;\n"
            + "                 empty: no rate applies (Unknown ethnicity has no residents).\n"
            + "basis            place_of_event: where it happened; place_of_residence: where the"
            + "\n                 person lives (custody and fixed penalty notices).\n"
            + "period_type      month, financial_year (April to March, written 2022-23) or"
            + "\n                 rolling_12_months (written 2022-04/2023-03).\n"
            + "period_complete  false when a month of the period was not submitted: figures"
            + "\n                 cover the months that were.\n"
            + "geography_level  force, csp (Community Safety Partnership) or district; the"
            + "\n                 district UNKNOWN holds records that could not be placed.\n"
            + "ethnic_group     White, Black, Asian, Mixed, Other (Census groups), Unknown (not"
            + "\n                 recorded), All.\n"
            + "rate_per_1000    events per 1,000 residents of the group over the period"
            + "\n                 (annualised over the months submitted).\n"
            + "ratio            the group's rate over the comparison group's; *_ci_low and"
            + "\n                 *_ci_high are the ends of its exact interval.\n\n"
            + "The analysts' tables (csv/ and the Parquet tables) are not suppressed and are not"
            + "\nfor publication.\n";
    return text.replace("\n", "\r\n");
  }
}
