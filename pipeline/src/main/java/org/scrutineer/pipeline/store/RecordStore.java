package org.scrutineer.pipeline.store;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.scrutineer.pipeline.output.TableWriter;
import org.scrutineer.pipeline.schema.Columns;

/**
 * The record store: the standardised records of every input file read, kept between runs so that a
 * run reads only the files that are new or changed. Record-level data (restricted: the folder is
 * created readable by its owner only). Its layout:
 *
 * <pre>
 * records/data/power=P/force=F/month=M/KEY-RUN-N.parquet   the records of one file, partitioned
 * records/keys/KEY.json    a file's entry: its path, SHA-256, power, format and Parquet files
 * records/_staging-RUN/    a run's records while they are written (removed when it ends)
 * </pre>
 *
 * <p>A file's key is a hash of its path, its content's SHA-256 and everything else its records
 * depend on ({@link Entry#key}); a changed file gets a new key, and its old records stay for the
 * runs still kept that read them. An entry is written last, once every Parquet file it lists is in
 * place, so a key with an entry is complete: a run killed while writing leaves files without an
 * entry, which {@link #collect} removes. The store is changed only under the results store's lock.
 *
 * <p>Records are written by Spark into a staging folder, partitioned by power, force, month and
 * key, then each file is renamed into its partition with its key in its name. A run reads its
 * files' records by listing their Parquet files ({@link #read}), never the whole folder.
 */
public final class RecordStore {
  /** The store's folder under the results store. */
  public static final String FOLDER = "records";

  /**
   * The file in each run's folder that lists the input files the run counted, with their keys (and
   * the fingerprint of its settings): what the next run compares with, and what keeps a key's
   * records in the store.
   */
  public static final String RECORD_SET = "record-set.json";

  /** The column that holds each record's file key. */
  public static final String FILE_KEY = "file_key";

  /**
   * The column that holds each stored row's 64-bit xxHash (of every other stored column, in order),
   * computed as the row is written: a run's records checksum is their sum ({@code
   * ContentChecksum}), read from this one column.
   */
  public static final String ROW_HASH = "row_hash";

  private static final String DATA = "data";
  private static final String KEYS = "keys";
  private static final String STAGING = "_staging-";
  private static final String JSON_SUFFIX = ".json";
  private static final String PARTITION_KEY = "store_key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FsPermission OWNER_DIRECTORY = new FsPermission((short) 0700);

  private final Path root;
  private final FileSystem fs;

  private RecordStore(Path root, FileSystem fs) {
    this.root = root;
    this.fs = fs;
  }

  /**
   * Opens (creating if absent) the record store in {@code folder}, readable by its owner only on
   * file systems with permissions.
   *
   * @throws StoreException when it cannot be created
   */
  public static RecordStore at(Path folder, Configuration conf) {
    try {
      return at(folder, folder.getFileSystem(conf));
    } catch (IOException e) {
      throw new StoreException("Cannot create the record store " + folder + ": " + e, e);
    }
  }

  static RecordStore at(Path folder, FileSystem fileSystem) {
    try {
      FileSystem fs = TableWriter.withoutChecksums(fileSystem);
      Path root = fs.makeQualified(folder);
      fs.mkdirs(root);
      fs.setPermission(root, OWNER_DIRECTORY);
      fs.mkdirs(new Path(root, DATA));
      fs.mkdirs(new Path(root, KEYS));
      return new RecordStore(root, fs);
    } catch (IOException e) {
      throw new StoreException("Cannot create the record store " + folder + ": " + e, e);
    }
  }

  /**
   * One input file's records in the store.
   *
   * @param key the file's key
   * @param path the file's path
   * @param sha256 the SHA-256 of the file's content
   * @param power the power's code
   * @param format the file's layout ({@code SourceFormat} name)
   * @param force the force named by the file, or {@code null}
   * @param month the month named by the file, or {@code null}
   * @param mapping the mapping's path for an extract, or {@code null}
   * @param bytes the file's size
   * @param files its Parquet files, relative to {@code data/}; empty before they are written
   */
  public record Entry(
      String key,
      String path,
      String sha256,
      String power,
      String format,
      String force,
      String month,
      String mapping,
      long bytes,
      List<String> files) {

    /**
     * The key of a file: the SHA-256 of the settings its records depend on ({@code fingerprint}),
     * its path, its content's SHA-256 and its mapping's.
     */
    public static String key(String fingerprint, String path, String sha256, String mappingSha) {
      return org.scrutineer.pipeline.ingest.FileHashes.sha256(
          String.join("\n", fingerprint, path, sha256, mappingSha == null ? "" : mappingSha));
    }

    Entry written(List<String> files) {
      return new Entry(key, path, sha256, power, format, force, month, mapping, bytes, files);
    }
  }

