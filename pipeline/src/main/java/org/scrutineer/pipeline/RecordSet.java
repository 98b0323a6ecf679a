package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.broadcast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scrutineer.pipeline.ingest.FileHashes;
import org.scrutineer.pipeline.ingest.InputDiscovery;
import org.scrutineer.pipeline.ingest.SourceFile;
import org.scrutineer.pipeline.ingest.SourceFormat;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.store.RecordStore;

/**
 * Stage 2, plan the records: which input files the {@link RecordStore} already holds, unchanged,
 * and which must be read. Each input file is hashed (SHA-256, by Spark tasks) and keyed by its
 * path, its hash and everything its standardised records depend on ({@link #fingerprint}); a file
 * whose key is in the store is reused, any other is read. Against the run the store last published:
 * a file it read that is no longer found (and not outside the window) is <em>removed</em>; its
 * records are kept from the store and reported, or dropped with {@code --allow-removal}.
 *
 * <p>A run whose files, keys and settings are those of the published run has nothing new ({@link
 * #nothingNew}); its tables would be identical, so it is not computed.
 *
 * <p>Each run records its files and keys in {@code record-set.json}, which the next run reads and
 * the store's clean-up uses to keep the records that kept runs read.
 */
final class RecordSet {
  /**
   * The version of the standardisation: bump it whenever a change to the code gives a file's
   * records different values, so that stores built before the change are not reused.
   */
  static final int STANDARDISATION_VERSION = 1;

  /**
   * The records as stored: the records table without the run's file index, with the file key and
   * each row's hash.
   */
  static final StructType STORED_SCHEMA = storedSchema();

  private final List<SourceFile> files;
  private final List<RecordStore.Entry> entries;
  private final List<RecordStore.Entry> toRead;
  private final List<String> removed;
  private final boolean removedKept;
  private final boolean full;
  private final String settings;
  private final Previous previous;

  /**
   * What the published run read.
   *
   * @param runId its id
   * @param settings the fingerprint of its settings and reference files
   * @param keys its files' keys, in its file order
   * @param paths its files' paths, in the same order
   */
  record Previous(String runId, String settings, List<String> keys, List<String> paths) {}

  private RecordSet(
      List<SourceFile> files,
      List<RecordStore.Entry> entries,
      List<RecordStore.Entry> toRead,
      List<String> removed,
      boolean removedKept,
      boolean full,
      String settings,
      Previous previous) {
    this.files = files;
    this.entries = entries;
    this.toRead = toRead;
    this.removed = removed;
    this.removedKept = removedKept;
    this.full = full;
    this.settings = settings;
    this.previous = previous;
  }

  /**
   * Plans the records of a run.
   *
   * @param referenceFiles the run's reference files with their SHA-256 ({@link
   *     RunManifest#referenceFiles})
   * @param previous what the published run read, or {@code null} (a new store, or {@code --full})
   * @param full read every file, reusing nothing
   * @param allowRemoval drop the records of removed files rather than keep them
   * @throws InputException when {@code --full} is asked while files the published run read are
   *     missing and removal is not allowed
   */
  static RecordSet plan(
      SparkSession spark,
      RunConfig config,
      ResolvedInputs inputs,
      List<Map<String, Object>> referenceFiles,
      RecordStore store,
      Previous previous,
      boolean full,
      boolean allowRemoval) {
    Map<String, String> shas = new LinkedHashMap<>();
    referenceFiles.forEach(f -> shas.put((String) f.get("path"), (String) f.get("sha256")));
    String fingerprint = fingerprint(config, referenceFiles);
    List<SourceFile> discovered = inputs.discovered().files();
    Map<String, String> hashes = FileHashes.of(spark, discovered);
    Set<String> storeKeys = store.keys();
    Set<String> inStore = full ? Set.of() : storeKeys;
    List<SourceFile> files = new ArrayList<>(discovered);
    List<RecordStore.Entry> entries = new ArrayList<>();
    List<RecordStore.Entry> toRead = new ArrayList<>();
    for (SourceFile file : discovered) {
      String mapping = file.mapping() == null ? null : file.mapping().source();
      String sha = hashes.get(file.path());
      RecordStore.Entry entry =
          new RecordStore.Entry(
              RecordStore.Entry.key(
                  fingerprint, file.path(), sha, mapping == null ? null : shas.get(mapping)),
              file.path(),
              sha,
              file.power().name(),
              file.format().name(),
              file.force(),
              file.month(),
              mapping,
              file.bytes(),
              List.of());
      if (inStore.contains(entry.key())) {
        entry = store.entry(entry.key());
      } else {
        toRead.add(entry);
      }
      entries.add(entry);
    }

    List<String> removed = new ArrayList<>();
    boolean kept = false;
    if (previous != null) {
      Set<String> found = new HashSet<>();
      discovered.forEach(f -> found.add(f.path()));
      inputs.discovered().outsideWindow().forEach(f -> found.add(f.path()));
      for (int i = 0; i < previous.keys().size(); i++) {
        String key = previous.keys().get(i);
        if (found.contains(previous.paths().get(i)) || !storeKeys.contains(key)) {
          continue; // still there (read or reused above), or removed from the store by hand
        }
        RecordStore.Entry entry = store.entry(key);
        Power power = Power.valueOf(entry.power());
        boolean inWindow =
            entry.month() == null
                || InputDiscovery.inWindow(
                    java.time.YearMonth.parse(entry.month()), config.from(), config.to());
        if (!config.inputs().containsKey(power) || !inWindow) {
          continue;
        }
        removed.add(entry.path());
        if (!allowRemoval && !full) {
          files.add(sourceFile(entry));
          entries.add(entry);
          kept = true;
        }
      }
      if (full && !removed.isEmpty() && !allowRemoval) {
        throw new InputException(
            String.format(
                "%d input files read by the published run %s are missing (first: %s): give"
                    + " --allow-removal to rebuild without them, or restore them",
                removed.size(), previous.runId(), removed.get(0)));
      }
    }
    return new RecordSet(
        files,
        entries,
        toRead,
        removed,
        kept,
        full,
        settingsFingerprint(config, fingerprint, referenceFiles),
        previous);
  }

