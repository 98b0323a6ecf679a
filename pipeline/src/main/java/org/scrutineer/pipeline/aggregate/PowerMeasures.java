package org.scrutineer.pipeline.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.scrutineer.pipeline.aggregate.EventCounts.is;
import static org.scrutineer.pipeline.aggregate.EventCounts.isTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.standardize.Records;

/**
 * The counts every power is measured by, and the rates built from them. One table of definitions
 * for all four powers: {@link EventCounts} counts each condition once over the records, and the
 * {@code outcomes} table computes each {@link Ratio} per cell and ethnic group.
 *
 * <p>Event units: a stop-and-search person search, a use-of-force subject-incident (see {@link
 * EventUnits}), a custody detention record, a fixed penalty notice.
 */
public final class PowerMeasures {
  public static final String RECORDS = Columns.RECORDS;
  public static final String EVENTS = "events";

  /** Custody detention records: the arrests brought into custody. */
  public static final String DETAINED = "detained";

  public static final String STRIP_SEARCHED = "strip_searched";
  public static final String CHARGED = "charged";

  /** The steps of the use-of-force severity ladder, lowest first (step 1 to 6). */
  public static final List<String> LADDER =
      List.of("restraint", "physical", "weapon_drawn", "weapon_aimed", "weapon_used", "discharged");

  /** Custody disposals reported as shares. */
  public static final List<String> DISPOSALS =
      List.of(
          "charged",
          "cautioned",
          "community_resolution",
          "no_further_action",
          "released_under_investigation",
          "bail");

  /** How a ratio's interval is computed. */
  public enum Kind {
    /** A share of the denominator: Wilson interval; ratio to the reference by Katz log. */
    PROPORTION,
    /**
     * Events per unit of another count that need not contain them: exact Poisson interval with the
     * denominator as exposure; ratio by the exact conditional method.
     */
    RATE
  }

  /**
   * One rate the {@code outcomes} table reports.
   *
   * @param power the power whose cells carry it
   * @param name the value of the {@code measure} column
   * @param numerator the count measure on top
   * @param denominator the count measure below
   * @param denominatorPower the power whose cell holds the denominator (the same power, except use
   *     of force per 100 arrests, which divides by custody detentions)
   * @param kind how its intervals are computed
   * @param description what it means, for the documentation
   */
  public record Ratio(
      Power power,
      String name,
      String numerator,
      String denominator,
      Power denominatorPower,
      Kind kind,
      String description) {}

  /** Every rate of the {@code outcomes} table, power by power. */
  public static final List<Ratio> RATIOS = ratios();

  private PowerMeasures() {}

  /**
   * A power's count measures with the record condition each counts, to be evaluated on that power's
   * rows only: {@code records}, {@code events} and the power's own counts (file rows never match).
   */
  static Map<String, Column> conditions(Power power) {
    Map<String, Column> m = new LinkedHashMap<>();
    Column counted = col(EventUnits.COUNTED);
    m.put(RECORDS, col(Columns.RECORD_TYPE).equalTo("record"));
    m.put(EVENTS, counted);
    switch (power) {
      case STOP_SEARCH -> stopSearch(m, counted);
      case USE_OF_FORCE -> useOfForce(m, counted);
      case CUSTODY -> custody(m, counted);
      case FPN -> fpn(m, counted);
      default -> throw new IllegalStateException(power.code());
    }
    if (power.format().has(Columns.SELF_DEFINED_ETHNICITY)) {
      m.putAll(EthnicityCodeLists.conditions());
    }
    m.putAll(Strata.conditions(power, counted));
    return Collections.unmodifiableMap(m);
  }

