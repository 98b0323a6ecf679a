package org.scrutineer.pipeline.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The content checksum of a Parquet table, for the manifest: the sum, modulo 2^64, of the 64-bit
 * xxHash of every row (all columns in the table's order), as 16 hex digits. It depends on the rows
 * and their values only: not on the order of the rows, the files they are in or the files' names,
 * so two runs that publish the same rows give the same checksum. Computed by Spark over the written
 * table; the driver receives one number.
 */
public final class ContentChecksum {
  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(64);

  private ContentChecksum() {}

  /** The checksum of the Parquet table at {@code path}. */
  public static String of(SparkSession spark, String path) {
    return of(spark.read().parquet(path));
  }

  /**
   * The checksum of rows whose hashes are already in column {@code hashes} (each the {@code
   * xxhash64} of the row's columns): equal to {@link #of} over those columns.
   */
  public static String ofHashes(Dataset<Row> table, String hashes) {
    return sumOf(table.agg(sum(col(hashes).cast(DataTypes.createDecimalType(20, 0)))).first(), 0);
  }

  /** The checksum of {@code table}'s rows. */
  public static String of(Dataset<Row> table) {
    Column[] columns =
        Arrays.stream(table.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
    Row row =
        table
            .agg(count(lit(1)), sum(xxhash64(columns).cast(DataTypes.createDecimalType(20, 0))))
            .first();
    return sumOf(row, 1);
  }

  private static String sumOf(Row row, int field) {
    BigDecimal total = row.isNullAt(field) ? BigDecimal.ZERO : row.getDecimal(field);
    return String.format("%016x", total.toBigInteger().mod(MODULUS));
  }
}