  /**
   * Reads what the run {@code runId} of {@code store} read from its {@code record-set.json}, or
   * returns {@code null} when it has none.
   */
  static Previous previous(Path runFolder, String runId, Configuration conf) {
    RecordStore.RecordSetFile listed = RecordStore.recordSetOf(runFolder, conf);
    return listed == null
        ? null
        : new Previous(runId, listed.settings(), listed.keys(), listed.paths());
  }

  /** The run's files: those found, then those removed whose records are kept. */
  List<SourceFile> files() {
    return files;
  }

  /** The paths of the files the published run read that are gone. */
  List<String> removed() {
    return removed;
  }

  /** The files to read (new or changed), as store entries not yet written. */
  List<RecordStore.Entry> toRead() {
    return toRead;
  }

  /** The files to read, as {@link #files} (same order). */
  List<SourceFile> filesToRead() {
    Set<String> paths = new HashSet<>();
    toRead.forEach(e -> paths.add(e.path()));
    return files.stream().filter(f -> paths.contains(f.path())).toList();
  }

  /** The file key of each of {@link #files}, by path. */
  Map<String, String> keysByPath() {
    Map<String, String> keys = new LinkedHashMap<>();
    entries.forEach(e -> keys.put(e.path(), e.key()));
    return keys;
  }

  /** Whether nothing is to be read or removed and the settings are those of the published run. */
  boolean nothingNew() {
    return previous != null
        && !full
        && toRead.isEmpty()
        && previous.settings().equals(settings)
        && previous.keys().equals(entries.stream().map(RecordStore.Entry::key).toList());
  }

  /**
   * The {@link org.scrutineer.pipeline.output.ContentChecksum} of the run's records as stored
   * ({@code file_key} in place of {@code file_index}), from their {@link RecordStore#ROW_HASH}
   * column alone.
   *
   * @param written the entries written by this run (the others are as planned)
   */
  String checksum(SparkSession spark, RecordStore store, List<RecordStore.Entry> written) {
    return org.scrutineer.pipeline.output.ContentChecksum.ofHashes(
        store.read(spark, entriesWith(written), STORED_SCHEMA).select(RecordStore.ROW_HASH),
        RecordStore.ROW_HASH);
  }

