package org.scrutineer.pipeline.tables;

import static org.scrutineer.pipeline.aggregate.EventCounts.RECORDS;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.reference.FieldStatus;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.MissingField;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.RowBuilder;

/**
 * Builds the {@code missing_data} table on the driver: for each place-of-event cell and each {@link
 * MissingField} of its power, the records in scope and how many were blank, not stated (kept apart
 * from blank) or unmapped (schema: {@link OutputSchemas#MISSING_DATA_SCHEMA}). Rates are null for a
 * cell with no records in scope.
 */
public final class MissingDataTable {
  private MissingDataTable() {}

  /** Builds the rows. */
  public static List<Row> build(List<Cell> cells, CellCounts counts) {
    List<Row> rows = new ArrayList<>();
    for (Cell cell : cells) {
      if (!cell.basis().equals(Basis.PLACE_OF_EVENT)) {
        continue;
      }
      Cell.Key key = cell.key();
      for (MissingField field : MissingField.of(Power.fromCode(cell.power()))) {
        long records = counts.total(key, field.personOnly() ? EventCounts.EVENTS : RECORDS);
        String name = field.field();
        long blank = counts.total(key, EventCounts.missingColumn(name, FieldStatus.BLANK));
        long notStated = counts.total(key, EventCounts.missingColumn(name, FieldStatus.NOT_STATED));
        long unmapped = counts.total(key, EventCounts.missingColumn(name, FieldStatus.UNMAPPED));
        long missing = blank + notStated + unmapped;
        rows.add(
            cell.columns(new RowBuilder(OutputSchemas.MISSING_DATA_SCHEMA))
                .set("field", field.field())
                .set("scope", field.scope())
                .set(Columns.RECORDS, records)
                .set("blank", blank)
                .set("not_stated", notStated)
                .set("unmapped", unmapped)
                .set("missing", missing)
                .set("missing_rate", rate(missing, records))
                .set("blank_rate", rate(blank, records))
                .set("not_stated_rate", rate(notStated, records))
                .build());
      }
    }
    return rows;
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
