package org.scrutineer.pipeline.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.SparkTestBase;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Columns;

/** The canonical rules and mappings, one record per case. */
class RecordsTest extends SparkTestBase {
  private static final ForceRegistry REGISTRY = ForceRegistry.builtIn();

  @Test
  void policeUkSelfDefinedLabelsMapToTheFiveGroupsAndNotStatedIsUnknown() {
    Map<String, String[]> cases =
        Map.of(
            "White - English/Welsh/Scottish/Northern Irish/British",
                new String[] {"White", "valid"},
            "Asian/Asian British - Chinese", new String[] {"Asian", "valid"},
            "Black/African/Caribbean/Black British - Caribbean", new String[] {"Black", "valid"},
            "Mixed/Multiple ethnic groups - White and Black Caribbean",
                new String[] {"Mixed", "valid"},
            "Other ethnic group - Arab", new String[] {"Other", "valid"},
            "Other ethnic group - Not stated", new String[] {"Unknown", "not_stated"},
            "White - White British (W1)", new String[] {"White", "valid"},
            "other ethnic group - any other ethnic group (O9)", new String[] {"Other", "valid"},
            "White - Cornish", new String[] {"Unknown", "unmapped"});
    cases.forEach(
        (label, expected) -> {
          Row row = standardize(record(Map.of(Columns.SELF_DEFINED_ETHNICITY, label)));
          assertThat(row.<String>getAs(Columns.ETHNIC_GROUP)).as(label).isEqualTo(expected[0]);
          assertThat(row.<String>getAs("self_defined_ethnicity_status"))
              .as(label)
              .isEqualTo(expected[1]);
        });
  }

  @Test
  void selfDefinedCodesOfEveryVintageMapByBroadGroup() {
    Map<String, String> codes =
        Map.of(
            "W3", "White", "W4", "White", "A4", "Asian", "O1", "Other", "O2", "Other", "B9",
            "Black", "M9", "Mixed", "NS", "Unknown");
    codes.forEach(
        (code, group) ->
            assertThat(
                    standardize(record(Map.of(Columns.SELF_DEFINED_ETHNICITY, code)))
                        .<String>getAs(Columns.ETHNIC_GROUP))
                .as(code)
                .isEqualTo(group));
  }

  @Test
  void blankEthnicityIsBlankNotNotStated() {
    Row row = standardize(record(Map.of()));
    assertThat(row.<String>getAs(Columns.ETHNIC_GROUP)).isEqualTo("Unknown");
    assertThat(row.<String>getAs("self_defined_ethnicity_status")).isEqualTo("blank");
  }

  @Test
  void officerDefinedValuesAndIcCodes() {
    Map<String, String> values =
        Map.of("White", "White", "Mixed", "Mixed", "IC3", "Black", "IC5", "Asian", "IC6", "Other");
    values.forEach(
        (value, group) ->
            assertThat(
                    standardize(record(Map.of(Columns.OFFICER_DEFINED_ETHNICITY, value)))
                        .<String>getAs(Columns.OFFICER_ETHNIC_GROUP))
                .as(value)
                .isEqualTo(group));
  }

  @Test
  void outcomesClassifyAndBlankIsUnknownNeverNoFurtherAction() {
    Row arrest =
        standardize(
            record(Map.of(Columns.OUTCOME, "Suspect arrested", Columns.OUTCOME_LINKED, "True")));
    Row nfa = standardize(record(Map.of(Columns.OUTCOME, "A no further action disposal")));
    Row blank = standardize(record(Map.of()));
    assertThat(arrest.<Boolean>getAs(Columns.ARREST)).isTrue();
    assertThat(arrest.<Boolean>getAs(Columns.LINKED_FIND)).isTrue();
    assertThat(nfa.<Boolean>getAs(Columns.OUTCOME_KNOWN)).isTrue();
    assertThat(nfa.<Boolean>getAs(Columns.ANY_ACTION)).isFalse();
    assertThat(blank.<Boolean>getAs(Columns.OUTCOME_KNOWN)).isFalse();
    assertThat(blank.<String>getAs("outcome_status")).isEqualTo("blank");
  }

