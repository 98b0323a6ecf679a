package org.scrutineer.pipeline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.scrutineer.pipeline.output.TableWriter;

/**
 * A results store: the folder a run is given as {@code --out}, which keeps complete runs apart and
 * publishes one of them atomically. Its layout:
 *
 * <pre>
 * DIR/latest             the read path: the last published run (a symbolic link to runs/ID)
 * DIR/LATEST             instead of latest on file systems without links: the run id, one line
 * DIR/runs/ID/           one run's outputs; complete once its status.json is written (last)
 * DIR/records/           the record store: every input file's standardised records ({@link
 *                        RecordStore}), restricted, shared by the runs kept
 * DIR/last-attempt.json  the status of the last attempt, whatever its outcome
 * DIR/.lock              held while a run is going ({@link StoreLock})
 * </pre>
 *
 * <p>A run builds its outputs in {@code runs/ID/}, which no reader is pointed at, and publishes by
 * one atomic step: on a local file system, a new link renamed over {@code latest} (rename(2)
 * replaces it in one step, so a reader sees the old run or the new, never a mix); elsewhere (HDFS,
 * object stores) {@code latest} cannot be a link and readers follow {@code LATEST}, which is
 * replaced by a rename (HDFS) or a single PUT (object stores). Run ids are UTC start times, so they
 * sort in the order the runs started.
 *
 * <p>Every run starts by recovering, under the lock: a run folder without {@code status.json} (a
 * run killed or failed part-way), a successful run newer than {@code latest} (one killed while
 * publishing) and temporary files of a publish are removed, so the store holds complete runs only.
 * After publishing, the oldest runs beyond {@code keep} are removed, never the one {@code latest}
 * points to.
 */
public final class ResultsStore {
  /** The read path: the published run. */
  public static final String LATEST = "latest";

  /** The published run's id, for file systems without symbolic links. */
  public static final String POINTER = "LATEST";

  /** The folder of runs. */
  public static final String RUNS = "runs";

  /** A run's status, written last: its presence marks a complete run. */
  public static final String STATUS = "status.json";

  /** The last attempt's status. */
  public static final String LAST_ATTEMPT = "last-attempt.json";

  /** The default number of runs kept. */
  public static final int DEFAULT_KEEP = 7;

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private static final String TEMPORARY = ".tmp-";

  private final Path root;
  private final FileSystem fs;
  private final java.nio.file.Path local;

  private ResultsStore(Path root, FileSystem fs, java.nio.file.Path local) {
    this.root = root;
    this.fs = fs;
    this.local = local;
  }

  /**
   * Opens (creating if absent) the store at {@code out}, and checks that it can be written.
   *
   * @param out the store's folder: a local path or a Hadoop URI ({@code hdfs://}, {@code s3a://})
   * @param conf the Hadoop settings for its file system
   * @throws StoreException when the folder cannot be created or written
   * @throws IllegalArgumentException when {@code out} holds files but is not a store
   */
  public static ResultsStore open(String out, Configuration conf) {
    return open(out, conf, true);
  }

  /**
   * Opens an existing store to read it (nothing is created or written).
   *
   * @throws IllegalArgumentException when {@code out} is not a results store
   * @throws StoreException when it cannot be read
   */
  public static ResultsStore existing(String out, Configuration conf) {
    Path root = new Path(out);
    try {
      FileSystem fs = TableWriter.withoutChecksums(root.getFileSystem(conf));
      root = fs.makeQualified(root);
      if (!fs.exists(new Path(root, RUNS))) {
        throw new IllegalArgumentException(out + " is not a Scrutineer results store (no runs/)");
      }
      return new ResultsStore(root, fs, localPath(root, true));
    } catch (IOException e) {
      throw new StoreException("Cannot read the results store " + out + ": " + e.getMessage(), e);
    }
  }

