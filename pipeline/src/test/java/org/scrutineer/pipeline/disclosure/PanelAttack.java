package org.scrutineer.pipeline.disclosure;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An outsider's attack on the published panel tables: it reads only {@code panel/*.csv}, the
 * README's description of them and the public ONS LAD-CSP-PFA lookup, derives every relation it can
 * on its own, and propagates them to a fixed point to bound every suppressed count. JDK only, so
 * that it also runs on any output as {@code java PanelAttack.java PANEL_DIR [--truth OUT_DIR]
 * [--lookup LOOKUP.csv] [--min 10] [--sensitive-min 20]} (exit 1 when anything is disclosed).
 *
 * <p>Relations it derives: the groups of a cell add up to All; the districts of a CSP (by the
 * lookup) add up to the CSP; the districts, or the CSPs with the districts in no CSP (such as
 * {@code UNKNOWN}), add up to the force; the months of a financial year add up to the year; and,
 * learnt from the published rows themselves, any two counts of the same cell that are equal, or one
 * at most the other, wherever both are published (at least {@value #EVIDENCE} times); and the six
 * custody disposals, whose shares the README gives over one denominator, adding up to at most it.
 * Every hidden count is at least 1 (zeros are published).
 *
 * <p>With {@code --truth} (the run's unsuppressed analyst tables) it also checks that every
 * relation it derived holds, and reports as disclosed: a suppressed count known exactly, and a
 * count from 1 to below its threshold (the README's 10, or 20 for measures about children and strip
 * searches) whose interval is narrower than the threshold.
 */
public final class PanelAttack {
  /** Published instances needed before a learnt equality or inequality is believed. */
  static final int EVIDENCE = 20;

  private static final long INFINITE = Long.MAX_VALUE / 4;
  private static final String[] CELL = {
    "power", "basis", "period_type", "period", "geography_level", "area_code", "force"
  };
  private static final List<String> LADDER =
      List.of(
          "reached_restraint_share",
          "reached_physical_share",
          "reached_weapon_drawn_share",
          "reached_weapon_aimed_share",
          "reached_weapon_used_share",
          "reached_discharged_share");
  private static final List<String> DISPOSAL_SHARES =
      List.of(
          "charged_share",
          "cautioned_share",
          "community_resolution_share",
          "no_further_action_share",
          "released_under_investigation_share",
          "bail_share");

  /**
   * What the attack found.
   *
   * @param hidden suppressed counts
   * @param recovered suppressed counts known exactly
   * @param narrow counts from 1 to below the threshold pinned to a narrower interval (needs truth)
   * @param relations relations derived, by kind
   * @param falseRelations derived relations the truth contradicts (needs truth)
   * @param examples a few disclosed counts, described
   */
  public record Report(
      int hidden,
      int recovered,
      int narrow,
      Map<String, Integer> relations,
      int falseRelations,
      List<String> examples) {
    /** Whether nothing was disclosed and every relation held. */
    public boolean safe() {
      return recovered == 0 && narrow == 0 && falseRelations == 0;
    }
  }

  private record Relation(String kind, int[] members, int total, boolean exact) {}

  private final List<String> names = new ArrayList<>();
  private final List<long[]> bounds = new ArrayList<>();
  private final List<Long> truth = new ArrayList<>();
  private final List<Long> thresholds = new ArrayList<>();
  private final List<Boolean> hidden = new ArrayList<>();
  private final List<Relation> relations = new ArrayList<>();

  private PanelAttack() {}

  public static void main(String[] args) throws IOException {
    Path panel = Path.of(args[0]);
    Path truthDir = null;
    Path lookup = null;
    long min = 10;
    long sensitive = 20;
    for (int i = 1; i < args.length; i += 2) {
      switch (args[i]) {
        case "--truth" -> truthDir = Path.of(args[i + 1]);
        case "--lookup" -> lookup = Path.of(args[i + 1]);
        case "--min" -> min = Long.parseLong(args[i + 1]);
        case "--sensitive-min" -> sensitive = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
      }
    }
    Report report = attack(panel, truthDir, lookup, min, sensitive);
    System.out.printf(
        "panel attack: %,d suppressed counts; relations %s; recovered %,d; narrower than the"
            + " threshold %,d; false relations %,d%n",
        report.hidden(),
        report.relations(),
        report.recovered(),
        report.narrow(),
        report.falseRelations());
    report.examples().forEach(e -> System.out.println("  " + e));
    System.exit(report.safe() ? 0 : 1);
  }

  /** Attacks the panel tables in {@code panel}; {@code truthDir} and {@code lookup} may be null. */
  public static Report attack(Path panel, Path truthDir, Path lookup, long min, long sensitive)
      throws IOException {
    PanelAttack attack = new PanelAttack();
    Map<String, String> csps = lookup == null ? Map.of() : lookup(lookup);
    List<Table> tables = new ArrayList<>();
    tables.add(
        attack.load(panel, truthDir, "disproportionality", List.of("events"), min, sensitive));
    tables.add(
        attack.load(
            panel, truthDir, "outcomes", List.of("numerator", "denominator"), min, sensitive));
    for (Table t : tables) {
      attack.structural(t, csps, lookup != null);
    }
    attack.learnt(tables);
    attack.documented(tables.get(1));
    attack.disposals(tables.get(1));
    attack.propagate();
    return attack.report(truthDir != null);
  }

  /** One panel table: its rows' cell keys and, per count column, the variable of each row. */
  private record Table(String name, List<Map<String, String>> rows, Map<String, int[]> variables) {}

  private Table load(
      Path panel, Path truthDir, String name, List<String> counts, long min, long sensitive)
      throws IOException {
    List<Map<String, String>> rows = readTable(panel, name);
    Map<String, Map<String, String>> truthRows = new HashMap<>();
    if (truthDir != null) {
      for (Map<String, String> row : readTable(truthDir.resolve("csv"), name)) {
        truthRows.put(rowKey(row), row);
      }
    }
    Map<String, int[]> variables = new LinkedHashMap<>();
    for (String column : counts) {
      int[] ids = new int[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        Map<String, String> row = rows.get(r);
        String measure = row.getOrDefault("measure", "");
        long threshold = measure.contains("child") || measure.contains("strip") ? sensitive : min;
        Map<String, String> truthRow = truthRows.get(rowKey(row));
        Long value =
            truthRow == null ? null : (long) Math.round(Double.parseDouble(truthRow.get(column)));
        ids[r] =
            variable(name + " " + rowKey(row) + " " + column, row.get(column), value, threshold);
      }
      variables.put(column, ids);
    }
    return new Table(name, rows, variables);
  }

  private int variable(String name, String published, Long value, long threshold) {
    long[] b;
    boolean isHidden = published.equals("[c]");
    if (isHidden) {
      b = new long[] {1, INFINITE};
    } else if (published.isEmpty()) {
      b = new long[] {0, INFINITE};
    } else {
      // Six significant digits: a large count is known only to within its rounding.
      BigDecimal d = new BigDecimal(published);
      BigDecimal half = BigDecimal.ONE.movePointLeft(d.scale()).divide(BigDecimal.valueOf(2));
      b =
          d.scale() <= 0 && d.precision() - d.scale() <= 6
              ? new long[] {d.longValueExact(), d.longValueExact()}
              : new long[] {
                d.subtract(half).setScale(0, java.math.RoundingMode.CEILING).longValue(),
                d.add(half).setScale(0, java.math.RoundingMode.FLOOR).longValue()
              };
    }
    names.add(name);
    bounds.add(b);
    truth.add(value);
    thresholds.add(threshold);
    hidden.add(isHidden);
    return names.size() - 1;
  }

  /** Groups to All, districts to CSPs and forces, CSPs to forces, months to years. */
  private void structural(Table table, Map<String, String> csps, boolean haveLookup) {
    for (Map.Entry<String, int[]> column : table.variables().entrySet()) {
      Map<String, List<Integer>> members = new LinkedHashMap<>();
      Map<String, Integer> totals = new HashMap<>();
      for (int r = 0; r < table.rows().size(); r++) {
        Map<String, String> row = table.rows().get(r);
        int v = column.getValue()[r];
        String measure = row.getOrDefault("measure", "");
        String group = row.get("ethnic_group");
        String cell = String.join("|", values(row, CELL)) + "|" + measure;
        add(members, totals, "groups|" + cell, v, group.equals("All"));
        String inForce =
            String.join(
                "|",
                row.get("power"),
                row.get("basis"),
                row.get("period_type"),
                row.get("period"),
                row.get("force"),
                group,
                measure);
        String level = row.get("geography_level");
        String area = row.get("area_code");
        switch (level) {
          case "force" -> {
            totals.put("districts->force|" + inForce, v);
            if (haveLookup) {
              totals.put("csps->force|" + inForce, v);
            }
          }
          case "csp" -> {
            members.computeIfAbsent("csps->force|" + inForce, k -> new ArrayList<>()).add(v);
            totals.put("districts->csp|" + inForce + "|" + area, v);
          }
          default -> {
            members.computeIfAbsent("districts->force|" + inForce, k -> new ArrayList<>()).add(v);
            String csp = csps.get(area);
            String parent =
                csp == null ? "csps->force|" + inForce : "districts->csp|" + inForce + "|" + csp;
            members.computeIfAbsent(parent, k -> new ArrayList<>()).add(v);
          }
        }
        String period = row.get("period");
        String type = row.get("period_type");
        String place =
            String.join(
                "|",
                row.get("power"),
                row.get("basis"),
                level,
                area,
                row.get("force"),
                group,
                measure);
        if (type.equals("month")) {
          members
              .computeIfAbsent(
                  "months->year|" + place + "|" + financialYear(period), k -> new ArrayList<>())
              .add(v);
        } else if (type.equals("financial_year")) {
          totals.put("months->year|" + place + "|" + period, v);
        }
      }
      members.forEach(
          (key, list) -> {
            Integer total = totals.get(key);
            if (total != null) {
              relations.add(
                  new Relation(
                      key.substring(0, key.indexOf('|')),
                      list.stream().mapToInt(Integer::intValue).toArray(),
                      total,
                      true));
            }
          });
    }
  }

  private static void add(
      Map<String, List<Integer>> members,
      Map<String, Integer> totals,
      String key,
      int v,
      boolean total) {
    if (total) {
      totals.put(key, v);
    } else {
      members.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
    }
  }

  /**
   * Equalities and inequalities between the counts of one cell and group, learnt from every place
   * both are published: a count kind is a table, power, measure and column.
   */
  private void learnt(List<Table> tables) {
    Map<String, Map<String, Integer>> cells = new HashMap<>();
    for (Table table : tables) {
      for (Map.Entry<String, int[]> column : table.variables().entrySet()) {
        for (int r = 0; r < table.rows().size(); r++) {
          Map<String, String> row = table.rows().get(r);
          String kind =
              table.name()
                  + ":"
                  + row.get("power")
                  + ":"
                  + row.getOrDefault("measure", "")
                  + ":"
                  + column.getKey();
          String cell =
              String.join(
                  "|",
                  row.get("basis"),
                  row.get("period_type"),
                  row.get("period"),
                  row.get("geography_level"),
                  row.get("area_code"),
                  row.get("force"),
                  row.get("ethnic_group"));
          cells.computeIfAbsent(cell, k -> new TreeMap<>()).put(kind, column.getValue()[r]);
        }
      }
    }
    // For each ordered pair of kinds: instances both published, and whether a <= b, a >= b held.
    Map<String, long[]> evidence = new HashMap<>();
    for (Map<String, Integer> cell : cells.values()) {
      List<Map.Entry<String, Integer>> known = new ArrayList<>();
      for (Map.Entry<String, Integer> e : cell.entrySet()) {
        long[] b = bounds.get(e.getValue());
        if (b[0] == b[1]) {
          known.add(e);
        }
      }
      for (int i = 0; i < known.size(); i++) {
        for (int j = i + 1; j < known.size(); j++) {
          long a = bounds.get(known.get(i).getValue())[0];
          long b = bounds.get(known.get(j).getValue())[0];
          long[] ev =
              evidence.computeIfAbsent(
                  known.get(i).getKey() + " " + known.get(j).getKey(), k -> new long[3]);
          // 0 = 0 says nothing about two kinds of count.
          ev[0] += a > 0 || b > 0 ? 1 : 0;
          ev[1] += a <= b ? 0 : 1;
          ev[2] += a >= b ? 0 : 1;
        }
      }
    }
    // Only equalities are learnt: "a is at most b wherever both are published" is as often a
    // coincidence of sizes as a rule, and inequalities come from the README instead.
    java.util.Set<String> rules = new java.util.HashSet<>();
    evidence.forEach(
        (pair, ev) -> {
          if (ev[0] >= EVIDENCE && ev[1] == 0 && ev[2] == 0) {
            rules.add(pair);
          }
        });
    for (Map<String, Integer> cell : cells.values()) {
      List<Map.Entry<String, Integer>> all = new ArrayList<>(cell.entrySet());
      for (int i = 0; i < all.size(); i++) {
        for (int j = i + 1; j < all.size(); j++) {
          String pair = all.get(i).getKey() + " " + all.get(j).getKey();
          if (!rules.contains(pair)) {
            continue;
          }
          int a = all.get(i).getValue();
          int b = all.get(j).getValue();
          if (!hidden.get(a) && !hidden.get(b)) {
            continue;
          }
          relations.add(new Relation("equal", new int[] {a}, b, true));
        }
      }
    }
  }

  /**
   * What the README says of the outcome measures: a share's numerator is at most its denominator
   * (every measure is a share but {@code per_arrest}, a rate); a step of the use-of-force ladder is
   * reached by at most as many as the step below ({@code reached_<step>_share}, in ladder order).
   */
  private void documented(Table outcomes) {
    int[] numerators = outcomes.variables().get("numerator");
    int[] denominators = outcomes.variables().get("denominator");
    Map<String, Map<String, Integer>> ladders = new HashMap<>();
    for (int r = 0; r < outcomes.rows().size(); r++) {
      Map<String, String> row = outcomes.rows().get(r);
      String measure = row.get("measure");
      if (!measure.equals("per_arrest")) {
        relations.add(new Relation("share", new int[] {numerators[r]}, denominators[r], false));
      }
      if (LADDER.contains(measure)) {
        String cell = String.join("|", values(row, CELL)) + "|" + row.get("ethnic_group");
        ladders.computeIfAbsent(cell, k -> new HashMap<>()).put(measure, numerators[r]);
      }
    }
    for (Map<String, Integer> steps : ladders.values()) {
      for (int k = 1; k < LADDER.size(); k++) {
        Integer below = steps.get(LADDER.get(k - 1));
        Integer above = steps.get(LADDER.get(k));
        if (below != null && above != null) {
          relations.add(new Relation("ladder", new int[] {above}, below, false));
        }
      }
    }
  }

  /** The six custody disposals of a cell and group add up to at most their common denominator. */
  private void disposals(Table outcomes) {
    Map<String, List<Integer>> numerators = new HashMap<>();
    Map<String, Integer> denominators = new HashMap<>();
    for (int r = 0; r < outcomes.rows().size(); r++) {
      Map<String, String> row = outcomes.rows().get(r);
      if (!DISPOSAL_SHARES.contains(row.get("measure"))) {
        continue;
      }
      String cell = String.join("|", values(row, CELL)) + "|" + row.get("ethnic_group");
      numerators
          .computeIfAbsent(cell, k -> new ArrayList<>())
          .add(outcomes.variables().get("numerator")[r]);
      denominators.put(cell, outcomes.variables().get("denominator")[r]);
    }
    numerators.forEach(
        (cell, list) ->
            relations.add(
                new Relation(
                    "disposals",
                    list.stream().mapToInt(Integer::intValue).toArray(),
                    denominators.get(cell),
                    false)));
  }

  /** Bounds propagation over every relation until no interval narrows. */
  private void propagate() {
    List<List<Integer>> of = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      of.add(new ArrayList<>());
    }
    for (int r = 0; r < relations.size(); r++) {
      of.get(relations.get(r).total()).add(r);
      for (int m : relations.get(r).members()) {
        of.get(m).add(r);
      }
    }
    ArrayDeque<Integer> pending = new ArrayDeque<>();
    boolean[] waiting = new boolean[relations.size()];
    for (int r = 0; r < relations.size(); r++) {
      pending.add(r);
      waiting[r] = true;
    }
    while (!pending.isEmpty()) {
      int r = pending.poll();
      waiting[r] = false;
      for (int v : narrow(relations.get(r))) {
        for (int next : of.get(v)) {
          if (!waiting[next]) {
            waiting[next] = true;
            pending.add(next);
          }
        }
      }
    }
  }

  /** Members {@code m} add up to (at most) total {@code t}: narrows each from the others. */
  private List<Integer> narrow(Relation r) {
    List<Integer> narrowed = new ArrayList<>();
    long[] t = bounds.get(r.total());
    long low = 0;
    long finiteHigh = 0;
    int infinite = 0;
    for (int m : r.members()) {
      low += bounds.get(m)[0];
      if (bounds.get(m)[1] >= INFINITE) {
        infinite++;
      } else {
        finiteHigh += bounds.get(m)[1];
      }
    }
    if (low > t[0] && low <= t[1]) {
      t[0] = low;
      narrowed.add(r.total());
    }
    if (r.exact() && infinite == 0 && finiteHigh < t[1] && finiteHigh >= t[0]) {
      t[1] = finiteHigh;
      narrowed.add(r.total());
    }
    for (int m : r.members()) {
      long[] b = bounds.get(m);
      long othersLow = low - b[0];
      boolean mInfinite = b[1] >= INFINITE;
      long othersHigh =
          infinite - (mInfinite ? 1 : 0) > 0 ? INFINITE : finiteHigh - (mInfinite ? 0 : b[1]);
      // A bound that would cross the other comes of a relation that does not hold (learnt
      // wrongly): it tells nothing, and following it would never end.
      if (t[1] < INFINITE && t[1] - othersLow < b[1] && t[1] - othersLow >= b[0]) {
        b[1] = t[1] - othersLow;
        narrowed.add(m);
      }
      if (r.exact()
          && othersHigh < INFINITE
          && t[0] - othersHigh > b[0]
          && t[0] - othersHigh <= b[1]) {
        b[0] = t[0] - othersHigh;
        narrowed.add(m);
      }
    }
    return narrowed;
  }

  private Report report(boolean withTruth) {
    Map<String, Integer> kinds = new TreeMap<>();
    int falseRelations = 0;
    List<String> examples = new ArrayList<>();
    for (Relation r : relations) {
      kinds.merge(r.kind(), 1, Integer::sum);
      if (withTruth && !holds(r)) {
        falseRelations++;
        if (examples.size() < 10) {
          examples.add("false " + r.kind() + " relation: total " + names.get(r.total()));
        }
      }
    }
    int hiddenCount = 0;
    int recovered = 0;
    int narrowCount = 0;
    for (int i = 0; i < names.size(); i++) {
      if (!hidden.get(i)) {
        continue;
      }
      hiddenCount++;
      long[] b = bounds.get(i);
      Long value = truth.get(i);
      if (b[0] == b[1]) {
        recovered++;
        if (examples.size() < 10) {
          examples.add("recovered " + b[0] + ": " + names.get(i));
        }
      } else if (value != null
          && value > 0
          && value < thresholds.get(i)
          && b[1] - b[0] < thresholds.get(i)) {
        narrowCount++;
        if (examples.size() < 10) {
          examples.add(
              "pinned to [" + b[0] + ", " + b[1] + "] (true " + value + "): " + names.get(i));
        }
      }
    }
    return new Report(hiddenCount, recovered, narrowCount, kinds, falseRelations, examples);
  }

  private boolean holds(Relation r) {
    long sum = 0;
    for (int m : r.members()) {
      if (truth.get(m) == null) {
        return true;
      }
      sum += truth.get(m);
    }
    Long total = truth.get(r.total());
    return total == null || (r.exact() ? sum == total : sum <= total);
  }

  private static String financialYear(String month) {
    int year = Integer.parseInt(month.substring(0, 4));
    int m = Integer.parseInt(month.substring(5, 7));
    int start = m >= 4 ? year : year - 1;
    return String.format("%d-%02d", start, (start + 1) % 100);
  }

  private static String rowKey(Map<String, String> row) {
    return String.join("|", values(row, CELL))
        + "|"
        + row.get("ethnic_group")
        + "|"
        + row.getOrDefault("measure", "");
  }

  private static List<String> values(Map<String, String> row, String[] columns) {
    List<String> v = new ArrayList<>();
    for (String c : columns) {
      v.add(row.get(c));
    }
    return v;
  }

  /** The ONS lookup's district to CSP codes ({@code LADyyCD}, {@code CSPyyCD}). */
  private static Map<String, String> lookup(Path file) throws IOException {
    List<Map<String, String>> rows = read(file);
    Map<String, String> csps = new HashMap<>();
    for (Map<String, String> row : rows) {
      String lad = null;
      String csp = null;
      for (Map.Entry<String, String> e : row.entrySet()) {
        String k = e.getKey().toUpperCase();
        if (k.matches("LAD\\d\\dCD")) {
          lad = e.getValue();
        } else if (k.matches("CSP\\d\\dCD")) {
          csp = e.getValue();
        }
      }
      if (lad != null && csp != null) {
        csps.put(lad, csp);
      }
    }
    return csps;
  }

  /** An RFC 4180 CSV (with or without a byte-order mark) as rows keyed by header. */
  /**
   * A table's rows: from the folder of its per-force files ({@code FOLDER/NAME/*.csv}), or from one
   * file {@code FOLDER/NAME.csv} (the layout before per-force files).
   */
  static List<Map<String, String>> readTable(Path folder, String name) throws IOException {
    Path single = folder.resolve(name + ".csv");
    if (Files.isRegularFile(single) || !Files.isDirectory(folder.resolve(name))) {
      return read(Files.isRegularFile(single) ? single : folder.getParent().resolve(name + ".csv"));
    }
    List<Map<String, String>> rows = new ArrayList<>();
    try (java.util.stream.Stream<Path> files = Files.list(folder.resolve(name))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        rows.addAll(read(file));
      }
    }
    return rows;
  }

  static List<Map<String, String>> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      Map<String, String> row = new HashMap<>();
      for (int k = 0; k < header.size(); k++) {
        row.put(header.get(k), k < r.size() ? r.get(k) : "");
      }
      rows.add(row);
    }
    return rows;
  }
}
