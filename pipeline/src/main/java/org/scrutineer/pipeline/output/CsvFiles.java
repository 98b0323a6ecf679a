package org.scrutineer.pipeline.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
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
 */
record CsvFiles(
    String out,
    Map<String, String> headers,
    int firstValue,
    long maxRows,
    HadoopConf conf,
    Map<String, LongAccumulator> counts)
    implements Serializable {

  /** Writes the rows. */
  void write(Iterator<Row> rows) throws IOException {
    String folder = null;
    String file = null;
    long inFile = 0;
    int part = 1;
    Writer writer = null;
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
            writer.close();
          }
          writer = open(folder, part == 1 ? name : name + "-" + part);
        }
        writer.write(firstValue < 0 ? row.getString(2) : CsvFormat.line(row, firstValue));
        inFile++;
        counts.get(folder).add(1);
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
  }

  private Writer open(String folder, String name) throws IOException {
    Path path = new Path(new Path(out, folder), name + ".csv");
    FileSystem fs = TableWriter.withoutChecksums(path.getFileSystem(conf.get()));
    Writer writer =
        new BufferedWriter(
            new OutputStreamWriter(fs.create(path, true), StandardCharsets.UTF_8), 1 << 16);
    writer.write(CsvFormat.BOM);
    writer.write(headers.get(folder));
    return writer;
  }
}
