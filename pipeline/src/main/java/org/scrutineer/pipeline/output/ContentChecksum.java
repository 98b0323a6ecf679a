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
   * The checksum of the rows of each value of {@code group}, over {@code columns} in that order;
   * {@link #combine} adds them up to the checksum of the rows of several groups.
   */
  public static java.util.Map<String, String> byGroup(
      Dataset<Row> table, String group, String... columns) {
    Column[] hashed = Arrays.stream(columns).map(c -> col("`" + c + "`")).toArray(Column[]::new);
    java.util.Map<String, String> sums = new java.util.TreeMap<>();
    for (Row row :
        table
            .groupBy(col(group))
            .agg(sum(xxhash64(hashed).cast(DataTypes.createDecimalType(20, 0))))
            .collectAsList()) {
      sums.put(
          row.getString(0), String.format("%016x", row.getDecimal(1).toBigInteger().mod(MODULUS)));
    }
    return sums;
  }

  /** The checksum of the rows of several tables or groups, from theirs. */
  public static String combine(java.util.Collection<String> checksums) {
    BigInteger total = BigInteger.ZERO;
    for (String checksum : checksums) {
      total = total.add(new BigInteger(checksum, 16));
    }
    return String.format("%016x", total.mod(MODULUS));
  }

  /** The checksum of {@code table}'s rows. */
  public static String of(Dataset<Row> table) {
    Column[] columns =
        Arrays.stream(table.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
    Row row =
        table
            .agg(count(lit(1)), sum(xxhash64(columns).cast(DataTypes.createDecimalType(20, 0))))
            .first();
    BigDecimal total = row.isNullAt(1) ? BigDecimal.ZERO : row.getDecimal(1);
    return String.format("%016x", total.toBigInteger().mod(MODULUS));
  }
}