  @Test
  void vehicleOnlySearchIsNotAPersonSearch() {
    assertThat(
            standardize(record(Map.of(Columns.TYPE, "Vehicle search")))
                .<Boolean>getAs(Columns.PERSON_SEARCH))
        .isFalse();
    assertThat(
            standardize(record(Map.of(Columns.TYPE, "Person and Vehicle search")))
                .<Boolean>getAs(Columns.PERSON_SEARCH))
        .isTrue();
  }

  @Test
  void eachCanonicalRuleRejectsWithItsReasonAndDetail() {
    Map<String, Map<String, String>> cases =
        Map.of(
            "MISSING_REQUIRED", Map.of(Columns.TYPE, ""),
            "INVALID_TYPE", Map.of(Columns.TYPE, "Foot search"),
            "INVALID_COORDINATES", Map.of(Columns.LATITUDE, "51.5"),
            "INVALID_BOOLEAN", Map.of(Columns.REMOVAL_OF_CLOTHING, "Yes"),
            "INVALID_DISTRICT", Map.of(Columns.DISTRICT, "Hampshire"));
    cases.forEach(
        (reason, fields) -> {
          Row row = standardize(record(fields));
          assertThat(row.<String>getAs(Columns.REJECT_REASON)).as(reason).isEqualTo(reason);
          assertThat(row.<String>getAs(Columns.REJECT_DETAIL)).as(reason).isNotBlank();
        });
    Row outOfRange =
        standardize(record(Map.of(Columns.LATITUDE, "95.0", Columns.LONGITUDE, "1.0")));
    assertThat(outOfRange.<String>getAs(Columns.REJECT_REASON)).isEqualTo("INVALID_COORDINATES");
    Row notNumber = standardize(record(Map.of(Columns.LATITUDE, "53.x", Columns.LONGITUDE, "1.0")));
    assertThat(notNumber.<String>getAs(Columns.REJECT_REASON)).isEqualTo("INVALID_COORDINATES");
  }

  @Test
  void aValidRecordIsAcceptedWithEveryFieldStatus() {
    Row row =
        standardize(
            record(
                Map.of(
                    Columns.LATITUDE,
                    "53.1",
                    Columns.LONGITUDE,
                    "-1.2",
                    Columns.GENDER,
                    "Male",
                    Columns.AGE_RANGE,
                    "18-24",
                    Columns.DISTRICT,
                    "E06000001")));
    assertThat(row.<String>getAs(Columns.REJECT_REASON)).isNull();
    assertThat(row.<String>getAs("gender_status")).isEqualTo("valid");
    assertThat(row.<String>getAs("location_status")).isEqualTo("valid");
    assertThat(row.<String>getAs(Columns.FORCE_CODE)).isEqualTo("E23000032");
    assertThat(row.<Object>getAs(Columns.RAW_TEXT)).isNull();
  }

  private static Row standardize(Row raw) {
    Dataset<Row> data = spark.createDataFrame(List.of(raw), RawSchema.SCHEMA);
    return Records.standardize(data, REGISTRY).collectAsList().get(0);
  }

  /** A valid Kent person search, with {@code fields} set (an empty value means null). */
  private static Row record(Map<String, String> fields) {
    Object[] values = new Object[RawSchema.SCHEMA.size()];
    values[RawSchema.index(Columns.FILE_INDEX)] = 0;
    values[RawSchema.index(Columns.RECORD_TYPE)] = RawSchema.RECORD;
    values[RawSchema.index(Columns.POWER)] = "stop_search";
    values[RawSchema.index(Columns.LINE_NUMBER)] = 2L;
    values[RawSchema.index(Columns.RAW_TEXT)] = "raw";
    values[RawSchema.index(Columns.FORCE)] = "kent";
    values[RawSchema.index(Columns.MONTH)] = "2020-06";
    values[RawSchema.index(Columns.TYPE)] = "Person search";
    values[RawSchema.index(Columns.DATE)] = "2020-06-01T10:00:00Z";
    List<String> names = new ArrayList<>(fields.keySet());
    for (String name : names) {
      String v = fields.get(name);
      values[RawSchema.index(name)] = v.isEmpty() ? null : v;
    }
    return RowFactory.create(values);
  }
}
