package org.scrutineer.pipeline.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.standardize.Records;

/**
 * The age and sex strata of direct standardisation, per power. Each power's age strata start at cut
 * points that fall on the edges of its own recorded age bands, so that a record's band always lies
 * inside one stratum (METHODS.md section 4.1 harmonisation): stop and search records bands under
 * 10, 10-17, 18-24, 25-34, over 34, harmonised to under 25, 25-34, 35 and over (as searchlight);
 * use of force records 0-10, 11-17, 18-34, 35-49, ..., harmonised to under 18, 18-34, 35 and over;
 * custody and FPN record the age in years, standardised in under 18, 18-24, 25-34, 35 and over. Sex
 * is female or male; records of another or unknown gender or age are in no stratum and are left out
 * of the standardised rate (the share left in is reported).
 *
 * <p>A population's age bands must each lie inside one stratum of the power (Census RM032 bands
 * 0-15, 16-24, 25-34, 35-49, 50-64, 65+ nest in the stop-and-search strata but not in the use of
 * force ones, whose 18 cuts 16-24): otherwise the power gets no standardised rates.
 */
public final class Strata {
  /** The recorded sexes, in stratum order. */
  public static final List<String> SEXES = List.of("female", "male");

  /** The first age of each recorded band. */
  private static final Map<String, String> BAND_STARTS =
      Map.ofEntries(
          Map.entry("under 10", "0"),
          Map.entry("10-17", "10"),
          Map.entry("18-24", "18"),
          Map.entry("25-34", "25"),
          Map.entry("over 34", "35"),
          Map.entry("0-10", "0"),
          Map.entry("11-17", "11"),
          Map.entry("18-34", "18"),
          Map.entry("35-49", "35"),
          Map.entry("50-64", "50"),
          Map.entry("65 and over", "65"));

  private Strata() {}

  /** The ages at which each power's next age stratum starts. */
  public static int[] cuts(Power power) {
    return switch (power) {
      case STOP_SEARCH -> new int[] {25, 35};
      case USE_OF_FORCE -> new int[] {18, 35};
      case CUSTODY, FPN -> new int[] {18, 25, 35};
    };
  }

  /** A readable label of a power's strata, e.g. {@code female/male x <25, 25-34, 35+}. */
  public static String label(Power power) {
    int[] cuts = cuts(power);
    List<String> ages = new ArrayList<>();
    ages.add("<" + cuts[0]);
    for (int i = 1; i < cuts.length; i++) {
      ages.add(cuts[i - 1] + "-" + (cuts[i] - 1));
    }
    ages.add(cuts[cuts.length - 1] + "+");
    return "female/male x " + String.join(", ", ages);
  }

  /** The count measure of stratum ({@code sex}, {@code age}), e.g. {@code std_male_1}. */
  public static String measure(String sex, int age) {
    return "std_" + sex + "_" + age;
  }

  /** Every stratum's measure name for a power, sex by sex, youngest first. */
  public static List<String> measures(Power power) {
    List<String> names = new ArrayList<>();
    for (String sex : SEXES) {
      for (int age = 0; age <= cuts(power).length; age++) {
        names.add(measure(sex, age));
      }
    }
    return names;
  }

  /** The conditions of {@link #measures}: the counted events of each stratum. */
  static Map<String, Column> conditions(Power power, Column counted) {
    Column years = col(Columns.AGE).try_cast(DataTypes.IntegerType);
    Column bandStart =
        try_element_at(Records.mapLiteral(BAND_STARTS), lower(col(Columns.AGE_RANGE)))
            .cast(DataTypes.IntegerType);
    Column start = power.format().has(Columns.AGE) ? years : bandStart;
    int[] cuts = cuts(power);
    Column stratum = lit(cuts.length);
    for (int i = cuts.length - 1; i >= 0; i--) {
      stratum = when(start.lt(cuts[i]), lit(i)).otherwise(stratum);
    }
    stratum = when(start.isNotNull(), stratum);
    Column sex = lower(col(Columns.GENDER));
    Map<String, Column> conditions = new LinkedHashMap<>();
    for (String s : SEXES) {
      for (int age = 0; age <= cuts.length; age++) {
        conditions.put(
            measure(s, age), counted.and(sex.equalTo(lit(s))).and(stratum.equalTo(lit(age))));
      }
    }
    return conditions;
  }
}