  /**
   * As {@link #open(String, Configuration)}, choosing whether {@code latest} is a symbolic link
   * (only possible on a local file system) or readers follow {@code LATEST} alone.
   */
  static ResultsStore open(String out, Configuration conf, boolean links) {
    Path root = new Path(out);
    try {
      FileSystem fs = TableWriter.withoutChecksums(root.getFileSystem(conf));
      root = fs.makeQualified(root);
      java.nio.file.Path local = localPath(root, links);
      if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException(
            "--out " + out + " is a file, not a folder: give a new or empty folder, or a store");
      }
      fs.mkdirs(root);
      if (!fs.exists(new Path(root, RUNS)) && fs.listStatus(root).length > 0) {
        throw new IllegalArgumentException(
            String.format(
                "--out %s holds files but is not a Scrutineer results store (no %s/ folder):"
                    + " give a new or empty folder, or an existing store",
                out, RUNS));
      }
      fs.mkdirs(new Path(root, RUNS));
      Path probe = new Path(root, TEMPORARY + "probe-" + ProcessHandle.current().pid());
      try (OutputStream stream = fs.create(probe, true)) {
        stream.write('\n');
      }
      fs.delete(probe, false);
      return new ResultsStore(root, fs, local);
    } catch (IOException e) {
      throw new StoreException("Cannot write the results store " + out + ": " + e.getMessage(), e);
    }
  }

  /**
   * The store's folder as a local path, where {@code latest} can be a link and the lock an
   * operating-system lock; {@code null} on other file systems (or with {@code links} off).
   */
  private static java.nio.file.Path localPath(Path root, boolean links) {
    return links && "file".equals(root.toUri().getScheme())
        ? java.nio.file.Path.of(root.toUri())
        : null;
  }

  /** The store's folder. */
  public Path root() {
    return root;
  }

  /** The folder of run {@code id}. */
  public Path run(String id) {
    return new Path(new Path(root, RUNS), id);
  }

  /** The published run's id, or {@code null} when nothing is published yet. */
  public String latestRun() {
    try {
      if (local != null) {
        java.nio.file.Path link = local.resolve(LATEST);
        if (!Files.isSymbolicLink(link)) {
          return null;
        }
        return Files.readSymbolicLink(link).getFileName().toString();
      }
      Path pointer = new Path(root, POINTER);
      if (!fs.exists(pointer)) {
        return null;
      }
      try (InputStream in = fs.open(pointer)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      throw new StoreException("Cannot read the published run of " + root, e);
    }
  }

  /**
   * The text of file {@code name} of run {@code id} (its manifest, say), or {@code null} when it
   * has none.
   *
   * @throws StoreException when it exists but cannot be read
   */
  public String readRunFile(String id, String name) {
    Path file = new Path(run(id), name);
    try {
      return fs.exists(file) ? readText(file) : null;
    } catch (IOException e) {
      throw new StoreException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The complete runs, oldest first, with their status. */
  public List<StoredRun> runs() {
    List<StoredRun> runs = new ArrayList<>();
    String latest = latestRun();
    try {
      for (FileStatus dir : fs.listStatus(new Path(root, RUNS))) {
        String id = dir.getPath().getName();
        RunStatus status = dir.isDirectory() ? statusOf(dir.getPath()) : null;
        if (status != null) {
          runs.add(new StoredRun(id, status, id.equals(latest)));
        }
      }
    } catch (IOException e) {
      throw new StoreException("Cannot list the runs of " + root, e);
    }
    runs.sort(Comparator.comparing(StoredRun::id));
    return runs;
  }

  /**
   * Starts a run: takes the lock (or fails at once), recovers from any run that did not finish, and
   * creates the new run's folder.
   *
   * @param started when the run started; its id is this instant in UTC
   * @throws StoreLockedException when another run holds the lock
   */
  public Attempt begin(Instant started) {
    String id = RUN_ID.format(started);
    StoreLock lock =
        local != null ? StoreLock.local(local, id) : StoreLock.exclusiveFile(fs, root, id);
    try {
      String latest = latestRun();
      List<String> removed = recover(latest);
      while (fs.exists(run(id))) {
        started = started.plusMillis(1);
        id = RUN_ID.format(started);
      }
      if (!fs.mkdirs(run(id))) {
        throw new StoreException("Cannot create the run folder " + run(id));
      }
      return new Attempt(this, lock, id, latest, removed);
    } catch (IOException e) {
      lock.close();
      throw new StoreException("Cannot start a run in " + root + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Removes what a run that did not finish left behind; returns what it removed. A run folder is
   * removed when it has no readable {@code status.json} (killed or failed before it completed), or
   * when it completed successfully after the published run but was not published (killed while
   * publishing). With nothing published yet, complete runs stay: the next publish and {@code
   * --keep} decide about them.
   */
  private List<String> recover(String latest) throws IOException {
    List<String> removed = new ArrayList<>();
    for (FileStatus entry : fs.listStatus(new Path(root, RUNS))) {
      String id = entry.getPath().getName();
      RunStatus status = statusOf(entry.getPath());
      boolean unpublishedSuccess =
          status != null
              && latest != null
              && id.compareTo(latest) > 0
              && status.outcome() == Outcome.SUCCESS;
      if (status == null || unpublishedSuccess) {
        fs.delete(entry.getPath(), true);
        removed.add(RUNS + "/" + id);
      }
    }
    Path records = new Path(root, RecordStore.FOLDER);
    if (fs.exists(records)) {
      RecordStore.at(records, fs).recover();
    }
    for (FileStatus entry : fs.listStatus(root)) {
      if (entry.getPath().getName().startsWith(TEMPORARY)) {
        deleteEntry(entry.getPath());
        removed.add(entry.getPath().getName());
      }
    }
    return removed;
  }

  /** A run folder's status, or {@code null} when it has none that can be read (incomplete). */
  private RunStatus statusOf(Path run) throws IOException {
    Path status = new Path(run, STATUS);
    if (!fs.exists(status)) {
      return null;
    }
    try {
      return RunStatus.fromJson(readText(status));
    } catch (IllegalArgumentException e) {
      return null; // cut short by a kill while it was written
    }
  }

  /** Makes run {@code id} the one at {@code latest}, in one atomic step. */
  void publish(String id) {
    try {
      if (local == null) {
        writeAtomically(new Path(root, POINTER), id + "\n");
      } else {
        java.nio.file.Path link = local.resolve(TEMPORARY + LATEST + "-" + id);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, java.nio.file.Path.of(RUNS, id));
        java.nio.file.Path latest = local.resolve(LATEST);
        if (Files.exists(latest, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(latest)) {
          throw new StoreException(
              latest + " is not a link to a run: move it away so the store can publish");
        }
        Files.move(link, latest, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new StoreException("Cannot publish run " + id + " in " + root + ": " + e, e);
    }
  }

  /**
   * Removes the oldest complete runs beyond the newest {@code keep}, never the published one, then
   * the records no remaining run read ({@link RecordStore#collect}).
   */
  List<String> prune(int keep) {
    String latest = latestRun();
    List<StoredRun> runs = runs();
    List<String> removed = new ArrayList<>();
    for (int i = 0; i < runs.size() - keep; i++) {
      String id = runs.get(i).id();
      if (!id.equals(latest)) {
        try {
          fs.delete(run(id), true);
        } catch (IOException e) {
          throw new StoreException("Cannot remove the old run " + run(id), e);
        }
        removed.add(id);
      }
    }
    Path records = new Path(root, RecordStore.FOLDER);
    try {
      if (fs.exists(records)) {
        Set<String> referenced = new HashSet<>();
        for (StoredRun run : runs()) {
          RecordStore.RecordSetFile listed = RecordStore.recordSetOf(fs, run(run.id()));
          if (listed != null) {
            referenced.addAll(listed.keys());
          }
        }
        RecordStore.at(records, fs).collect(referenced);
      }
    } catch (IOException e) {
      throw new StoreException("Cannot clean the record store " + records + ": " + e, e);
    }
    return removed;
  }

  /**
   * Records an attempt that could not begin (the store was locked) in {@code last-attempt.json}; a
   * failure to write it is ignored (the run that holds the lock writes it when it ends).
   */
  public void recordAttempt(RunStatus status) {
    try {
      writeAtomically(new Path(root, LAST_ATTEMPT), status.toJson() + "\n");
    } catch (StoreException e) {
      // Best effort: the attempt's outcome is also its exit code and its one line.
    }
  }

  /** Writes a small text file so that a reader sees the old text or the new, never a part. */
  void writeAtomically(Path file, String text) {
    Path temporary =
        new Path(root, TEMPORARY + ProcessHandle.current().pid() + "-" + file.getName());
    try {
      try (OutputStream out = fs.create(temporary, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      if (local != null) {
        Files.move(
            java.nio.file.Path.of(temporary.toUri()),
            java.nio.file.Path.of(fs.makeQualified(file).toUri()),
            StandardCopyOption.ATOMIC_MOVE);
      } else {
        fs.delete(file, false);
        if (!fs.rename(temporary, file)) {
          throw new IOException("rename of " + temporary + " to " + file + " failed");
        }
      }
    } catch (IOException e) {
      throw new StoreException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes a new file (a run's status), failing rather than replacing one. */
  void writeNew(Path file, String text) {
    try (OutputStream out = fs.create(file, false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StoreException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Removes a run folder. */
  void delete(Path dir) {
    try {
      fs.delete(dir, true);
    } catch (IOException e) {
      throw new StoreException("Cannot remove " + dir + ": " + e.getMessage(), e);
    }
  }

  FileSystem fileSystem() {
    return fs;
  }

  private void deleteEntry(Path path) throws IOException {
    if (local != null) {
      Files.deleteIfExists(java.nio.file.Path.of(path.toUri()));
    } else {
      fs.delete(path, true);
    }
  }

  private String readText(Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
