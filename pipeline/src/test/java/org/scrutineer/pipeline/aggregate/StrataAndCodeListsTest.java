package org.scrutineer.pipeline.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.SparkTestBase;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.PeriodType;
import org.scrutineer.pipeline.schema.Power;

/** Records into age and sex strata, and self-defined values into code lists, through Spark. */
class StrataAndCodeListsTest extends SparkTestBase {
  private static final StructType SCHEMA =
      new StructType()
          .add(Columns.RECORD_TYPE, DataTypes.StringType)
          .add(EventUnits.COUNTED, DataTypes.BooleanType)
          .add(Columns.AGE_RANGE, DataTypes.StringType)
          .add(Columns.AGE, DataTypes.StringType)
          .add(Columns.GENDER, DataTypes.StringType)
          .add(Columns.SELF_DEFINED_ETHNICITY, DataTypes.StringType);

  @Test
  void stopSearchBandsFallInTheirHarmonisedStrata() {
    Map<String, Long> counts =
        count(
            Strata.conditions(Power.STOP_SEARCH, col(EventUnits.COUNTED)),
            List.of(
                record("under 10", null, "Female", true),
                record("10-17", null, "Female", true),
                record("18-24", null, "Male", true),
                record("25-34", null, "Male", true),
                record("over 34", null, "Female", true),
                // Not counted (a vehicle search), another gender, no age: in no stratum.
                record("18-24", null, "Male", false),
                record("18-24", null, "Other", true),
                record(null, null, "Male", true)));
    assertThat(counts)
        .containsEntry("std_female_0", 2L)
        .containsEntry("std_female_1", 0L)
        .containsEntry("std_female_2", 1L)
        .containsEntry("std_male_0", 1L)
        .containsEntry("std_male_1", 1L)
        .containsEntry("std_male_2", 0L);
  }

  @Test
  void custodyAgesInYearsUseTheirOwnCuts() {
    Map<String, Long> counts =
        count(
            Strata.conditions(Power.CUSTODY, col(EventUnits.COUNTED)),
            List.of(
                record(null, "17", "Male", true),
                record(null, "18", "Male", true),
                record(null, "34", "Male", true),
                record(null, "35", "Male", true),
                record(null, "x", "Male", true)));
    assertThat(counts)
        .containsEntry("std_male_0", 1L)
        .containsEntry("std_male_1", 1L)
        .containsEntry("std_male_2", 1L)
        .containsEntry("std_male_3", 1L);
    assertThat(Strata.label(Power.CUSTODY)).isEqualTo("female/male x <18, 18-24, 25-34, 35+");
  }

  @Test
  void codeListMarkersAreCountedByList() {
    Map<String, Long> counts =
        count(
            EthnicityCodeLists.conditions(),
            List.of(
                ethnicity("Other ethnic group - Chinese"),
                ethnicity("Asian/Asian British - Chinese"),
                ethnicity("White - Gypsy or Irish Traveller"),
                ethnicity("Mixed - Any other (A4)"),
                ethnicity("White - Roma"),
                ethnicity("White - English/Welsh/Scottish/Northern Irish/British")));
    assertThat(counts)
        .containsEntry("code_list_2001", 1L)
        .containsEntry("code_list_2011", 3L)
        .containsEntry("code_list_2021", 1L);
  }

  @Test
  void rollingWindowsListTheirMonths() {
    assertThat(Periods.rollingYear(YearMonth.of(2021, 6))).isEqualTo("2020-07/2021-06");
    assertThat(Periods.months(PeriodType.ROLLING_YEAR, "2020-07/2021-06"))
        .hasSize(12)
        .startsWith(YearMonth.of(2020, 7))
        .endsWith(YearMonth.of(2021, 6));
    assertThat(Periods.months(PeriodType.FINANCIAL_YEAR, "2020-21"))
        .startsWith(YearMonth.of(2020, 4))
        .endsWith(YearMonth.of(2021, 3));
  }

  private static Row record(String band, String age, String gender, boolean counted) {
    return RowFactory.create("record", counted, band, age, gender, null);
  }

  private static Row ethnicity(String value) {
    return RowFactory.create("record", true, null, null, null, value);
  }

  private static Map<String, Long> count(Map<String, Column> conditions, List<Row> rows) {
    Dataset<Row> data = spark.createDataFrame(rows, SCHEMA);
    List<Column> sums = new ArrayList<>();
    conditions.forEach((name, c) -> sums.add(sum(when(c, 1L).otherwise(0L)).as(name)));
    Row row = data.agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0])).first();
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    conditions.keySet().forEach(name -> out.put(name, row.<Long>getAs(name)));
    return out;
  }
}
