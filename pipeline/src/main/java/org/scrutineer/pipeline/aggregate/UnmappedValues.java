package org.scrutineer.pipeline.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.reference.FieldStatus;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.FieldType;
import org.scrutineer.pipeline.schema.MissingField;

/**
 * Lists the distinct values of coded fields that no code list recognises, with their counts, so a
 * new label is reported (and gated) rather than guessed.
 */
public final class UnmappedValues {
  /** The coded fields of every power (code lists, single or several codes). */
  private static final List<String> CODED =
      MissingField.ALL.stream()
          .filter(
              f -> {
                FieldType type =
                    f.power().format().field(f.field()) == null
                        ? null
                        : f.power().format().field(f.field()).type();
                return type == FieldType.CODE || type == FieldType.CODES;
              })
          .map(MissingField::field)
          .distinct()
          .toList();

  /** The {@code EventCounts} columns counting unmapped values of these fields. */
  public static final List<String> FIELDS =
      CODED.stream()
          .map(
              f ->
                  org.scrutineer.pipeline.aggregate.EventCounts.missingColumn(
                      f, FieldStatus.UNMAPPED))
          .toList();

  /**
   * One unmapped value.
   *
   * @param power the power of the records
   * @param field the field
   * @param value the value as recorded
   * @param count records carrying it
   */
  public record Value(String power, String field, String value, long count) {}

  private UnmappedValues() {}

  /**
   * Collects the unmapped values of {@code records} (standardised, accepted), most common first.
   */
  public static List<Value> collect(Dataset<Row> records) {
    Dataset<Row> all = null;
    for (String field : CODED) {
      Dataset<Row> values =
          records
              .where(col(MissingField.statusColumn(field)).equalTo(FieldStatus.UNMAPPED.code()))
              .select(col(Columns.POWER), lit(field).as("field"), col(field).as("value"));
      all = all == null ? values : all.unionAll(values);
    }
    List<Value> found = new ArrayList<>();
    for (Row row :
        all.groupBy("power", "field", "value")
            .agg(count(lit(1)).as("n"))
            .orderBy(desc("n"), col(Columns.POWER), col("field"), col("value"))
            .collectAsList()) {
      found.add(new Value(row.getString(0), row.getString(1), row.getString(2), row.getLong(3)));
    }
    return found;
  }
}
