package org.scrutineer.samples;

import java.util.Map;
import org.scrutineer.pipeline.schema.EthnicGroup;

/**
 * A fictional district with planted truth: its residents by group, the White search rate and each
 * group's ratio to it.
 *
 * @param code ONS-style district code in a range no real district uses ({@code E0x9xxxxx})
 * @param name district name
 * @param cspCode Community Safety Partnership code
 * @param cspName Community Safety Partnership name
 * @param population residents by known group
 * @param whiteRatePer1000 planted annual person searches per 1,000 White residents
 * @param ratios planted disproportionality ratio of each known group to White (White is 1)
 */
public record SyntheticArea(
    String code,
    String name,
    String cspCode,
    String cspName,
    Map<EthnicGroup, Long> population,
    double whiteRatePer1000,
    Map<EthnicGroup, Double> ratios) {

  /** Planted annual rate per 1,000 residents of {@code group}. */
  public double rate(EthnicGroup group) {
    return whiteRatePer1000 * ratios.get(group);
  }
}