  /** The run's records as the records table, the file index that of {@link #files}. */
  Dataset<Row> records(SparkSession spark, RecordStore store, List<RecordStore.Entry> written) {
    List<Row> index = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      index.add(RowFactory.create(entries.get(i).key(), i));
    }
    StructType indexSchema =
        new StructType()
            .add(RecordStore.FILE_KEY, DataTypes.StringType, false)
            .add(Columns.FILE_INDEX, DataTypes.IntegerType, false);
    return store
        .read(spark, entriesWith(written), STORED_SCHEMA)
        .join(broadcast(spark.createDataFrame(index, indexSchema)), RecordStore.FILE_KEY)
        .select(
            Arrays.stream(OutputSchemas.RECORDS_SCHEMA.fieldNames())
                .map(functions::col)
                .toArray(Column[]::new));
  }

  /** The run's entries, those written by this run as written (with their files). */
  private List<RecordStore.Entry> entriesWith(List<RecordStore.Entry> written) {
    Map<String, RecordStore.Entry> byKey = new LinkedHashMap<>();
    entries.forEach(e -> byKey.put(e.key(), e));
    written.forEach(e -> byKey.put(e.key(), e));
    return new ArrayList<>(byKey.values());
  }

  /**
   * Checks that each file read has the hash it was keyed by: a file changed between hashing and
   * reading would be stored under the wrong key.
   *
   * @throws InputException naming the file
   */
  void checkUnchanged(List<org.scrutineer.pipeline.ingest.FileSummary> summaries) {
    Map<String, String> expected = new LinkedHashMap<>();
    toRead.forEach(e -> expected.put(e.path(), e.sha256()));
    for (var summary : summaries) {
      String sha = expected.get(summary.file().path());
      if (sha != null && !sha.equals(summary.sha256())) {
        throw new InputException(
            summary.file().path()
                + " changed while the run read it: run again once it is complete");
      }
    }
  }

  /** {@code record-set.json}: the settings' fingerprint and each file's key, in file order. */
  String toJson() {
    return new RecordStore.RecordSetFile(
            settings,
            entries.stream().map(RecordStore.Entry::path).toList(),
            entries.stream().map(RecordStore.Entry::key).toList())
        .toJson();
  }

  /** The files whose stored records are reused unchanged (not read, not kept though gone). */
  private int reused() {
    return entries.size() - toRead.size() - (removedKept ? removed.size() : 0);
  }

  /** The manifest's account of the record store: files read, reused and removed. */
  Map<String, Object> manifest(RecordStore store) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("folder", store.root().toString());
    json.put("full_rebuild", full || previous == null);
    json.put("built_on_run", previous == null ? null : previous.runId());
    json.put("files_read", toRead.size());
    json.put("files_reused", reused());
    json.put("files_removed", removed);
    json.put(
        "removed_files",
        removed.isEmpty()
            ? null
            : removedKept
                ? "kept: their records are still counted (give --allow-removal to drop them)"
                : "dropped: their records are no longer counted");
    return json;
  }

  /** What was read, reused and removed, in one line. */
  String summary() {
    String line =
        String.format(
            "%,d files read, %,d reused from the record store%s",
            toRead.size(), reused(), full ? " (--full: everything read again)" : "");
    if (!removed.isEmpty()) {
      line +=
          String.format(
              "; %,d files the last run read are gone (first: %s): %s",
              removed.size(),
              removed.get(0),
              removedKept
                  ? "their records are kept (give --allow-removal to drop them)"
                  : "their records are dropped");
    }
    return line;
  }

  /**
   * The fingerprint of what every file's records depend on besides the file: the standardisation's
   * version, the records' schema and the reference files that standardisation reads (forces, area
   * lookup, boundaries and their settings, district changes).
   */
  static String fingerprint(RunConfig config, List<Map<String, Object>> referenceFiles) {
    List<String> parts = new ArrayList<>();
    parts.add("scrutineer records " + STANDARDISATION_VERSION);
    parts.add(RunManifest.toolVersion());
    parts.add(OutputSchemas.RECORDS_SCHEMA.json());
    for (Map<String, Object> file : referenceFiles) {
      String role = (String) file.get("role");
      if (!role.equals("population") && !role.equals("mapping")) {
        parts.add(role + " " + file.get("path") + " " + file.get("sha256"));
      }
    }
    parts.add("boundaries " + config.geography().boundaries());
    parts.add("code property " + config.geography().codeProperty());
    parts.add("name property " + config.geography().nameProperty());
    return FileHashes.sha256(String.join("\n", parts));
  }

  /** The fingerprint of every setting and reference file of the run: equal, equal tables. */
  private static String settingsFingerprint(
      RunConfig config, String records, List<Map<String, Object>> referenceFiles) {
    Map<String, Object> settings = new LinkedHashMap<>(RunManifest.settings(config));
    settings.remove("out");
    return FileHashes.sha256(
        String.join("\n", records, RunManifest.json(settings), RunManifest.json(referenceFiles)));
  }

  private static SourceFile sourceFile(RecordStore.Entry entry) {
    return new SourceFile(
        entry.path(),
        Power.valueOf(entry.power()),
        SourceFormat.valueOf(entry.format()),
        entry.force(),
        entry.month(),
        null,
        entry.bytes());
  }

  private static StructType storedSchema() {
    StructType schema = new StructType();
    for (var field : OutputSchemas.RECORDS_SCHEMA.fields()) {
      if (!field.name().equals(Columns.FILE_INDEX)) {
        schema = schema.add(field);
      }
    }
    return schema
        .add(RecordStore.FILE_KEY, DataTypes.StringType, false)
        .add(RecordStore.ROW_HASH, DataTypes.LongType, false);
  }
}
