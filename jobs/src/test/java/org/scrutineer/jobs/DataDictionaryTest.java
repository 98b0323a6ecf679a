package org.scrutineer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.schema.OutputSchemas;

/** The README's data dictionary lists every column of every output table. */
class DataDictionaryTest {

  @Test
  void everyOutputColumnIsDocumentedUnderItsTable() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    OutputSchemas.ALL.forEach(
        (table, schema) -> {
          int start = readme.indexOf("### `" + table + "`");
          assertThat(start).as("README section for %s", table).isNotNegative();
          int end = readme.indexOf("\n### ", start + 1);
          String section = end < 0 ? readme.substring(start) : readme.substring(start, end);
          for (StructField field : schema.fields()) {
            assertThat(section)
                .as("%s.%s", table, field.name())
                .contains("| `" + field.name() + "` |");
          }
        });
  }
}
