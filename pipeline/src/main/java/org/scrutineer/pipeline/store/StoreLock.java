package org.scrutineer.pipeline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The store's lock ({@code DIR/.lock}), held by one run from before Spark starts until its results
 * are published or abandoned. The file holds its holder (run id, process id, host, start time), so
 * a run that finds the store locked names the one that holds it.
 *
 * <p>On a local file system the lock is an operating-system file lock: the kernel releases it when
 * the holder exits, however it exits (even {@code kill -9}), so a lock left by a killed run is
 * stale by construction: the next run takes it, reports the run it replaces and carries on. The
 * file itself stays (empty while no run holds it): deleting it would let two runs lock two
 * different files of the same name. On other file systems (HDFS, object stores) the lock is a file
 * created only if absent; one whose holder was on this host and is no longer running is recognised
 * as stale and cleared; one from another host is left for its owner (the message says how to clear
 * it by hand).
 */
public abstract class StoreLock implements AutoCloseable {
  /** The lock file's name in the store. */
  public static final String FILE = ".lock";

  private final String stale;

  private StoreLock(String stale) {
    this.stale = stale;
  }

  /** The holder of a stale lock this run cleared, or {@code null} when there was none. */
  public String clearedStale() {
    return stale;
  }

  /** Releases the lock. */
  @Override
  public abstract void close();

  /** This process, as a lock file names it. */
  static String holder(String runId) {
    ProcessHandle self = ProcessHandle.current();
    return String.format(
        "run %s, process %d on %s, started %s",
        runId,
        self.pid(),
        host(),
        self.info().startInstant().map(Instant::toString).orElse("unknown"));
  }

  /** Takes the lock of a store on the local file system. */
  static StoreLock local(java.nio.file.Path store, String runId) {
    java.nio.file.Path file = store.resolve(FILE);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StoreException("Cannot open the store's lock " + file + ": " + e.getMessage(), e);
    }
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very process (another run in the same JVM)
      }
      String previous = read(channel).strip();
      if (lock == null) {
        channel.close();
        throw locked(file.toString(), previous);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder(runId).getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      FileLock held = lock;
      return new StoreLock(previous.isEmpty() ? null : previous) {
        @Override
        public void close() {
          try {
            channel.truncate(0);
            held.release();
            channel.close();
          } catch (IOException e) {
            // The kernel releases the lock when the channel or the process goes.
          }
        }
      };
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreException("Cannot take the store's lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Takes the lock of a store on a file system without file locks (HDFS, object stores). */
  static StoreLock exclusiveFile(FileSystem fs, Path store, String runId) {
    Path file = new Path(store, FILE);
    String stale = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      try (OutputStream out = fs.create(file, false)) {
        out.write(holder(runId).getBytes(StandardCharsets.UTF_8));
        String cleared = stale;
        return new StoreLock(cleared) {
          @Override
          public void close() {
            try {
              fs.delete(file, false);
            } catch (IOException e) {
              throw new StoreException("Cannot release the store's lock " + file, e);
            }
          }
        };
      } catch (FileAlreadyExistsException e) {
        String previous = readQuietly(fs, file);
        if (attempt > 0 || !heldByDeadProcessHere(previous)) {
          throw locked(file.toString(), previous);
        }
        stale = previous;
        try {
          fs.delete(file, false);
        } catch (IOException deleteFailed) {
          throw new StoreException("Cannot clear the stale lock " + file, deleteFailed);
        }
      } catch (IOException e) {
        throw new StoreException("Cannot take the store's lock " + file + ": " + e.getMessage(), e);
      }
    }
    throw locked(file.toString(), stale);
  }

  /** Whether a holder line names a process on this host that is no longer running. */
  static boolean heldByDeadProcessHere(String holder) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("process (\\d+) on (\\S+), started (\\S+)").matcher(holder);
    if (!m.find() || !m.group(2).equals(host())) {
      return false;
    }
    String started = m.group(3);
    return ProcessHandle.of(Long.parseLong(m.group(1)))
        .map(
            p ->
                !p.isAlive()
                    || !p.info().startInstant().map(Instant::toString).orElse("").equals(started))
        .orElse(true);
  }

  private static StoreLockedException locked(String file, String holder) {
    return new StoreLockedException(
        String.format(
            "The results store is locked by another run (%s); this run stops. If no such run is"
                + " going, remove %s and try again.",
            holder == null || holder.isEmpty() ? "holder unknown" : holder, file));
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static String readQuietly(FileSystem fs, Path file) {
    try (InputStream in = fs.open(file)) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing to add to the error being reported.
    }
  }
}
