package org.scrutineer.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The SHA-256 of each input file, computed by Spark tasks (each task reads its share of the files
 * through the driver's Hadoop settings), so the driver never reads the inputs. The record store
 * keys each file's records by this hash: a file whose hash is unchanged is not read again.
 */
public final class FileHashes {
  private FileHashes() {}

  /**
   * Hashes {@code files}.
   *
   * @return the lower-case hex SHA-256 of each file, by its path
   * @throws UncheckedIOException when a file cannot be read (named in the message)
   */
  public static Map<String, String> of(SparkSession spark, List<SourceFile> files) {
    if (files.isEmpty()) {
      return Map.of();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    HashMap<String, String> conf = new HashMap<>();
    spark.sparkContext().hadoopConfiguration().forEach(e -> conf.put(e.getKey(), e.getValue()));
    List<String> paths = new ArrayList<>();
    files.forEach(f -> paths.add(f.path()));
    int slices = Math.max(1, Math.min(paths.size(), jsc.defaultParallelism() * 3));
    Map<String, String> hashes = new HashMap<>();
    jsc.parallelize(paths, slices)
        .mapPartitionsToPair(
            part -> {
              Configuration configuration = new Configuration(false);
              conf.forEach(configuration::set);
              List<Tuple2<String, String>> out = new ArrayList<>();
              part.forEachRemaining(p -> out.add(new Tuple2<>(p, sha256(p, configuration))));
              return out.iterator();
            })
        .collect()
        .forEach(t -> hashes.put(t._1(), t._2()));
    return hashes;
  }

  /** The SHA-256 of one file, in lower-case hex. */
  public static String sha256(String path, Configuration conf) {
    Path hadoopPath = new Path(path);
    try (DigestInputStream in =
        new DigestInputStream(
            hadoopPath.getFileSystem(conf).open(hadoopPath),
            MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return java.util.HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 of a text, in lower-case hex. */
  public static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
