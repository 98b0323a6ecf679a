package org.scrutineer.pipeline.output;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.scrutineer.pipeline.disclosure.PanelTables;
import org.scrutineer.pipeline.io.CsvFormat;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.tables.ForceStatistics;
import org.scrutineer.pipeline.tables.QValues;

/**
 * Writes the tables {@link ForceStatistics} computed: the Benjamini-Hochberg q-values of the whole
 * family joined in ({@link QValues}), each table as Parquet (partitioned by power, and by period
 * type for the two large ones) and every table's CSV files, one per force and table, in one
 * parallel pass ({@code csv/<table>/<force>.csv}, and the panel tables' {@code
 * panel/<table>/<force>.csv}), rows in each force's build order.
 */
public final class StatisticsWriter {
  /** The p-value column of each table whose tests form the family, in table order. */
  static final Map<String, String> P_VALUES = pValues();

  /** The Parquet partition columns of the large tables (others: by power). */
  private static final Map<String, List<String>> PARTITIONS =
      Map.of(
          OutputSchemas.DISPROPORTIONALITY, List.of(Columns.POWER, Columns.PERIOD_TYPE),
          OutputSchemas.OUTCOMES, List.of(Columns.POWER, Columns.PERIOD_TYPE));

  /** The panel tables' folders. */
  public static final String PANEL = "panel";

  private static final String P_ROW = "_p_row";
  private static final String LINE = "_line";

  private StatisticsWriter() {}

  /**
   * Writes every table of {@code computed} ({@link ForceStatistics#SCHEMA}).
   *
   * @return what was written, table by table (the panel tables as one entry each, CSV only)
   */
  public static List<TableWriter.Written> write(TableWriter writer, Dataset<Row> computed) {
    List<Column> pValues = new ArrayList<>();
    P_VALUES.forEach((table, column) -> pValues.add(col(table + "." + column)));
    Dataset<Row> withP = computed.withColumn(P_ROW, coalesce(pValues.toArray(new Column[0])));
    // The q-values (one row per distinct p-value) are kept: every tested table's writer joins them.
    Dataset<Row> q =
        QValues.of(List.of(withP.select(col(P_ROW).as(QValues.P))))
            .persist(StorageLevel.MEMORY_AND_DISK());
    // Only the tested rows meet the q-values: the untested (most rows, every panel line) keep their
    // force's partitioning instead of piling into the one partition of a null join key. The join
    // is not kept: each writer joins the rows it writes (a table's filter reaches the computed
    // rows' cache), so the run holds one copy of its tables, not two.
    Dataset<Row> tested = withP.where(col(P_ROW).isNotNull());
    // A sort-merge join, never a broadcast: a national year's distinct p-values are small enough
    // on disk for Spark to choose to broadcast them, and every task then building their hash map
    // beside the concurrent writes ran a 2 GB run out of execution memory.
    Dataset<Row> withQ =
        tested
            .join(q.hint("merge"), tested.col(P_ROW).equalTo(q.col(QValues.P)), "left")
            .drop(P_ROW, QValues.P)
            .unionByName(
                withP
                    .where(col(P_ROW).isNull())
                    .drop(P_ROW)
                    .withColumn(QValues.Q, lit(null).cast(DataTypes.DoubleType)));
    try {
      List<TableWriter.Written> written = new ArrayList<>();
      Map<String, String> headers = new LinkedHashMap<>();
      for (String table : ForceStatistics.TABLES) {
        headers.put(
            TableWriter.csvFolder(table),
            CsvFormat.header(List.of(OutputSchemas.ALL.get(table).fieldNames())));
      }
      headers.put(
          panelFolder(ForceStatistics.PANEL_DISPROPORTIONALITY),
          CsvFormat.header(PanelTables.DISPROPORTIONALITY_COLUMNS));
      headers.put(
          panelFolder(ForceStatistics.PANEL_OUTCOMES),
          CsvFormat.header(PanelTables.OUTCOMES_COLUMNS));
      Map<String, Long> sizes = new HashMap<>();
      computed
          .groupBy(ForceStatistics.TABLE)
          .count()
          .collectAsList()
          .forEach(r -> sizes.put(r.getString(0), r.getLong(1)));
      // The CSV files and the seven Parquet tables are independent Spark jobs: submitted together,
      // their tasks share the cores instead of each job's few tasks waiting on the last.
      List<Callable<Object>> jobs = new ArrayList<>();
      jobs.add(() -> writer.writeCsv(headers, lines(withQ), -1));
      for (String table : ForceStatistics.TABLES) {
        jobs.add(
            () ->
                writer.writeParquet(
                    table,
                    table(withQ, table),
                    OutputSchemas.ALL.get(table),
                    // An empty table is written unpartitioned: one file that still carries the
                    // schema.
                    sizes.getOrDefault(table, 0L) == 0
                        ? List.of()
                        : PARTITIONS.getOrDefault(table, List.of(Columns.POWER)),
                    // A force's seq is unique within each table: the order is total.
                    new Column[] {col(Columns.FORCE), col(ForceStatistics.SEQ)}));
      }
      List<Object> done = Concurrently.run(jobs);
      @SuppressWarnings("unchecked")
      Map<String, Long> rows = (Map<String, Long>) done.get(0);
      for (int t = 0; t < ForceStatistics.TABLES.size(); t++) {
        String table = ForceStatistics.TABLES.get(t);
        String folder = TableWriter.csvFolder(table);
        written.add(
            new TableWriter.Written(
                table, rows.get(folder), (String) done.get(t + 1), writer.path(folder).toString()));
      }
      for (String panel :
          List.of(ForceStatistics.PANEL_DISPROPORTIONALITY, ForceStatistics.PANEL_OUTCOMES)) {
        String folder = panelFolder(panel);
        written.add(
            new TableWriter.Written(
                folder, rows.get(folder), null, writer.path(folder).toString()));
      }
      return written;
    } finally {
      q.unpersist();
    }
  }

