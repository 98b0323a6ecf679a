package org.scrutineer.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a folder's files for comparison: each file by its path, with its SHA-256. */
final class StoreTestFiles {
  private StoreTestFiles() {}

  /** Every regular file under {@code root} (links followed), by relative path, with its hash. */
  static Map<Path, String> contents(Path root) {
    Map<Path, String> contents = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        contents.put(root.relativize(file), sha256(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return contents;
  }

  static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