  /** The store's folder. */
  public Path root() {
    return root;
  }

  /** The folder of the Parquet data, partitioned by power, force and month. */
  public Path data() {
    return new Path(root, DATA);
  }

  /** The keys whose records are complete in the store. */
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    try {
      for (FileStatus entry : fs.listStatus(new Path(root, KEYS))) {
        String name = entry.getPath().getName();
        if (name.endsWith(JSON_SUFFIX)) {
          keys.add(name.substring(0, name.length() - JSON_SUFFIX.length()));
        }
      }
    } catch (IOException e) {
      throw new StoreException("Cannot list the record store " + root + ": " + e, e);
    }
    return keys;
  }

  /**
   * The entry of {@code key}.
   *
   * @throws StoreException when it cannot be read (the store was changed by hand)
   */
  public Entry entry(String key) {
    Path file = entryPath(key);
    try (InputStream in = fs.open(file)) {
      return JSON.readValue(in, Entry.class);
    } catch (IOException e) {
      throw new StoreException("Cannot read the record store entry " + file + ": " + e, e);
    }
  }

  /**
   * Writes the records of the files of {@code entries} and then their entries.
   *
   * @param records standardised records with a {@link #FILE_KEY} column holding each row's key, and
   *     the {@code power}, {@code force} and {@code month} columns (null force or month is stored
   *     in Hive's default partition)
   * @param entries the files read, not yet written
   * @param runId the run writing them, in the Parquet files' names
   * @return the entries as written
   * @throws StoreException when the files cannot be moved into place or the entries written
   */
  public List<Entry> write(Dataset<Row> records, List<Entry> entries, String runId) {
    Path staging = new Path(root, STAGING + runId);
    records
        .withColumn(PARTITION_KEY, col(FILE_KEY))
        .write()
        .partitionBy(Columns.POWER, Columns.FORCE, Columns.MONTH, PARTITION_KEY)
        .parquet(staging.toString());
    try {
      Map<String, List<String>> filesByKey = moveIntoPlace(staging, runId);
      List<Entry> written = new ArrayList<>();
      for (Entry entry : entries) {
        List<String> files = filesByKey.getOrDefault(entry.key(), List.of());
        if (files.isEmpty()) {
          throw new IllegalStateException("No records were written for " + entry.path());
        }
        Entry done = entry.written(files);
        writeEntry(done);
        written.add(done);
      }
      fs.delete(staging, true);
      return written;
    } catch (IOException e) {
      throw new StoreException("Cannot write the record store " + root + ": " + e, e);
    }
  }

  /**
   * The records of {@code entries}, with the columns of {@code schema} (which must include {@link
   * #FILE_KEY} and the partition columns {@code power}, {@code force}, {@code month}). Lazy; reads
   * only the Parquet files the entries list.
   */
  public Dataset<Row> read(SparkSession spark, List<Entry> entries, StructType schema) {
    List<String> paths = new ArrayList<>();
    for (Entry entry : entries) {
      entry.files().forEach(f -> paths.add(new Path(data(), f).toString()));
    }
    // Above a threshold of paths Spark lists them in a job with a task per path (1,466 tasks for
    // the shared police.uk set); these are files, whose status the driver reads at once.
    String threshold = "spark.sql.sources.parallelPartitionDiscovery.threshold";
    String previous = spark.conf().get(threshold);
    spark.conf().set(threshold, String.valueOf(Integer.MAX_VALUE));
    try {
      return spark
          .read()
          .schema(schema)
          .option("basePath", data().toString())
          .parquet(paths.toArray(new String[0]));
    } finally {
      spark.conf().set(threshold, previous);
    }
  }

  /**
   * Removes the entries not in {@code referenced}, then every data file no remaining entry lists
   * (files of changed inputs no kept run reads, and what runs killed while writing left), and any
   * staging folder. Runs under the results store's lock, with no run writing.
   *
   * @return the keys removed
   */
  public List<String> collect(Set<String> referenced) {
    List<String> removed = new ArrayList<>();
    try {
      Set<String> live = new HashSet<>();
      for (String key : keys()) {
        if (referenced.contains(key)) {
          entry(key).files().forEach(f -> live.add(new Path(data(), f).toUri().getPath()));
        } else {
          fs.delete(entryPath(key), false);
          removed.add(key);
        }
      }
      List<Path> stale = new ArrayList<>();
      for (Path file : filesUnder(data())) {
        if (!live.contains(file.toUri().getPath())) {
          stale.add(file);
        }
      }
      for (Path file : stale) {
        fs.delete(file, false);
      }
      removeEmptyFolders(data(), false);
      recover();
    } catch (IOException e) {
      throw new StoreException("Cannot clean the record store " + root + ": " + e, e);
    }
    return removed;
  }

  /**
   * A run's {@link #RECORD_SET} file: the fingerprint of its settings and reference files, and the
   * input files it counted, in its file order, with their keys.
   *
   * @param settings the settings' fingerprint
   * @param paths the files' paths
   * @param keys the files' keys, in the same order
   */
  public record RecordSetFile(String settings, List<String> paths, List<String> keys) {
    /** The file's text. */
    public String toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("settings_sha256", settings);
      List<Map<String, Object>> files = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", paths.get(i));
        file.put("key", keys.get(i));
        files.add(file);
      }
      json.put("files", files);
      try {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The {@link #RECORD_SET} file of the run in folder {@code run}, or {@code null} when it has
   * none.
   *
   * @throws StoreException when it cannot be read
   */
  public static RecordSetFile recordSetOf(Path run, Configuration conf) {
    try {
      return recordSetOf(run.getFileSystem(conf), run);
    } catch (IOException e) {
      throw new StoreException("Cannot read " + run + ": " + e, e);
    }
  }

  static RecordSetFile recordSetOf(FileSystem fs, Path run) {
    Path file = new Path(run, RECORD_SET);
    try {
      if (!fs.exists(file)) {
        return null;
      }
      try (InputStream in = fs.open(file)) {
        JsonNode json = JSON.readTree(in);
        List<String> paths = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (JsonNode entry : json.path("files")) {
          paths.add(entry.path("path").asText());
          keys.add(entry.path("key").asText());
        }
        return new RecordSetFile(json.path("settings_sha256").asText(), paths, keys);
      }
    } catch (IOException e) {
      throw new StoreException("Cannot read " + file + ": " + e, e);
    }
  }

  /** Removes the staging folders of runs that did not finish. */
  public void recover() {
    try {
      for (FileStatus entry : fs.listStatus(root)) {
        if (entry.getPath().getName().startsWith(STAGING)) {
          fs.delete(entry.getPath(), true);
        }
      }
    } catch (IOException e) {
      throw new StoreException("Cannot clean the record store " + root + ": " + e, e);
    }
  }

  /**
   * Renames each Parquet file of {@code staging} into its partition of {@code data/}, named by its
   * key; returns each key's files, relative to {@code data/}.
   */
  private Map<String, List<String>> moveIntoPlace(Path staging, String runId) throws IOException {
    String base = fs.makeQualified(staging).toUri().getPath();
    List<Path> written = new ArrayList<>();
    for (Path file : filesUnder(staging)) {
      if (file.getName().endsWith(".parquet")) {
        written.add(file);
      }
    }
    written.sort(java.util.Comparator.comparing(Path::toString));
    Map<String, List<String>> filesByKey = new TreeMap<>();
    for (Path file : written) {
      String relative = file.toUri().getPath().substring(base.length() + 1);
      String[] parts = relative.split("/");
      // power=P/force=F/month=M/store_key=K/part-....parquet
      String key = parts[3].substring(PARTITION_KEY.length() + 1);
      String partition = String.join("/", parts[0], parts[1], parts[2]);
      List<String> ofKey = filesByKey.computeIfAbsent(key, k -> new ArrayList<>());
      String name = String.format("%s/%s-%s-%d.parquet", partition, key, runId, ofKey.size());
      Path target = new Path(data(), name);
      fs.mkdirs(target.getParent());
      if (!fs.rename(file, target)) {
        throw new IOException("rename of " + file + " to " + target + " failed");
      }
      ofKey.add(name);
    }
    return filesByKey;
  }

  /** Every file under {@code folder}, at any depth. */
  private List<Path> filesUnder(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    for (FileStatus entry : fs.listStatus(folder)) {
      if (entry.isDirectory()) {
        files.addAll(filesUnder(entry.getPath()));
      } else {
        files.add(entry.getPath());
      }
    }
    return files;
  }

  private void writeEntry(Entry entry) throws IOException {
    Path file = entryPath(entry.key());
    Path temporary = new Path(root, STAGING + "entry-" + entry.key());
    try (OutputStream out = fs.create(temporary, true)) {
      out.write((JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    fs.delete(file, false);
    if (!fs.rename(temporary, file)) {
      throw new IOException("rename of " + temporary + " to " + file + " failed");
    }
  }

  private boolean removeEmptyFolders(Path folder, boolean removeSelf) throws IOException {
    boolean empty = true;
    for (FileStatus entry : fs.listStatus(folder)) {
      if (!entry.isDirectory() || !removeEmptyFolders(entry.getPath(), true)) {
        empty = false;
      }
    }
    if (empty && removeSelf) {
      fs.delete(folder, false);
    }
    return empty;
  }

  private Path entryPath(String key) {
    return new Path(new Path(root, KEYS), key + JSON_SUFFIX);
  }
}
