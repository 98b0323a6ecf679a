package org.scrutineer.pipeline.ingest;

import java.util.List;
import java.util.Locale;
import org.scrutineer.pipeline.io.CsvRecord;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Field;
import org.scrutineer.pipeline.schema.PowerFormat;

/**
 * Checks a file's header against its format: the exact data.police.uk stop-and-search header, every
 * column an extract's mapping names, or, for a canonical file, only canonical field names of its
 * power including {@code force} and every required field. A file that fails is not read; the run
 * stops with exit code 2 naming the file.
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
    if (file.format() == SourceFormat.CANONICAL) {
      return canonicalProblem(file, header);
    }
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
    for (String column : mapping.sourceColumns()) {
      if (!names.contains(normalized(column))) {
        return String.format(
            "%s line 1: column '%s' (in mapping %s) is not in the header (found: %s)",
            file.path(), column, mapping.source(), header.rawText());
      }
    }
    return null;
  }

  private static String canonicalProblem(SourceFile file, CsvRecord header) {
    PowerFormat format = file.power().format();
    List<String> names = normalized(header.fields());
    List<String> problems = new java.util.ArrayList<>();
    for (String name : names) {
      if (!format.has(name)) {
        problems.add(String.format("'%s' is not a %s field", name, file.power().code()));
      }
    }
    if (new java.util.HashSet<>(names).size() != names.size()) {
      problems.add("a column is named twice");
    }
    for (Field field : format.fields()) {
      boolean needed = field.required() || field.name().equals(Columns.FORCE);
      if (needed && !names.contains(field.name())) {
        problems.add(String.format("required column '%s' is missing", field.name()));
      }
    }
    if (problems.isEmpty()) {
      return null;
    }
    return String.format(
        "%s line 1: not a canonical %s header: %s (fields: %s)",
        file.path(), file.power().code(), String.join("; ", problems), format.names());
  }

  /** Header names as matched: trimmed, lower case. */
  static List<String> normalized(List<String> names) {
    return names.stream().map(HeaderCheck::normalized).toList();
  }

  static String normalized(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
