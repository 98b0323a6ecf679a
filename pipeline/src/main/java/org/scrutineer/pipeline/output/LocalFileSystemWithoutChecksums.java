package org.scrutineer.pipeline.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The local file system with Hadoop's checksum files turned off: Spark's writers otherwise leave a
 * hidden {@code .crc} beside every Parquet and {@code _SUCCESS} file, clutter in a folder people
 * open (and visible on a Windows share). Reads still verify a checksum file where one exists. Set
 * as {@code fs.file.impl} ({@code spark.hadoop.fs.file.impl}); being a {@link LocalFileSystem}, it
 * serves {@code FileSystem.getLocal} too.
 */
public final class LocalFileSystemWithoutChecksums extends LocalFileSystem {
  @Override
  public void initialize(URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    setWriteChecksum(false);
  }

  /**
   * Makes {@code conf} use this class for {@code file:} paths and turns checksum files off on the
   * local file system instance already cached for this user (Hadoop caches one per scheme and user,
   * whatever the configuration it was first made with, and in local mode Spark's tasks share it).
   *
   * @throws java.io.UncheckedIOException when the local file system cannot be opened
   */
  public static void configure(Configuration conf) {
    conf.set("fs.file.impl", LocalFileSystemWithoutChecksums.class.getName());
    try {
      org.apache.hadoop.fs.FileSystem.getLocal(conf).setWriteChecksum(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
