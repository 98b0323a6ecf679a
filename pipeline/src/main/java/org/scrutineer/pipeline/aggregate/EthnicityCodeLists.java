package org.scrutineer.pipeline.aggregate;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.standardize.Records;

/**
 * The self-defined ethnicity code lists a force's records show, told apart by the values only one
 * list has. The 2001 Census list (16+1) put Chinese in "Chinese or other ethnic group", so a change
 * to the 2011 list (18+1: Chinese under Asian, Gypsy or Irish Traveller, Arab) moves people between
 * the Asian and Other broad groups; the 2021 list (19+1, PACE Code A 2023) adds Roma. Values common
 * to every list (most of them) say nothing, so a force's list is the newest one whose markers have
 * appeared in its records up to a period: see {@code SeriesBreaks}.
 */
public final class EthnicityCodeLists {
  /** The lists, oldest first, with the lower-case values (labels or codes) only each one has. */
  public static final Map<String, List<String>> MARKERS = markers();

  private EthnicityCodeLists() {}

  private static Map<String, List<String>> markers() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(
        "2001",
        List.of(
            "chinese or other ethnic group - chinese",
            "chinese or other ethnic group - any other ethnic group",
            "other ethnic group - chinese"));
    m.put(
        "2011",
        List.of(
            "w3",
            "a4",
            "o2",
            "white - gypsy or irish traveller",
            "asian/asian british - chinese",
            "other ethnic group - arab"));
    m.put("2021", List.of("w4", "white - roma"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The count measure of records showing a list's markers, e.g. {@code code_list_2011}. */
  public static String measure(String list) {
    return "code_list_" + list;
  }

  /** The conditions of the code-list measures: records whose self-defined value is a marker. */
  static Map<String, Column> conditions() {
    Column key = Records.ethnicityKey(col(Columns.SELF_DEFINED_ETHNICITY));
    Column isRecord = col(Columns.RECORD_TYPE).equalTo("record");
    Map<String, Column> conditions = new LinkedHashMap<>();
    MARKERS.forEach(
        (list, values) -> conditions.put(measure(list), isRecord.and(key.isin(values.toArray()))));
    return conditions;
  }
}
