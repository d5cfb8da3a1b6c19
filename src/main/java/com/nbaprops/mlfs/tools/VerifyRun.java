package com.nbaprops.mlfs.tools;

import com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.sink.OutputLayout;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.source.RowParser;
import com.nbaprops.mlfs.source.SourceTable;
import com.nbaprops.mlfs.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Checks a finished local run against its input, independently of the pipeline's own counters: for
 * every date of the range, the roster read straight from the input (player_game_summary in
 * backfill, upcoming_player_game_context in daily mode) equals the players of the feature file plus
 * those of the open gaps (resolved gaps are history), and nobody appears twice.
 */
public final class VerifyRun {
  private VerifyRun() {}

  public static void main(String[] args) {
    System.exit(cli(args, System.out, System.err));
  }

  public static int cli(String[] args, PrintStream out, PrintStream err) {
    ToolOptions spec = new ToolOptions("scripts/verify-run --inputDir=DIR --outputDir=DIR "
        + "--startDate=D [--endDate=D] [--mode=backfill|daily]",
        "Checks a finished run: exit 0 when every roster entry of every date is exactly one",
        "feature row or one gap row, 1 when a date is not (or the range has no roster at all).")
        .required("inputDir", "the run's input folder")
        .required("outputDir", "the run's output folder")
        .required("startDate", "first game date, YYYY-MM-DD")
        .option("endDate", null, "last game date, YYYY-MM-DD (default: the start date)")
        .option("mode", "backfill", "backfill (roster = box scores) or daily (context rows)");
    return spec.run(args, out, err, o -> verify(o, out, err));
  }