  /** {@code panel_outcomes} is written to {@code panel/outcomes}. */
  static String panelFolder(String panelTable) {
    return new Path(PANEL, panelTable.substring(PANEL.length() + 1)).toString();
  }

  /** One table's rows with their q-values, and {@code seq}. */
  private static Dataset<Row> table(Dataset<Row> withQ, String table) {
    List<Column> columns = new ArrayList<>(List.of(col(ForceStatistics.SEQ)));
    boolean tested = P_VALUES.containsKey(table);
    for (String field : OutputSchemas.ALL.get(table).fieldNames()) {
      columns.add(
          tested && field.equals(Columns.Q_VALUE)
              ? col(QValues.Q).as(field)
              : col(table + "." + field).as(field));
    }
    return withQ
        .where(col(ForceStatistics.TABLE).equalTo(table))
        .select(columns.toArray(new Column[0]));
  }

  /** Every row as its CSV folder, file (the force), line, sorted for {@link CsvFiles}. */
  private static Dataset<Row> lines(Dataset<Row> withQ) {
    StructType schema =
        new StructType()
            .add(TableWriter.FOLDER, DataTypes.StringType)
            .add(TableWriter.FILE, DataTypes.StringType)
            .add(ForceStatistics.SEQ, DataTypes.LongType)
            .add(LINE, DataTypes.StringType);
    StructType input = withQ.schema();
    int qIndex = input.fieldIndex(QValues.Q);
    return withQ
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) rows -> formatted(rows, input, qIndex),
            Encoders.row(schema))
        .repartition(col(TableWriter.FOLDER), col(TableWriter.FILE))
        .sortWithinPartitions(
            col(TableWriter.FOLDER), col(TableWriter.FILE), col(ForceStatistics.SEQ))
        .select(col(TableWriter.FOLDER), col(TableWriter.FILE), col(LINE));
  }

  private static Iterator<Row> formatted(Iterator<Row> rows, StructType input, int qIndex) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        String table = row.getString(0);
        int column = input.fieldIndex(table);
        String folder;
        String line;
        if (table.startsWith(PANEL + "_")) {
          folder = panelFolder(table);
          line = row.getString(column);
        } else {
          folder = TableWriter.csvFolder(table);
          Row values = row.getStruct(column);
          if (P_VALUES.containsKey(table)) {
            Object[] copy = new Object[values.size()];
            for (int i = 0; i < copy.length; i++) {
              copy[i] = values.get(i);
            }
            copy[OutputSchemas.ALL.get(table).fieldIndex(Columns.Q_VALUE)] = row.get(qIndex);
            values = RowFactory.create(copy);
          }
          line = CsvFormat.line(values);
        }
        return RowFactory.create(folder, row.getString(1), row.getLong(2), line);
      }
    };
  }

  private static Map<String, String> pValues() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(OutputSchemas.DISPROPORTIONALITY, Columns.P_VALUE);
    p.put(OutputSchemas.OUTCOMES, Columns.P_VALUE);
    p.put(OutputSchemas.OUTCOME_TEST, Columns.FISHER_P);
    p.put(OutputSchemas.STAGES, Columns.P_VALUE);
    return p;
  }
}
