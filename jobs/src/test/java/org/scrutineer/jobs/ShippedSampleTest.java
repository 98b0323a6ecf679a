package org.scrutineer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scrutineer.samples.SyntheticSample;

/**
 * data-samples/ is exactly what {@code generate} writes with its defaults, so it cannot go stale.
 */
class ShippedSampleTest {
  @TempDir Path dir;

  @Test
  void shippedSampleIsWhatGenerateWrites() throws IOException {
    SyntheticSample.write(dir, SyntheticSample.Settings.SAMPLE);
    Path shipped = Path.of("..", "data-samples");

    List<Path> generated = files(dir);
    assertThat(files(shipped)).containsExactlyInAnyOrderElementsOf(generated);
    for (Path file : generated) {
      assertThat(Files.mismatch(dir.resolve(file), shipped.resolve(file)))
          .as(file.toString())
          .isEqualTo(-1L);
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(p -> !p.toString().equals("README.md"))
          .toList();
    }
  }
}
