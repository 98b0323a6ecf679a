package org.scrutineer.samples;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scrutineer.pipeline.schema.EthnicGroup;

/**
 * The effects planted in the synthetic use-of-force, custody and FPN records, the same in every
 * district of every force that submits the power. Rates are annual per 1,000 residents of the White
 * group; ratios multiply them for the other groups; shares are per event.
 *
 * @param useOfForceWhiteRate subject-incidents per 1,000 White residents a year
 * @param useOfForceRatios subject-incident rate ratio to White, by group
 * @param weaponDrawnShare share of subject-incidents reaching ladder step 3 (weapon drawn) or above
 * @param subjectInjuryShare share of subject-incidents with the subject injured, every group
 * @param extraOfficersMean mean of the Poisson number of officers beyond the first per subject
 * @param custodyWhiteRate detentions per 1,000 White residents a year
 * @param custodyRatios detention rate ratio to White, by group
 * @param stripSearchShare share of detentions with a strip search, by group
 * @param childShare share of detainees under 18
 * @param childAppropriateAdultShare share of strip-searched children with an appropriate adult
 * @param medianHours median detention length in hours (log-normal), by group
 * @param chargeShare share of detentions ending in charge, every group
 * @param fpnWhiteRate notices to residents per 1,000 White residents a year
 * @param fpnRatios resident notice rate ratio to White, by group (the place-of-residence truth)
 * @param visitorShare share of notices issued to people living outside the force, by group
 * @param hiddenShare share of events whose ethnicity is not recorded (blank or not stated)
 */
public record PlantedPowers(
    @JsonProperty("use_of_force_white_rate_per_1000") double useOfForceWhiteRate,
    @JsonProperty("use_of_force_ratios") Map<EthnicGroup, Double> useOfForceRatios,
    @JsonProperty("weapon_drawn_share") Map<EthnicGroup, Double> weaponDrawnShare,
    @JsonProperty("subject_injury_share") double subjectInjuryShare,
    @JsonProperty("extra_officers_mean") double extraOfficersMean,
    @JsonProperty("custody_white_rate_per_1000") double custodyWhiteRate,
    @JsonProperty("custody_ratios") Map<EthnicGroup, Double> custodyRatios,
    @JsonProperty("strip_search_share") Map<EthnicGroup, Double> stripSearchShare,
    @JsonProperty("child_share") double childShare,
    @JsonProperty("child_appropriate_adult_share") double childAppropriateAdultShare,
    @JsonProperty("median_hours") Map<EthnicGroup, Double> medianHours,
    @JsonProperty("charge_share") double chargeShare,
    @JsonProperty("fpn_white_rate_per_1000") double fpnWhiteRate,
    @JsonProperty("fpn_ratios") Map<EthnicGroup, Double> fpnRatios,
    @JsonProperty("visitor_share") Map<EthnicGroup, Double> visitorShare,
    @JsonProperty("hidden_share") double hiddenShare) {

  /** The shipped sample's effects. */
  public static final PlantedPowers SAMPLE =
      new PlantedPowers(
          4.0,
          byGroup(1.0, 3.0, 1.3, 2.0, 1.2),
          byGroup(0.15, 0.30, 0.15, 0.20, 0.15),
          0.10,
          0.7,
          6.0,
          byGroup(1.0, 3.0, 1.5, 2.0, 1.3),
          byGroup(0.08, 0.16, 0.08, 0.12, 0.08),
          0.10,
          0.5,
          byGroup(9.0, 12.0, 9.0, 9.0, 9.0),
          0.28,
          0.8,
          byGroup(1.0, 1.6, 1.6, 1.3, 1.2),
          byGroup(0.15, 0.20, 0.60, 0.20, 0.20),
          0.08);

  /**
   * The national decade's effects: the sample's ratios and shares at about national volumes (some 9
   * subject-incidents, 10 detentions and 2 notices a year per 1,000 White residents).
   */
  public static final PlantedPowers NATIONAL =
      new PlantedPowers(
          9.0,
          SAMPLE.useOfForceRatios(),
          SAMPLE.weaponDrawnShare(),
          SAMPLE.subjectInjuryShare(),
          SAMPLE.extraOfficersMean(),
          10.0,
          SAMPLE.custodyRatios(),
          SAMPLE.stripSearchShare(),
          SAMPLE.childShare(),
          SAMPLE.childAppropriateAdultShare(),
          SAMPLE.medianHours(),
          SAMPLE.chargeShare(),
          2.0,
          SAMPLE.fpnRatios(),
          SAMPLE.visitorShare(),
          SAMPLE.hiddenShare());

  /** The ratio on the place-of-event (issue) basis that visitors produce: r (1 - v_W) / (1 - v). */
  public double fpnIssueRatio(EthnicGroup group) {
    return fpnRatios.get(group)
        * (1 - visitorShare.get(EthnicGroup.WHITE))
        / (1 - visitorShare.get(group));
  }

  private static Map<EthnicGroup, Double> byGroup(
      double white, double black, double asian, double mixed, double other) {
    Map<EthnicGroup, Double> map = new LinkedHashMap<>();
    map.put(EthnicGroup.WHITE, white);
    map.put(EthnicGroup.BLACK, black);
    map.put(EthnicGroup.ASIAN, asian);
    map.put(EthnicGroup.MIXED, mixed);
    map.put(EthnicGroup.OTHER, other);
    return map;
  }
}
