package org.scrutineer.pipeline.schema;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

/** Builds a {@link Row} of a fixed schema by column name, so builders cannot misplace a value. */
public final class RowBuilder {
  private final StructType schema;
  private final Object[] values;

  public RowBuilder(StructType schema) {
    this.schema = schema;
    this.values = new Object[schema.size()];
  }

  /** A builder holding a copy of {@code row}'s values, to change some of them. */
  public static RowBuilder copyOf(Row row) {
    RowBuilder builder = new RowBuilder(row.schema());
    for (int i = 0; i < builder.values.length; i++) {
      builder.values[i] = row.get(i);
    }
    return builder;
  }

  public RowBuilder set(String column, Object value) {
    values[schema.fieldIndex(column)] = value;
    return this;
  }

  /** The row, carrying its schema so it can be read by column name. */
  public Row build() {
    return new GenericRowWithSchema(values.clone(), schema);
  }
}
