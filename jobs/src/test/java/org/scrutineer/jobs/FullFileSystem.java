package org.scrutineer.jobs;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * A local file system (scheme {@code fullfs:}) whose disk fills up: once {@link #BUDGET} bytes are
 * written, every write fails as a full disk does ("No space left on device"). For the tests of a
 * write failure during a run; executors in local mode share the JVM, so they share the budget.
 */
public final class FullFileSystem extends RawLocalFileSystem {
  /** Bytes that may still be written, across every file. */
  static final AtomicLong BUDGET = new AtomicLong(Long.MAX_VALUE);

  @Override
  public URI getUri() {
    return URI.create("fullfs:///");
  }

  @Override
  public String getScheme() {
    return "fullfs";
  }

  @Override
  public FSDataOutputStream create(
      Path f,
      FsPermission permission,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    return limited(
        super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
  }

  @Override
  public FSDataOutputStream create(
      Path f,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    return limited(super.create(f, overwrite, bufferSize, replication, blockSize, progress));
  }

  private FSDataOutputStream limited(FSDataOutputStream out) throws IOException {
    return new FSDataOutputStream(
        new FilterOutputStream(out) {
          @Override
          public void write(int b) throws IOException {
            take(1);
            out.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            take(len);
            out.write(b, off, len);
          }
        },
        null);
  }

  private static void take(long bytes) throws IOException {
    if (BUDGET.addAndGet(-bytes) < 0) {
      throw new IOException("No space left on device");
    }
  }
}