  private static int verify(ToolOptions.Parsed o, PrintStream out, PrintStream err)
      throws IOException {
    LocalDate start = o.getDate("startDate");
    LocalDate end = o.endDate();
    String mode = o.mode();
    for (String folder : List.of("inputDir", "outputDir")) {
      if (!Files.isDirectory(Path.of(o.get(folder)))) {
        throw new InvalidOptionsException("--" + folder + "=" + o.get(folder)
            + " is not a folder");
      }
    }
    boolean daily = mode.equals("daily");
    Map<String, String> opts = Map.of("inputDir", o.get("inputDir"), "outputDir",
        o.get("outputDir"));
    Path in = Path.of(opts.get("inputDir"));
    Map<LocalDate, Set<String>> roster = roster(in, daily, start, end);
    Path outDir = Path.of(opts.get("outputDir"));
    // An output folder written before the health table existed is checked without it.
    boolean withHealth = Files.isDirectory(outDir.resolve(OutputSchema.HEALTH.name()));
    int problems = 0;
    List<LocalDate> failed = new ArrayList<>();
    long entries = 0;
    long rows = 0;
    long gaps = 0;
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      DateCheck c = checkDate(outDir, d, roster.getOrDefault(d, Set.of()), withHealth, err);
      if (!c.ok()) {
        problems++;
        failed.add(d);
      }
      entries += c.roster();
      rows += c.rows();
      gaps += c.gaps();
    }
    out.printf("verify-run: %d dates, roster %d = rows %d + gaps %d: %s%n",
        start.datesUntil(end.plusDays(1)).count(), entries, rows, gaps,
        entries == 0 ? "NO ROSTER" : problems == 0 ? "OK" : problems + " dates FAILED");
    if (entries == 0) {
      err.println("error: no roster entries in " + start + " .. " + end + " under " + in
          + ": nothing was checked");
      return 1;
    }
    if (!failed.isEmpty()) {
      err.println("To rebuild the failed dates:");
      for (LocalDate[] r : ranges(failed)) {
        err.printf("  scripts/run-local --mode=%s --startDate=%s --endDate=%s --inputDir=%s "
            + "--outputDir=%s%n", mode, r[0], r[1], o.get("inputDir"), o.get("outputDir"));
      }
    }
    return problems == 0 ? 0 : 1;
  }

  /** One date's roster, rows and open gaps, and whether they and its health row agree. */
  private record DateCheck(int roster, int rows, int gaps, boolean ok) {}

  /** Checks one date's outputs against its roster, printing what is wrong. */
  private static DateCheck checkDate(Path outDir, LocalDate d, Set<String> expected,
      boolean withHealth, PrintStream err) throws IOException {
    List<String> seenRows = players(OutputLayout.readLines(outDir,
        OutputSchema.FEATURE_STORE.name(), d));
    List<String> seenGaps = openGapPlayers(OutputLayout.readLines(outDir,
        OutputSchema.GAPS.name(), d));
    List<String> seen = new ArrayList<>(seenRows);
    seen.addAll(seenGaps);
    Set<String> unique = new HashSet<>(seen);
    String health = withHealth ? healthProblem(OutputLayout.readLines(outDir,
        OutputSchema.HEALTH.name(), d), expected.size(), seenRows.size(), seenGaps.size())
        : null;
    if (health != null) {
      err.printf("%s: %s%n", d, health);
    }
    if (!unique.equals(expected) || unique.size() != seen.size() || health != null) {
      Set<String> missing = new HashSet<>(expected);
      missing.removeAll(unique);
      Set<String> extra = new HashSet<>(unique);
      extra.removeAll(expected);
      if (health == null) {
        err.printf("%s: roster %d, rows %d + gaps %d; missing %s, unexpected %s, duplicated "
            + "%d%n", d, expected.size(), seenRows.size(), seenGaps.size(), first(missing),
            first(extra), seen.size() - unique.size());
      }
      return new DateCheck(expected.size(), seenRows.size(), seenGaps.size(), false);
    }
    return new DateCheck(expected.size(), seenRows.size(), seenGaps.size(), true);
  }

  /**
   * What is wrong with a date's health rows, or null: a date with roster has exactly one, and it
   * counts the date's roster, rows and open gaps (a date without roster may keep an old one).
   */
  static String healthProblem(List<String> lines, int roster, int rows, int gaps)
      throws IOException {
    if (roster == 0) {
      return null;
    }
    if (lines.size() != 1) {
      return lines.size() + " health rows (feature_store_daily_health), 1 expected";
    }
    Map<String, Object> h = com.nbaprops.mlfs.util.Json.readObject(lines.get(0));
    long[] want = {roster, rows, gaps};
    String[] columns = {"roster_entries", "feature_rows", "gap_rows"};
    for (int i = 0; i < columns.length; i++) {
      Object v = h.get(columns[i]);
      if (!(v instanceof Number n) || n.longValue() != want[i]) {
        return "health row " + columns[i] + " = " + v + ", the date has " + want[i];
      }
    }
    return null;
  }

  /** Sorted dates merged into ranges; dates a week apart or less share a range. */
  static List<LocalDate[]> ranges(List<LocalDate> dates) {
    List<LocalDate[]> out = new ArrayList<>();
    for (com.nbaprops.mlfs.status.RepairPlan.Range r
        : com.nbaprops.mlfs.status.RepairPlan.ranges(dates, 7)) {
      out.add(new LocalDate[] {r.start(), r.end()});
    }
    return out;
  }

  /**
   * The roster of each date of [start, end] read straight from the input folder:
   * player_game_summary (backfill) or upcoming_player_game_context (daily) players per date.
   */
  public static Map<LocalDate, Set<String>> roster(Path in, boolean daily, LocalDate start,
      LocalDate end) throws IOException {
    Map<LocalDate, Set<String>> roster = new TreeMap<>();
    if (daily) {
      RowParser<GameContextRow> p = new RowParser<>(SourceTable.UPCOMING_PLAYER_GAME_CONTEXT);
      lines(in.resolve(SourceTable.UPCOMING_PLAYER_GAME_CONTEXT.name()), line -> {
        GameContextRow r = parse(p, line);
        if (r != null && !r.gameDate().isBefore(start) && !r.gameDate().isAfter(end)) {
          roster.computeIfAbsent(r.gameDate(), k -> new HashSet<>()).add(r.playerLookup());
        }
      });
    } else {
      RowParser<PlayerGameRow> p = new RowParser<>(SourceTable.PLAYER_GAME_SUMMARY);
      lines(in.resolve(SourceTable.PLAYER_GAME_SUMMARY.name()), line -> {
        PlayerGameRow r = parse(p, line);
        if (r != null && !r.gameDate().isBefore(start) && !r.gameDate().isAfter(end)) {
          roster.computeIfAbsent(r.gameDate(), k -> new HashSet<>()).add(r.playerLookup());
        }
      });
    }
    return roster;
  }

  private static <T extends Record> T parse(RowParser<T> p, String line) {
    try {
      RowParser.Result<T> r = p.parse(Json.readObject(line));
      return r.ok() ? r.record() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String first(Set<String> s) {
    return s.stream().sorted().limit(5).toList().toString();
  }

  /** Players of the open gaps: resolved ones (resolved_at set) are history, not roster entries. */
  private static List<String> openGapPlayers(List<String> lines) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      Map<String, Object> g = Json.readObject(line);
      if (g.get("resolved_at") == null) {
        out.add((String) g.get("player_lookup"));
      }
    }
    return out;
  }

  private static List<String> players(List<String> lines) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add((String) Json.readObject(line).get("player_lookup"));
    }
    return out;
  }

  private static void lines(Path folder, Consumer<String> each) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(f -> f.toString().endsWith(".ndjson") || f.toString().endsWith(".ndjson.gz"))
          .sorted().toList();
    }
    for (Path f : files) {
      InputStream raw = Files.newInputStream(f);
      if (f.toString().endsWith(".gz")) {
        raw = new GZIPInputStream(raw, 1 << 16);
      }
      try (BufferedReader r = new BufferedReader(new InputStreamReader(raw,
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            each.accept(line);
          }
        }
      }
    }
  }
}