  private static void stopSearch(Map<String, Column> m, Column counted) {
    Column ss = is(Power.STOP_SEARCH).and(counted);
    m.put("arrests", ss.and(col(Columns.ARREST)));
    m.put("outcome_known", ss.and(col(Columns.OUTCOME_KNOWN)));
    m.put("any_action", ss.and(col(Columns.ANY_ACTION)));
    m.put("link_known", ss.and(col(Columns.LINK_KNOWN)));
    m.put("linked_finds", ss.and(col(Columns.LINKED_FIND)));
    m.put("strip_known", ss.and(col(Columns.REMOVAL_OF_CLOTHING).isNotNull()));
    m.put("strip_searches", ss.and(isTrue(Columns.REMOVAL_OF_CLOTHING)));
  }

  private static void useOfForce(Map<String, Column> m, Column counted) {
    Column uof = is(Power.USE_OF_FORCE).and(counted);
    m.put("tactic_known", uof.and(col(EventUnits.UNIT_STEP).isNotNull()));
    for (int step = 1; step <= LADDER.size(); step++) {
      m.put(reached(step), uof.and(col(EventUnits.UNIT_STEP).geq(step)));
    }
    m.put("injury_known", uof.and(col(EventUnits.UNIT_INJURY_KNOWN)));
    m.put("subject_injured", uof.and(col(EventUnits.UNIT_INJURED)));
  }

  private static void custody(Map<String, Column> m, Column counted) {
    Column custody = is(Power.CUSTODY).and(counted);
    Column strip = custody.and(isTrue(Columns.STRIP_SEARCHED));
    Column child = custody.and(col(Columns.CHILD));
    Column childStrip = strip.and(col(Columns.CHILD));
    m.put(DETAINED, custody.and(col(Columns.DETENTION_AUTHORISED).isNotNull()));
    m.put("strip_search_known", custody.and(col(Columns.STRIP_SEARCHED).isNotNull()));
    m.put(STRIP_SEARCHED, strip);
    m.put("strip_find_known", strip.and(col(Columns.STRIP_SEARCH_ITEM_FOUND).isNotNull()));
    m.put("strip_finds", strip.and(isTrue(Columns.STRIP_SEARCH_ITEM_FOUND)));
    m.put("children", child);
    m.put("children_strip_searched", childStrip);
    m.put("children_strip_aa_known", childStrip.and(col(Columns.AA_PRESENT).isNotNull()));
    m.put(
        "children_strip_without_aa",
        childStrip.and(lower(col(Columns.AA_PRESENT)).equalTo(lit("false"))));
    m.put("force_used_known", custody.and(col(Columns.FORCE_USED).isNotNull()));
    m.put("force_used", custody.and(isTrue(Columns.FORCE_USED)));
    m.put("duration_known", custody.and(col(Columns.DURATION_HOURS).isNotNull()));
    Column disposal = lower(col(Columns.DISPOSAL));
    List<String> allDisposals = new ArrayList<>(DISPOSALS);
    allDisposals.add("other");
    m.put("disposal_known", custody.and(disposal.isin(allDisposals.toArray())));
    for (String code : DISPOSALS) {
      m.put(code, custody.and(disposal.equalTo(lit(code))));
    }
  }

  private static void fpn(Map<String, Column> m, Column counted) {
    Column fpn = is(Power.FPN).and(counted);
    Column home = col(Columns.HOME_STATUS);
    m.put("home_known", fpn.and(home.isin(Records.RESIDENT, Records.VISITOR)));
    m.put("visitors", fpn.and(home.equalTo(lit(Records.VISITOR))));
    m.put("recipients", fpn.and(col(EventUnits.FIRST_NOTICE)));
    m.put(
        "repeat_recipients",
        fpn.and(col(EventUnits.FIRST_NOTICE)).and(col(EventUnits.REPEAT_RECIPIENT)));
    m.put("paid_known", fpn.and(col(Columns.PAID).isNotNull()));
    m.put("paid", fpn.and(isTrue(Columns.PAID)));
  }

  /** The count of subject-incidents reaching a ladder step (1-based). */
  public static String reached(int step) {
    return "reached_" + LADDER.get(step - 1);
  }

