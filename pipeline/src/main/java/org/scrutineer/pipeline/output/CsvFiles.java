package org.scrutineer.pipeline.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.scrutineer.pipeline.io.CsvFormat;

/**
 * Writes one task's share of CSV files ({@link TableWriter#writeCsv}): its rows arrive sorted by
 * file and folder, and each file gets the byte-order mark, its folder's header and its rows,
 * rolling over to {@code <file>-2.csv} after {@code maxRows} rows ({@value TableWriter#EXCEL_ROWS}:
 * what Excel opens). A retried task writes the same bytes over the same files.
 *
 * @param out the output folder
 * @param headers each folder's header line
 * @param firstValue the first value column ({@code -1}: column 2 is a finished line)
 * @param maxRows data rows per file
 * @param conf the Hadoop configuration
 * @param counts rows written, by folder
 * @param files each file written, as {@link WrittenFile#encode}
 */
record CsvFiles(
    String out,
    Map<String, String> headers,
    int firstValue,
    long maxRows,
    HadoopConf conf,
    Map<String, LongAccumulator> counts,
    CollectionAccumulator<String> files)
    implements Serializable {

  /**
   * One CSV file written: its path relative to the output folder, its data rows and the SHA-256 of
   * its bytes.
   */
  record WrittenFile(String path, long rows, String sha256) {
    String encode() {
      return path + "\t" + rows + "\t" + sha256;
    }

    static WrittenFile decode(String encoded) {
      String[] parts = encoded.split("\t");
      return new WrittenFile(parts[0], Long.parseLong(parts[1]), parts[2]);
    }
  }

  /** Writes the rows. */
  void write(Iterator<Row> rows) throws IOException {
    String folder = null;
    String file = null;
    long inFile = 0;
    int part = 1;
    Open writer = null;
    try {
      while (rows.hasNext()) {
        Row row = rows.next();
        String rowFolder = row.getString(0);
        String name = row.getString(1);
        boolean same = name.equals(file) && rowFolder.equals(folder);
        if (!same || inFile == maxRows) {
          part = same ? part + 1 : 1;
          folder = rowFolder;
          file = name;
          inFile = 0;
          if (writer != null) {
            writer.close(files);
          }
          writer = open(folder, part == 1 ? name : name + "-" + part);
        }
        writer.writer.write(firstValue < 0 ? row.getString(2) : CsvFormat.line(row, firstValue));
        writer.rows++;
        inFile++;
        counts.get(folder).add(1);
      }
      if (writer != null) {
        writer.close(files);
        writer = null;
      }
    } finally {
      if (writer != null) {
        writer.writer.close();
      }
    }
  }

  /** A file being written, with its digest and rows so far. */
  private static final class Open {
    final String path;
    final Writer writer;
    final MessageDigest digest;
    long rows;

    Open(String path, Writer writer, MessageDigest digest) {
      this.path = path;
      this.writer = writer;
      this.digest = digest;
    }

    void close(CollectionAccumulator<String> files) throws IOException {
      writer.close();
      files.add(new WrittenFile(path, rows, HexFormat.of().formatHex(digest.digest())).encode());
    }
  }

  private Open open(String folder, String name) throws IOException {
    String relative = folder + "/" + name + ".csv";
    Path path = new Path(out, relative);
    FileSystem fs = TableWriter.withoutChecksums(path.getFileSystem(conf.get()));
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Writer writer =
        new BufferedWriter(
            new OutputStreamWriter(
                new DigestOutputStream(fs.create(path, true), digest), StandardCharsets.UTF_8),
            1 << 16);
    writer.write(CsvFormat.BOM);
    writer.write(headers.get(folder));
    return new Open(relative, writer, digest);
  }
}
