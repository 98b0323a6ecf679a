package org.scrutineer.pipeline.output;

import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.SparkSession;

/**
 * Who an output is for. A run's folder keeps the three apart: {@code panel/} may be published, the
 * tables at the top are for analysts, and {@code restricted/} (record-level data and the rejects
 * with their raw text, which can identify a person) is created readable by its owner only, on file
 * systems with permissions.
 */
public enum Audience {
  /** Suppressed tables, safe to publish: {@code panel/}. */
  PANEL("panel", "suppressed tables, safe to publish"),
  /**
   * Unsuppressed aggregate tables and the manifest: for analysts, not for publication (they hold
   * small counts).
   */
  ANALYST("analyst", "unsuppressed aggregates for analysts; not for publication"),
  /** Record-level data, rejects with raw values: {@code restricted/}, owner only. */
  RESTRICTED(
      "restricted", "record-level data and raw rejected rows; owner only, never to be published");

  /** The folder of restricted outputs in a run. */
  public static final String RESTRICTED_FOLDER = "restricted";

  /** The folder of panel outputs in a run. */
  public static final String PANEL_FOLDER = "panel";

  private static final FsPermission OWNER_DIRECTORY = new FsPermission((short) 0700);
  private static final FsPermission OWNER_FILE = new FsPermission((short) 0600);

  private final String code;
  private final String description;

  Audience(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The audience as written in the manifest. */
  public String code() {
    return code;
  }

  /** What it means, in words. */
  public String description() {
    return description;
  }

  /** The audience of an output by its path relative to the run's folder. */
  public static Audience ofPath(String relative) {
    if (relative.equals(RESTRICTED_FOLDER) || relative.startsWith(RESTRICTED_FOLDER + "/")) {
      return RESTRICTED;
    }
    if (relative.equals(PANEL_FOLDER) || relative.startsWith(PANEL_FOLDER + "/")) {
      return PANEL;
    }
    return ANALYST;
  }

  /**
   * Creates the run's {@code restricted/} folder, readable by its owner only, before anything is
   * written in it.
   *
   * @return the folder
   */
  public static Path restrictedFolder(SparkSession spark, String out) {
    Path folder = new Path(out, RESTRICTED_FOLDER);
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.mkdirs(folder);
      fs.setPermission(folder, OWNER_DIRECTORY);
      return fs.makeQualified(folder);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot create " + folder, e);
    }
  }

  /**
   * Makes everything under {@code folder} readable by its owner only (folders 0700, files 0600), on
   * a file system with permissions; on others (object stores) this changes nothing.
   */
  public static void restrict(SparkSession spark, Path folder) {
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.setPermission(folder, OWNER_DIRECTORY);
      restrictUnder(fs, folder);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot restrict " + folder, e);
    }
  }

  private static void restrictUnder(FileSystem fs, Path folder) throws IOException {
    for (FileStatus entry : fs.listStatus(folder)) {
      if (entry.isDirectory()) {
        fs.setPermission(entry.getPath(), OWNER_DIRECTORY);
        restrictUnder(fs, entry.getPath());
      } else {
        fs.setPermission(entry.getPath(), OWNER_FILE);
      }
    }
  }
}