  private static List<Ratio> ratios() {
    List<Ratio> r = new ArrayList<>();
    Power ss = Power.STOP_SEARCH;
    r.add(share(ss, "arrest_rate", "arrests", EVENTS, "Person searches ending in arrest."));
    r.add(
        share(
            ss,
            "any_action_rate",
            "any_action",
            "outcome_known",
            "Searches with an outcome other than no further action, of those with a known"
                + " outcome (blank is unknown, never no further action)."));
    r.add(
        share(
            ss,
            "linked_find_rate",
            "linked_finds",
            "link_known",
            "The find rate: searches whose outcome was linked to the object searched for, of those"
                + " with the link recorded."));
    r.add(
        share(
            ss,
            "strip_search_rate",
            "strip_searches",
            "strip_known",
            "Person searches with more than outer clothing removed, of those recorded."));

    Power uof = Power.USE_OF_FORCE;
    r.add(
        new Ratio(
            uof,
            "per_arrest",
            EVENTS,
            EVENTS,
            Power.CUSTODY,
            Kind.RATE,
            "Subject-incidents per custody detention (arrest) of the same group in the same cell"
                + " (x100 = per 100 arrests); perceived ethnicity over custody's self-defined."));
    for (int step = 1; step <= LADDER.size(); step++) {
      r.add(
          share(
              uof,
              reached(step) + "_share",
              reached(step),
              "tactic_known",
              "Subject-incidents reaching ladder step "
                  + step
                  + " ("
                  + LADDER.get(step - 1)
                  + ") or higher, of those with a tactic recorded."));
    }
    r.add(
        share(
            uof,
            "subject_injury_rate",
            "subject_injured",
            "injury_known",
            "Subject-incidents with the subject injured, of those with injury recorded."));

    Power custody = Power.CUSTODY;
    r.add(
        share(
            custody,
            "detention_authorised_rate",
            DETAINED,
            EVENTS,
            "Arrests brought to custody whose detention was authorised."));
    r.add(
        share(
            custody,
            "strip_search_rate",
            STRIP_SEARCHED,
            "strip_search_known",
            "Detentions with a strip search (x100 = per 100 detentions), of those recorded."));
    r.add(
        share(
            custody,
            "strip_find_rate",
            "strip_finds",
            "strip_find_known",
            "Strip searches that found an item, of those with the result recorded."));
    r.add(
        share(
            custody,
            "child_strip_search_rate",
            "children_strip_searched",
            "children",
            "Detentions of children (under 18) with a strip search."));
    r.add(
        share(
            custody,
            "child_strip_without_aa_share",
            "children_strip_without_aa",
            "children_strip_aa_known",
            "Strip searches of children without an appropriate adult present, of those with"
                + " presence recorded."));
    r.add(
        share(
            custody,
            "force_used_rate",
            "force_used",
            "force_used_known",
            "Detentions with force used in custody."));
    for (String code : DISPOSALS) {
      r.add(
          share(
              custody,
              code + "_share",
              code,
              "disposal_known",
              "Detentions ending " + code.replace('_', ' ') + ", of those with a disposal."));
    }

    Power fpn = Power.FPN;
    r.add(
        share(
            fpn,
            "visitor_share",
            "visitors",
            "home_known",
            "Notices to people whose home is outside the force area, of those with a known home."));
    r.add(
        share(
            fpn,
            "repeat_recipient_share",
            "repeat_recipients",
            "recipients",
            "Recipients (by person_id, in the cell of their first notice) given more than one"
                + " notice in the run."));
    r.add(share(fpn, "paid_rate", "paid", "paid_known", "Notices paid, of those recorded."));
    return List.copyOf(r);
  }

  private static Ratio share(
      Power power, String name, String numerator, String denominator, String description) {
    return new Ratio(power, name, numerator, denominator, power, Kind.PROPORTION, description);
  }
}
