package org.scrutineer.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scrutineer.pipeline.SparkTestBase;

/**
 * Tables written by Spark tasks: one CSV file per force, each with its byte-order mark and header,
 * rows in the order asked for, a file continued in {@code <force>-2.csv} past the row limit; the
 * Parquet table partitioned and holding every row; an empty table still readable with its schema.
 */
class TableWriterTest extends SparkTestBase {
  private static final StructType SCHEMA =
      new StructType()
          .add("power", DataTypes.StringType)
          .add("force", DataTypes.StringType)
          .add("n", DataTypes.LongType)
          .add("rate", DataTypes.DoubleType);

  @TempDir Path dir;

  @Test
  void oneCsvFilePerForceInOrderRollingOverAtTheRowLimit() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (long n = 5; n >= 1; n--) {
      rows.add(RowFactory.create("stop_search", "kent", n, n / 3.0));
    }
    rows.add(RowFactory.create("custody", "essex", 7L, null));
    TableWriter writer = new TableWriter(spark, dir.toString(), 2);

    TableWriter.Written written =
        writer.write(
            "t",
            spark.createDataFrame(rows, SCHEMA),
            SCHEMA,
            "force",
            List.of("power"),
            new Column[] {functions.col("n")});

    assertThat(written.rows()).isEqualTo(6);
    Path csv = dir.resolve("csv/t");
    try (Stream<Path> files = Files.list(csv)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("essex.csv", "kent-2.csv", "kent-3.csv", "kent.csv");
    }
    String header = "\uFEFFpower,force,n,rate\r\n";
    assertThat(read(csv.resolve("kent.csv")))
        .isEqualTo(header + "stop_search,kent,1,0.333333\r\nstop_search,kent,2,0.666667\r\n");
    assertThat(read(csv.resolve("kent-2.csv")))
        .isEqualTo(header + "stop_search,kent,3,1\r\nstop_search,kent,4,1.33333\r\n");
    assertThat(read(csv.resolve("kent-3.csv")))
        .isEqualTo(header + "stop_search,kent,5,1.66667\r\n");
    assertThat(read(csv.resolve("essex.csv"))).isEqualTo(header + "custody,essex,7,\r\n");

    assertThat(dir.resolve("t/power=stop_search")).isDirectory();
    assertThat(spark.read().parquet(dir.resolve("t").toString()).count()).isEqualTo(6);
  }

  @Test
  void anEmptyTableIsStillReadableWithItsSchema() {
    TableWriter writer = new TableWriter(spark, dir.toString());
    TableWriter.Written written =
        writer.write(
            "empty",
            spark.createDataFrame(List.of(), SCHEMA),
            SCHEMA,
            "force",
            List.of("power"),
            new Column[0]);

    assertThat(written.rows()).isZero();
    assertThat(spark.read().parquet(dir.resolve("empty").toString()).schema().fieldNames())
        .containsExactly("power", "force", "n", "rate");
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
