import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Compares two runs' outputs table by table, by content and not by file order: every Parquet
 * table must hold the same multiset of rows (columns matched by name, values exactly equal), and
 * every CSV table (one file, or a folder of per-force files) the same multiset of lines under the
 * same header. Reports each difference with examples and exits 1 on any.
 *
 * <p>Usage (from the repository root, after {@code mvn -B -q package -DskipTests}): {@code java -cp
 * jobs/target/scrutineer.jar bench/CompareOutputs.java BEFORE AFTER}
 */
public class CompareOutputs {
  private static final String BOM = "\uFEFF";

  public static void main(String[] args) throws Exception {
    Path before = published(Path.of(args[0]));
    Path after = published(Path.of(args[1]));
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("compare-outputs")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    List<String> failures = new ArrayList<>();
    TreeSet<String> tables = new TreeSet<>(parquetTables(before));
    tables.addAll(parquetTables(after));
    for (String table : tables) {
      failures.addAll(
          compareParquet(spark, table, parquet(spark, before, table), parquet(spark, after, table)));
    }
    TreeSet<String> csvs = new TreeSet<>(csvTables(before));
    csvs.addAll(csvTables(after));
    for (String table : csvs) {
      failures.addAll(compareCsv(spark, table, csvFiles(before, table), csvFiles(after, table)));
    }
    spark.stop();
    if (failures.isEmpty()) {
      System.out.printf(
          "SAME: %d Parquet tables and %d CSV tables hold the same rows%n",
          tables.size(), csvs.size());
      return;
    }
    failures.forEach(System.out::println);
    System.exit(1);
  }

  /** A results store's published run ({@code latest/}), or the folder itself (a run's folder). */
  private static Path published(Path out) {
    return Files.isDirectory(out.resolve("latest")) ? out.resolve("latest") : out;
  }

  /** A table's Parquet folder: at the top, or in {@code restricted/} (records, rejects). */
  private static Path tablePath(Path out, String table) {
    Path top = out.resolve(table);
    Path restricted = out.resolve("restricted").resolve(table);
    return !Files.isDirectory(top) && Files.isDirectory(restricted) ? restricted : top;
  }

  /**
   * A table as Parquet, or {@code null} when the run has none. The records of a run in a results
   * store are in the store's record store: the files of the keys its {@code record-set.json} lists,
   * each row given its file's place in that list as {@code file_index}.
   */
  private static Dataset<Row> parquet(SparkSession spark, Path out, String table) throws Exception {
    Path recordSet = out.resolve("record-set.json");
    if (table.equals("records") && Files.isRegularFile(recordSet)) {
      Path data = out.toRealPath().getParent().getParent().resolve("records").resolve("data");
      if (!Files.isDirectory(data)) {
        data = out.resolve("restricted").resolve("records").resolve("data");
      }
      List<Row> index = new ArrayList<>();
      var files = new com.fasterxml.jackson.databind.ObjectMapper().readTree(recordSet.toFile()).path("files");
      for (int i = 0; i < files.size(); i++) {
        index.add(org.apache.spark.sql.RowFactory.create(files.get(i).path("key").asText(), i));
      }
      var schema =
          new org.apache.spark.sql.types.StructType()
              .add("file_key", org.apache.spark.sql.types.DataTypes.StringType)
              .add("file_index", org.apache.spark.sql.types.DataTypes.IntegerType);
      return spark
          .read()
          .parquet(data.toString())
          .join(spark.createDataFrame(index, schema), "file_key")
          .drop("file_key", "row_hash");
    }
    Path path = tablePath(out, table);
    return Files.isDirectory(path) ? spark.read().parquet(path.toString()) : null;
  }

