package com.nbaprops.mlfs;

import com.nbaprops.mlfs.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the real entry point on local folders and reads its outputs back. */
public final class LocalRun {
  public final int exitCode;
  public final String stdout;
  public final String stderr;
  public final Path outputDir;

  private LocalRun(int exitCode, String stdout, String stderr, Path outputDir) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
    this.outputDir = outputDir;
  }

  public static LocalRun run(Path outputDir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    if (outputDir != null) {
      all.add("--outputDir=" + outputDir);
    }
    int code = FeatureStorePipeline.run(all.toArray(String[]::new),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new LocalRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8), outputDir);
  }

  /** The outputs of a run made some other way. */
  public static LocalRun read(Path outputDir) {
    return new LocalRun(0, "", "", outputDir);
  }

  /**
   * Rows of one output table, by partition ({@code game_date=D.ndjson} whatever the layout, or the
   * file name of an unpartitioned table), each parsed in file order.
   */
  public Map<String, List<Map<String, Object>>> table(String name) {
    Map<String, List<Map<String, Object>>> out = new TreeMap<>();
    Path dir = outputDir.resolve(name);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path f : entries.sorted().toList()) {
        String file = f.getFileName().toString();
        java.util.regex.Matcher m = java.util.regex.Pattern
            .compile("^game_date=(\\d{4}-\\d{2}-\\d{2})(\\.ndjson(\\.gz)?)?$").matcher(file);
        List<String> lines = m.matches()
            ? com.nbaprops.mlfs.sink.OutputLayout.readLines(outputDir, name,
                java.time.LocalDate.parse(m.group(1)))
            : Files.readAllLines(f, StandardCharsets.UTF_8);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : lines) {
          rows.add(Json.readObject(line));
        }
        out.put(m.matches() ? "game_date=" + m.group(1) + ".ndjson" : file, rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The file of one date of a table in the current layout (plain NDJSON). */
  public static Path datePath(Path outputDir, String table, String date) {
    return outputDir.resolve(com.nbaprops.mlfs.sink.OutputLayout.datePath(table,
        java.time.LocalDate.parse(date), false));
  }

  /** The health rows by game date, without run_id and created_at. */
  public Map<String, Map<String, Object>> healthByDate() {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    table("feature_store_daily_health").values().forEach(rows -> rows.forEach(r -> {
      Map<String, Object> copy = new LinkedHashMap<>(r);
      copy.remove("run_id");
      copy.remove("created_at");
      out.put((String) r.get("game_date"), copy);
    }));
    return out;
  }

  /** Rows of a table by player|date, without run-level columns; resolved gaps are left out. */
  public Map<String, Map<String, Object>> rowsByKey(String name) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    table(name).values().forEach(rows -> rows.forEach(r -> {
      if (r.get("resolved_at") != null) {
        return;   // a resolved gap: history, not a row of the run's outcome
      }
      Map<String, Object> copy = new LinkedHashMap<>(r);
      copy.remove("run_id");
      copy.remove("created_at");
      copy.remove("detected_at");
      out.put(r.get("player_lookup") + "|" + r.get("game_date"), copy);
    }));
    return out;
  }

  /** Copies a folder tree (test leagues are small). */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  public static Path resource(String path) {
    return Path.of("src/test/resources", path);
  }
}
