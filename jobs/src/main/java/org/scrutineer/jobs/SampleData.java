package org.scrutineer.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The synthetic sample shipped inside the jar (the repository's {@code data-samples/}, under {@code
 * scrutineer-sample/}), copied to a temporary folder so it can be read like any input.
 */
final class SampleData {
  private static final String ROOT = "scrutineer-sample";

  private SampleData() {}

  /** Copies the sample out and returns the folder holding {@code sample.json}. */
  static Path extract() {
    try {
      URI location = SampleData.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      Path code = Path.of(location);
      Path target = Files.createTempDirectory("scrutineer-sample-");
      if (Files.isDirectory(code)) {
        copy(code.resolve(ROOT), target);
      } else {
        try (FileSystem jar = FileSystems.newFileSystem(code, Map.of())) {
          copy(jar.getPath("/" + ROOT), target);
        }
      }
      if (!Files.exists(target.resolve("sample.json"))) {
        throw new IllegalStateException(
            "The sample is not in this build (no " + ROOT + "/sample.json)");
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot extract the sample", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deletes an extracted sample folder. */
  static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path path :
          (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + folder, e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path dest = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest);
        }
      }
    }
  }
}