  private static List<String> parquetTables(Path out) throws Exception {
    List<String> tables = new ArrayList<>();
    if (Files.isRegularFile(out.resolve("record-set.json"))) {
      tables.add("records");
    }
    for (Path folder : List.of(out, out.resolve("restricted"))) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> children = Files.list(folder)) {
        children
            .filter(Files::isDirectory)
            .map(p -> p.getFileName().toString())
            .filter(
                n ->
                    !n.startsWith("_")
                        && !n.equals("csv")
                        && !n.equals("panel")
                        && !n.equals("report")
                        && !n.equals("restricted"))
            .forEach(tables::add);
      }
    }
    return tables;
  }

  /** Table names with CSV: {@code X.csv}, {@code csv/X/}, {@code panel/X.csv}, {@code panel/X/}. */
  private static List<String> csvTables(Path out) throws Exception {
    List<String> names = new ArrayList<>();
    for (Path folder :
        List.of(
            out, out.resolve("csv"), out.resolve("panel"), out.resolve("restricted").resolve("csv"))) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      String prefix = folder.equals(out.resolve("panel")) ? "panel/" : "";
      try (Stream<Path> children = Files.list(folder)) {
        for (Path p : children.toList()) {
          String n = p.getFileName().toString();
          if (n.endsWith(".csv") && Files.isRegularFile(p)) {
            names.add(prefix + n.substring(0, n.length() - 4));
          } else if (!folder.equals(out) && Files.isDirectory(p)) {
            names.add(prefix + n);
          }
        }
      }
    }
    return names;
  }

  private static List<Path> csvFiles(Path out, String table) throws Exception {
    List<Path> candidates = new ArrayList<>();
    boolean panel = table.startsWith("panel/");
    Path single = out.resolve(table + ".csv");
    Path folder = panel ? out.resolve(table) : out.resolve("csv").resolve(table);
    if (!panel && !Files.isDirectory(folder)) {
      folder = out.resolve("restricted").resolve("csv").resolve(table);
    }
    if (Files.isRegularFile(single)) {
      candidates.add(single);
    }
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(candidates::add);
      }
    }
    return candidates;
  }

  private static List<String> compareParquet(
      SparkSession spark, String table, Dataset<Row> a, Dataset<Row> b) {
    if (a == null || b == null) {
      return List.of(table + ": Parquet table only in " + (a != null ? "BEFORE" : "AFTER"));
    }
    String[] columns = a.columns().clone();
    String[] other = b.columns().clone();
    Arrays.sort(columns);
    Arrays.sort(other);
    if (!Arrays.equals(columns, other)) {
      return List.of(
          table
              + ": columns differ: "
              + Arrays.toString(columns)
              + " vs "
              + Arrays.toString(other));
    }
    Column[] ordered = Arrays.stream(columns).map(functions::col).toArray(Column[]::new);
    return differences(table + " (Parquet)", a.select(ordered), b.select(ordered));
  }

  private static List<String> compareCsv(
      SparkSession spark, String table, List<Path> before, List<Path> after) throws Exception {
    if (before.isEmpty() || after.isEmpty()) {
      // An empty table is a header-only file in one layout and no file at all in the other.
      List<Path> some = before.isEmpty() ? after : before;
      for (Path p : some) {
        if (Files.readAllLines(p).size() > 1) {
          return List.of(table + ": CSV only in " + (before.isEmpty() ? "AFTER" : "BEFORE"));
        }
      }
      System.out.printf("same  %-40s 0 rows%n", table + " (CSV)");
      return List.of();
    }
    String header = header(before.get(0));
    for (Path p : before.subList(1, before.size())) {
      if (!header(p).equals(header)) {
        return List.of(table + ": headers differ within BEFORE at " + p);
      }
    }
    for (Path p : after) {
      if (!header(p).equals(header)) {
        return List.of(table + ": header of " + p + " differs from BEFORE's " + header);
      }
    }
    return differences(table + " (CSV)", lines(spark, before, header), lines(spark, after, header));
  }

  private static String header(Path file) throws Exception {
    try (var reader = Files.newBufferedReader(file)) {
      String line = reader.readLine();
      return line == null ? "" : line.replace(BOM, "");
    }
  }

  private static Dataset<Row> lines(SparkSession spark, List<Path> files, String header) {
    return spark
        .read()
        .text(files.stream().map(Path::toString).toArray(String[]::new))
        .where(
            functions
                .col("value")
                .notEqual(header)
                .and(functions.col("value").notEqual(BOM + header)));
  }

  private static List<String> differences(String what, Dataset<Row> a, Dataset<Row> b) {
    Dataset<Row> onlyBefore = a.exceptAll(b).cache();
    Dataset<Row> onlyAfter = b.exceptAll(a).cache();
    long nb = onlyBefore.count();
    long na = onlyAfter.count();
    long rows = a.count();
    if (nb == 0 && na == 0) {
      System.out.printf("same  %-40s %,d rows%n", what, rows);
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            "DIFFERENT %s: %,d rows only in BEFORE, %,d only in AFTER (of %,d)", what, nb, na, rows));
    onlyBefore.limit(3).collectAsList().forEach(r -> out.add("  BEFORE " + r));
    onlyAfter.limit(3).collectAsList().forEach(r -> out.add("  AFTER  " + r));
    return out;
  }
}
