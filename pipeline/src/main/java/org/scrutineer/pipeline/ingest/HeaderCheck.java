package org.scrutineer.pipeline.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a file's header against its format: the exact data.police.uk stop-and-search header, or
 * every column an extract's mapping names. A file that fails is not read; the run stops with exit
 * code 2 naming the file.
 */
final class HeaderCheck {
  private HeaderCheck() {}

  /** What is wrong with the header, or {@code null} when it is right. */
  static String problem(SourceFile file, CsvRecord header) {
    if (header == null || header.error() != null) {
      return String.format(
          "%s line 1: no readable header%s",
          file.path(), header == null ? "" : " (" + header.errorDetail() + ")");
    }
    ExtractMapping mapping = file.mapping();
    if (mapping == null) {
      if (PoliceUkFormat.isHeader(header.fields())) {
        return null;
      }
      return String.format(
          "%s line 1: not the data.police.uk stop-and-search header (expected %d columns %s; found"
              + " %d: %s)",
          file.path(),
          PoliceUkFormat.HEADER.size(),
          String.join(",", PoliceUkFormat.HEADER),
          header.fields().size(),
          header.rawText());
    }
    List<String> names = normalized(header.fields());
    for (Map.Entry<String, String> column : mapping.columns().entrySet()) {
      if (!names.contains(normalized(column.getValue()))) {
        return String.format(
            "%s line 1: column '%s' (field %s in mapping %s) is not in the header (found: %s)",
            file.path(), column.getValue(), column.getKey(), mapping.source(), header.rawText());
      }
    }
    return null;
  }

  /** Header names as matched: trimmed, lower case. */
  static List<String> normalized(List<String> names) {
    return names.stream().map(HeaderCheck::normalized).toList();
  }

  static String normalized(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
