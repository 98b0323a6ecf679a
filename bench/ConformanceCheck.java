import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a run over the shared police.uk set (JDK only, run as {@code java ConformanceCheck.java
 * OUT REAL_DATA}): every file reconciles, the rows read equal the data rows the source MANIFEST.csv
 * lists, and every force has force-level results for every financial year its coverage shows as
 * complete. Prints a summary; exits 1 on any failure.
 *
 * <p>Two more modes serve bench/real-data-vintages.sh: {@code census2011 REAL_DATA FILE} writes the
 * Census 2011 QS201EW populations summed to police force areas as a canonical population file, and
 * {@code vintages OUT} checks a run with Census 2011 and Census 2021 denominators and prints how
 * the switch moves each force's Black/White stop-search ratio.
 */
public class ConformanceCheck {
  public static void main(String[] args) throws IOException {
    if (args[0].equals("census2011")) {
      census2011(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    if (args[0].equals("vintages")) {
      vintages(Path.of(args[1]));
      return;
    }
    Path out = Path.of(args[0]);
    Path real = Path.of(args[1]);
    List<String> failures = new ArrayList<>();

    String manifest = Files.readString(out.resolve("manifest.json"));
    long read = number(manifest, "rows_read");
    long accepted = number(manifest, "rows_accepted");
    long rejected = number(manifest, "rows_rejected");
    if (read != accepted + rejected) {
      failures.add(String.format("rows read %d != accepted %d + rejected %d", read, accepted, rejected));
    }
    if (manifest.contains("\"reconciled\" : false")) {
      failures.add("a file does not reconcile (see manifest.json inputs)");
    }
    long listed = 0;
    List<List<String>> source = csv(real.resolve("police-uk-stop-search/MANIFEST.csv"));
    int rowsColumn = source.get(0).indexOf("data_rows");
    for (List<String> row : source.subList(1, source.size())) {
      listed += Long.parseLong(row.get(rowsColumn));
    }
    if (listed != read) {
      failures.add(String.format("rows read %d != %d data rows listed in MANIFEST.csv", read, listed));
    }

    Map<String, Map<String, Integer>> submitted = new TreeMap<>();
    List<List<String>> coverage = table(out, "coverage");
    Map<String, Integer> c = index(coverage.get(0));
    for (List<String> row : coverage.subList(1, coverage.size())) {
      if (row.get(c.get("submitted")).equals("true")) {
        String month = row.get(c.get("month"));
        int y = Integer.parseInt(month.substring(0, 4));
        int m = Integer.parseInt(month.substring(5, 7));
        int start = m >= 4 ? y : y - 1;
        String fy = String.format("%d-%02d", start, (start + 1) % 100);
        submitted.computeIfAbsent(row.get(c.get("force")), k -> new TreeMap<>()).merge(fy, 1, Integer::sum);
      }
    }
    Map<String, TreeSet<String>> reported = new HashMap<>();
    List<List<String>> table = table(out, "disproportionality");
    Map<String, Integer> d = index(table.get(0));
    for (List<String> row : table.subList(1, table.size())) {
      if (row.get(d.get("geography_level")).equals("force") && row.get(d.get("period_type")).equals("financial_year")
          && row.get(d.get("period_complete")).equals("true") && row.get(d.get("ethnic_group")).equals("All")) {
        reported.computeIfAbsent(row.get(d.get("force")), k -> new TreeSet<>()).add(row.get(d.get("period")));
      }
    }
    int complete = 0;
    for (Map.Entry<String, Map<String, Integer>> force : submitted.entrySet()) {
      for (Map.Entry<String, Integer> fy : force.getValue().entrySet()) {
        if (fy.getValue() == 12) {
          complete++;
          if (!reported.getOrDefault(force.getKey(), new TreeSet<>()).contains(fy.getKey())) {
            failures.add("no force-level result for " + force.getKey() + " " + fy.getKey());
          }
        }
      }
    }
    geography(out, table, d, failures);
    System.out.printf(
        "conformance: %,d rows read = %,d accepted + %,d rejected (source lists %,d); %d forces;"
            + " %d complete force financial years, all reported%n",
        read, accepted, rejected, listed, submitted.size(), complete);
    if (!failures.isEmpty()) {
      failures.forEach(f -> System.out.println("FAILED: " + f));
      System.exit(1);
    }
  }

  /**
   * When records were placed by coordinates: every geo_quality row's parts add up to its records;
   * every force's districts (UNKNOWN included) add up to the force in every financial year; and a
   * per-force table of the shares (markdown, for the README).
   */
  private static void geography(
      Path out, List<List<String>> table, Map<String, Integer> d, List<String> failures)
      throws IOException {
    List<List<String>> quality = table(out, "geo_quality");
    Map<String, Integer> q = index(quality.get(0));
    String[] parts = {"given", "assigned", "outside_force", "outside_districts", "no_coordinates", "not_placed"};
    Map<String, long[]> byForce = new TreeMap<>();
    boolean placed = false;
    for (List<String> row : quality.subList(1, quality.size())) {
      long records = Long.parseLong(row.get(q.get("records")));
      long sum = 0;
      long[] totals = byForce.computeIfAbsent(row.get(q.get("force_name")), k -> new long[parts.length + 1]);
      totals[parts.length] += records;
      for (int i = 0; i < parts.length; i++) {
        long n = Long.parseLong(row.get(q.get(parts[i])));
        totals[i] += n;
        sum += n;
      }
      placed |= Long.parseLong(row.get(q.get("assigned"))) > 0;
      if (sum != records) {
        failures.add("geo_quality parts do not add up for " + row);
      }
    }
    if (!placed) {
      return;
    }
    Map<String, Long> forces = new HashMap<>();
    Map<String, Long> districts = new HashMap<>();
    for (List<String> row : table.subList(1, table.size())) {
      if (!row.get(d.get("power")).equals("stop_search")
          || !row.get(d.get("basis")).equals("place_of_event")
          || !row.get(d.get("period_type")).equals("financial_year")
          || !row.get(d.get("ethnic_group")).equals("All")) {
        continue;
      }
      String key = row.get(d.get("force")) + " " + row.get(d.get("period"));
      long events = Long.parseLong(row.get(d.get("events")));
      if (row.get(d.get("geography_level")).equals("force")) {
        forces.merge(key, events, Long::sum);
      } else if (row.get(d.get("geography_level")).equals("district")) {
        districts.merge(key, events, Long::sum);
      }
    }
    forces.forEach(
        (key, events) -> {
          if (!events.equals(districts.get(key))) {
            failures.add(String.format("%s: districts sum to %s, force %d", key, districts.get(key), events));
          }
        });
    System.out.println("| force | records | assigned | outside own force | outside every district | no coordinates |");
    System.out.println("|---|---|---|---|---|---|");
    long[] all = new long[parts.length + 1];
    byForce.forEach(
        (force, t) -> {
          for (int i = 0; i < t.length; i++) {
            all[i] += t[i];
          }
          System.out.println(shares(force, t));
        });
    System.out.println(shares("**all forces**", all));
    System.out.printf("geography: %d force financial years, each force's districts add up to it%n", forces.size());
  }

  private static String shares(String force, long[] t) {
    long records = t[6];
    return String.format(
        "| %s | %,d | %.1f%% | %.1f%% | %.1f%% | %.1f%% |",
        force, records, 100.0 * t[1] / records, 100.0 * t[2] / records, 100.0 * t[3] / records,
        100.0 * t[4] / records);
  }

  private static long number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\" : (\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("manifest.json has no " + key);
    }
    return Long.parseLong(m.group(1));
  }

