package org.scrutineer.pipeline.report;

import java.util.Map;
import org.scrutineer.pipeline.disclosure.SmallNumbers;
import org.scrutineer.pipeline.schema.Power;

/** The pack's words for the tables' codes: one vocabulary for the page, workbook and CSVs. */
public final class Words {
  private Words() {}

  /** A power's section title. */
  public static String title(String power) {
    return switch (power) {
      case "stop_search" -> "Stop and search";
      case "use_of_force" -> "Use of force";
      case "custody" -> "Arrests and custody";
      case "fpn" -> "Fixed penalty notices";
      default -> power;
    };
  }

  /** What happened to a person, for the headline sentence ("... as likely ... to be ..."). */
  static String happened(String power) {
    return switch (power) {
      case "stop_search" -> "to be stopped and searched";
      case "use_of_force" -> "to have force used on them";
      case "custody" -> "to be arrested and brought into custody";
      case "fpn" -> "to be given a fixed penalty notice";
      default -> "to be subject to " + Power.fromCode(power).words();
    };
  }

  /** The unit an event is counted in. */
  static String events(String power) {
    return switch (power) {
      case "stop_search" -> "Searches";
      case "use_of_force" -> "People force was used on";
      case "custody" -> "Arrests";
      case "fpn" -> "Notices";
      default -> "Events";
    };
  }

  /** Items joined in words: "Mixed", "Mixed and Other", "Black, Mixed and Other". */
  static String list(java.util.List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  /** A people-group phrase: "Black people". */
  static String people(String group) {
    return group + " people";
  }

  /** A panel flag in words; the empty string when there is nothing to say. */
  static String flag(String flag) {
    return switch (flag) {
      case SmallNumbers.UNRELIABLE -> "Based on fewer than 20 people: treat with caution.";
      case SmallNumbers.RATIO_SUPPRESSED ->
          "Too few people (under 10 in this group or the comparison group) to give a ratio.";
      case SmallNumbers.RATE_SUPPRESSED -> "Too few people to give a rate.";
      case SmallNumbers.SUPPRESSED ->
          "Not shown: a small number that could identify people, or a number that would let a"
              + " reader work one out.";
      default -> "";
    };
  }

  /** A series break code in words. */
  static String seriesBreak(String code) {
    return switch (code) {
      case "submission_change" -> "months missing";
      case "denominator_source" -> "population source changed";
      case "ethnicity_code_list" -> "ethnicity code list changed";
      default -> code.replace('_', ' ');
    };
  }

  /** A funnel position in words. */
  static String funnel(String position) {
    return switch (position) {
      case "above_99.8" -> "Well above the force (beyond 99.8% limits)";
      case "above_95" -> "Above the force (beyond 95% limits)";
      case "within" -> "Within the force's range";
      case "below_95" -> "Below the force (beyond 95% limits)";
      case "below_99.8" -> "Well below the force (beyond 99.8% limits)";
      default -> "";
    };
  }

  /** An outcome measure in words. */
  public static String measure(String measure) {
    return MEASURES.getOrDefault(measure, measure.replace('_', ' '));
  }

  private static final Map<String, String> MEASURES =
      Map.ofEntries(
          Map.entry("arrest_rate", "Searches ending in arrest"),
          Map.entry("linked_find_rate", "Searches finding what was searched for"),
          Map.entry("any_action_rate", "Searches with any further action"),
          Map.entry("strip_search_rate", "Strip searches"),
          Map.entry("detention_authorised_rate", "Detentions authorised"),
          Map.entry("charged_share", "Charged"),
          Map.entry("subject_injury_rate", "Subject injured"),
          Map.entry("paid_rate", "Notices paid"));

  /** A code in a column name turned into words ("rate_per_1000" to "Rate per 1,000"). */
  static String column(String name) {
    String label = COLUMNS.get(name);
    if (label != null) {
      return label;
    }
    String words = name.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static final Map<String, String> COLUMNS =
      Map.ofEntries(
          Map.entry("power", "Power"),
          Map.entry("basis", "Counted by place of"),
          Map.entry("period_type", "Period type"),
          Map.entry("period", "Period"),
          Map.entry("period_complete", "All months submitted"),
          Map.entry("geography_level", "Area type"),
          Map.entry("area_code", "Area code (ONS)"),
          Map.entry("area_name", "Area"),
          Map.entry("force", "Force"),
          Map.entry("ethnic_group", "Ethnic group"),
          Map.entry("events", "Number of events"),
          Map.entry("population", "Residents (Census)"),
          Map.entry("rate_per_1000", "Rate per 1,000 residents"),
          Map.entry("rate_ci_low", "Rate: interval, low"),
          Map.entry("rate_ci_high", "Rate: interval, high"),
          Map.entry("ratio", "Ratio to reference group"),
          Map.entry("ratio_ci_low", "Ratio: interval, low"),
          Map.entry("ratio_ci_high", "Ratio: interval, high"),
          Map.entry("flag", "Small-number flag"),
          Map.entry("measure", "Measure"),
          Map.entry("numerator", "Number"),
          Map.entry("denominator", "Out of"),
          Map.entry("rate", "Rate (share)"));
}
