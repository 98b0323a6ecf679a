package org.scrutineer.pipeline.tables;

import org.scrutineer.pipeline.disclosure.SmallNumbers;
import org.scrutineer.pipeline.schema.EthnicGroup;

/**
 * Settings shared by the statistical tables.
 *
 * @param referenceGroup the group ratios compare against (White by default); never Unknown
 * @param confidenceLevel two-sided level of every interval, e.g. 0.95
 * @param smallNumbers the small-number rules
 */
public record ReportSettings(
    EthnicGroup referenceGroup, double confidenceLevel, SmallNumbers smallNumbers)
    implements java.io.Serializable {

  /** White, 95%, METHODS.md small-number rules. */
  public static final ReportSettings DEFAULT =
      new ReportSettings(EthnicGroup.WHITE, 0.95, SmallNumbers.DEFAULT);

  public ReportSettings {
    if (referenceGroup == EthnicGroup.UNKNOWN) {
      throw new IllegalArgumentException(
          "Invalid reference group: Unknown (must be White, Black, Asian, Mixed or Other)");
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          String.format("Invalid confidence level: %s (must be in (0, 1))", confidenceLevel));
    }
  }
}