  private static Map<String, Integer> index(List<String> header) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.put(header.get(i).replace("\uFEFF", ""), i);
    }
    return index;
  }

  /** A small RFC 4180 reader (no embedded line breaks in these files). */
  /** QS201EW local authorities summed by police force area into the canonical population format. */
  private static void census2011(Path real, Path file) throws IOException {
    List<List<String>> rows =
        csv(real.resolve("census2011/local-authorities-demographics-with-police-force.csv"));
    List<String> header = rows.get(0);
    String[] groups = {"White", "Black", "Asian", "Mixed", "Other"};
    Map<String, long[]> byForce = new TreeMap<>();
    Map<String, String> names = new HashMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      String code = row.get(header.indexOf("PFA16CD"));
      names.put(code, row.get(header.indexOf("PFA16NM")));
      long[] sums = byForce.computeIfAbsent(code, k -> new long[groups.length]);
      for (int g = 0; g < groups.length; g++) {
        // Group totals: Asian includes Chinese in the 2011 list, Other is Arab and any other.
        sums[g] += Long.parseLong(row.get(header.indexOf("Ethnic Group: " + groups[g] + "; measures: Value")));
      }
    }
    StringBuilder text = new StringBuilder("area_code,area_name,ethnic_group,population\n");
    byForce.forEach(
        (code, sums) -> {
          for (int g = 0; g < groups.length; g++) {
            text.append(String.format("%s,\"%s\",%s,%d%n", code, names.get(code), groups[g], sums[g]));
          }
        });
    Files.writeString(file, text);
    System.out.printf("census2011: %d force areas written to %s%n", byForce.size(), file);
  }

  /**
   * Checks the denominator switch: every financial year before April 2021 takes Census 2011, every
   * later one Census 2021, and the first year on Census 2021 carries series_break
   * denominator_source. Prints the Black/White ratios either side.
   */
  private static void vintages(Path out) throws IOException {
    List<List<String>> rows = table(out, "disproportionality");
    List<String> h = rows.get(0);
    List<String> failures = new ArrayList<>();
    Map<String, Map<String, String>> ratios = new TreeMap<>();
    int breaks = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      if (!row.get(h.indexOf("power")).equals("stop_search")
          || !row.get(h.indexOf("basis")).equals("place_of_event")
          || !row.get(h.indexOf("geography_level")).equals("force")
          || !row.get(h.indexOf("period_type")).equals("financial_year")
          || row.get(h.indexOf("population_source")).isEmpty()) {
        continue;
      }
      String year = row.get(h.indexOf("period"));
      String source = row.get(h.indexOf("population_source"));
      boolean late = year.compareTo("2021-22") >= 0;
      if (source.contains("census2011") == late) {
        failures.add(year + " " + row.get(h.indexOf("force")) + " uses " + source);
      }
      String seriesBreak = row.get(h.indexOf("series_break"));
      if (year.equals("2021-22") && !seriesBreak.contains("denominator_source")) {
        failures.add("2021-22 " + row.get(h.indexOf("force")) + " has no denominator_source break");
      }
      if (year.equals("2021-22")) {
        breaks++;
      }
      if (row.get(h.indexOf("ethnic_group")).equals("Black")) {
        ratios
            .computeIfAbsent(row.get(h.indexOf("force")), k -> new TreeMap<>())
            .put(year, row.get(h.indexOf("ratio")));
      }
    }
    System.out.println("force                       2019-20  2020-21  2021-22 (Black/White; 2011 | 2021)");
    ratios.forEach(
        (force, byYear) ->
            System.out.printf(
                "%-26s %8s %8s %8s%n",
                force, byYear.get("2019-20"), byYear.get("2020-21"), byYear.get("2021-22")));
    System.out.printf("vintages: %d force rows of 2021-22 with the break%n", breaks);
    if (breaks == 0) {
      failures.add("no 2021-22 rows");
    }
    if (!failures.isEmpty()) {
      failures.forEach(f -> System.out.println("FAIL " + f));
      System.exit(1);
    }
    System.out.println("vintages: OK");
  }

  /** A table's CSV files ({@code csv/NAME/*.csv}, one per force) as one table, header first. */
  private static List<List<String>> table(Path out, String name) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (java.util.stream.Stream<Path> files = Files.list(out.resolve("csv").resolve(name))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        List<List<String>> one = csv(file);
        rows.addAll(rows.isEmpty() ? one : one.subList(1, one.size()));
      }
    }
    return rows;
  }

  private static List<List<String>> csv(Path path) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      line = line.startsWith("\uFEFF") ? line.substring(1) : line;
      List<String> fields = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (quoted) {
          if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else if (ch == '"') {
            quoted = false;
          } else {
            f.append(ch);
          }
        } else if (ch == '"') {
          quoted = true;
        } else if (ch == ',') {
          fields.add(f.toString());
          f.setLength(0);
        } else {
          f.append(ch);
        }
      }
      fields.add(f.toString());
      rows.add(fields);
    }
    return rows;
  }
}
