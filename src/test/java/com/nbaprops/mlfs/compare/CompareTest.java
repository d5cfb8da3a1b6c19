package com.nbaprops.mlfs.compare;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nbaprops.mlfs.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** scripts/compare on hand-made stores whose differences are known. */
public class CompareTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  record Run(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return Json.mapper().readTree(out);
    }
  }

  static Run compare(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CompareCli.cli(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), null);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A feature row: every value 1.0 labelled phase4 unless changed, two quality fields. */
  static Map<String, Object> row(String player, String date) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("player_lookup", player);
    r.put("game_date", date);
    r.put("team_abbr", "BOS");
    List<Double> features = new ArrayList<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < 37; i++) {
      features.add(1.0);
      labels.put(String.valueOf(i), "phase4");
      r.put("feature_" + i + "_source", "phase4");
    }
    r.put("features", features);
    r.put("feature_sources_json", Json.write(labels));
    r.put("feature_quality_score", 98.14);
    r.put("quality_tier", "gold");
    r.put("matchup_quality_pct", 100.0);
    r.put("required_default_count", 0);
    r.put("default_feature_indices", List.of());
    r.put("is_quality_ready", true);
    r.put("quality_alert_level", "green");
    r.put("run_id", "run-" + player);
    r.put("created_at", "2026-01-01T00:00:00Z");
    return r;
  }

  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> row, int index, double value, String label) {
    ((List<Double>) row.get("features")).set(index, value);
    if (label != null) {
      Map<String, Object> labels;
      try {
        labels = Json.readObject((String) row.get("feature_sources_json"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      labels.put(String.valueOf(index), label);
      row.put("feature_sources_json", Json.write(labels));
      row.put("feature_" + index + "_source", switch (label) {
        case "vegas", "opponent_history", "minutes_ppm" -> "phase4";
        case "missing" -> "default";
        default -> label;
      });
    }
  }

  static void write(Path file, List<Map<String, Object>> rows, boolean gzip) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder sb = new StringBuilder();
    for (Map<String, Object> r : rows) {
      sb.append(Json.write(r)).append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(file))) {
        z.write(bytes);
      }
    } else {
      Files.write(file, bytes);
    }
  }

  @Test
  public void aMovedValueAMissingRowAndAChangedLabelAreFoundWhateverTheLayout() throws Exception {
    Path left = tmp.newFolder("left").toPath();
    Path right = tmp.newFolder("right").toPath();
    // Left: the current Hive layout (one date gzip). Right: the old flat layout.
    write(left.resolve("ml_feature_store_v2/game_date=2025-01-15/part-00000.ndjson"),
        List.of(row("a", "2025-01-15"), row("b", "2025-01-15"), row("c", "2025-01-15")), false);
    write(left.resolve("ml_feature_store_v2/game_date=2025-01-16/part-00000.ndjson.gz"),
        List.of(row("a", "2025-01-16")), true);
    Map<String, Object> moved = row("a", "2025-01-15");
    set(moved, 13, 1.5, null);                       // a moved value: #13 1.0 -> 1.5
    Map<String, Object> relabelled = row("b", "2025-01-15");
    set(relabelled, 22, 1.0, "phase3");              // same value, another source label
    write(right.resolve("ml_feature_store_v2/game_date=2025-01-15.ndjson"),
        List.of(moved, relabelled), false);         // row c is missing on the right
    write(right.resolve("ml_feature_store_v2/game_date=2025-01-16.ndjson"),
        List.of(row("a", "2025-01-16")), false);

    Run r = compare("--left=" + left, "--right=" + right, "--json");
    assertEquals(r.err(), 1, r.exit());
    JsonNode j = r.json();
    assertEquals(3, j.at("/rows/both").asInt());
    assertEquals(1, j.at("/rows/left_only").asInt());
    assertEquals(0, j.at("/rows/right_only").asInt());
    assertEquals(2, j.at("/rows_by_date").size());
    assertEquals(1, j.at("/rows_by_date/0/left_only").asInt());
    JsonNode f13 = j.at("/features/13");
    assertEquals("opponent_def_rating", f13.get("name").asText());
    assertEquals(3, f13.get("compared").asInt());
    assertEquals(2, f13.get("equal").asInt());
    assertEquals(0.5, f13.get("max_abs_diff").asDouble(), 0.0);
    assertEquals("a", f13.at("/examples/0/player_lookup").asText());
    assertEquals(1.0, f13.at("/examples/0/left").asDouble(), 0.0);
    assertEquals(1.5, f13.at("/examples/0/right").asDouble(), 0.0);
    JsonNode f22 = j.at("/features/22");
    assertEquals(3, f22.get("equal").asInt());          // values agree ...
    assertEquals(1, f22.get("source_differs").asInt()); // ... the label does not
    for (JsonNode f : j.get("features")) {
      if (f.get("index").asInt() != 13) {
        assertEquals(f.get("compared").asInt(), f.get("equal").asInt());
      }
    }
    JsonNode source22 = field(j, "feature_22_source");
    assertEquals(3, source22.get("compared").asInt());
    assertEquals(2, source22.get("equal").asInt());
    assertEquals(3, field(j, "feature_quality_score").get("equal").asInt());
    // Run-specific columns are never compared.
    for (JsonNode f : j.get("fields")) {
      assertTrue(!f.get("name").asText().equals("run_id")
          && !f.get("name").asText().equals("created_at"));
    }
    // moved value + relabel (the feature's label, feature_22_source, feature_sources_json) +
    // missing row = 5 differences.
    assertEquals(5, j.get("unexplained_count").asInt());

    // The same store against itself agrees; a date range leaves the other date out.
    assertEquals(0, compare("--left=" + left, "--right=" + left).exit());
    Run day = compare("--left=" + left, "--right=" + right, "--startDate=2025-01-16", "--json");
    assertEquals(0, day.exit());
    assertEquals(1, day.json().at("/rows/both").asInt());
    // A tolerance that covers the move still sees the label.
    Run tolerant = compare("--left=" + left, "--right=" + right, "--tolerance=0.5", "--json");
    assertEquals(3, tolerant.json().at("/features/13/equal").asInt());
  }

  private static JsonNode field(JsonNode report, String name) {
    for (JsonNode f : report.get("fields")) {
      if (f.get("name").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no field " + name);
  }

  @Test
  public void gapsAreComparedWhenBothSidesHaveThemAndTheHtmlReportIsSelfContained()
      throws Exception {
    Path left = tmp.newFolder("gl").toPath();
    Path right = tmp.newFolder("gr").toPath();
    write(left.resolve("ml_feature_store_v2/game_date=2025-01-15/part-00000.ndjson"),
        List.of(row("a", "2025-01-15")), false);
    write(right.resolve("ml_feature_store_v2/game_date=2025-01-15/part-00000.ndjson"),
        List.of(row("a", "2025-01-15")), false);
    write(left.resolve("feature_store_gaps/game_date=2025-01-15/part-00000.ndjson"), List.of(
        Map.of("player_lookup", "x", "game_date", "2025-01-15", "reason", "bootstrap"),
        Map.of("player_lookup", "y", "game_date", "2025-01-15", "reason", "bootstrap")), false);
    Map<String, Object> resolved = new LinkedHashMap<>(Map.of("player_lookup", "z",
        "game_date", "2025-01-15", "reason", "processing_error"));
    resolved.put("resolved_at", "2025-01-16T00:00:00Z");   // history, not an open gap
    write(right.resolve("feature_store_gaps/game_date=2025-01-15/part-00000.ndjson"), List.of(
        Map.of("player_lookup", "x", "game_date", "2025-01-15", "reason",
            "missing_team_or_opponent"), resolved), false);
    Path html = tmp.getRoot().toPath().resolve("report/compare.html");
    Run r = compare("--left=" + left, "--right=" + right, "--json", "--html=" + html);
    assertEquals(1, r.exit());
    JsonNode g = r.json().get("gaps");
    assertEquals(1, g.get("both").asInt());
    assertEquals(1, g.get("reason_differs").asInt());
    assertEquals(1, g.get("left_only").asInt());
    assertEquals(0, g.get("right_only").asInt());
    String page = Files.readString(html);
    assertThat(page, containsString("<h2>Features</h2>"));
    assertTrue(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"));
  }

  @Test
  public void aBqExtractExportIsReadAsOneSide() throws Exception {
    Path left = tmp.newFolder("store").toPath();
    write(left.resolve("ml_feature_store_v2/game_date=2025-01-15/part-00000.ndjson"),
        List.of(row("a", "2025-01-15"), row("b", "2025-01-15")), false);
    // bq extract writes rows of any dates into numbered files, game_date may be a timestamp-ish
    Path export = tmp.newFolder("export").toPath();
    write(export.resolve("rows-000000000000.json"), List.of(row("b", "2025-01-15")), false);
    write(export.resolve("rows-000000000001.json.gz"),
        List.of(row("a", "2025-01-15"), row("a", "2025-01-20")), true);
    Run r = compare("--left=" + export, "--right=" + left, "--endDate=2025-01-15", "--json");
    assertEquals(r.err(), 0, r.exit());
    assertEquals(2, r.json().at("/rows/both").asInt());

    // bq extract writes INT64 as text and leaves NULL columns out; a column only one side has
    // is not compared.
    Map<String, Object> asText = row("a", "2025-01-15");
    asText.put("required_default_count", "0");          // same value as the number 0
    asText.remove("quality_tier");                      // NULL here, "gold" there: a difference
    asText.put("legacy_only_column", 1);                // never on the right: not compared
    Path export2 = tmp.newFolder("export2").toPath();
    write(export2.resolve("rows.json"), List.of(asText, row("b", "2025-01-15")), false);
    Run typed = compare("--left=" + export2, "--right=" + left, "--json");
    assertEquals(1, typed.exit());
    JsonNode j = typed.json();
    assertEquals(2, field(j, "required_default_count").get("equal").asInt());
    assertEquals(1, field(j, "quality_tier").get("equal").asInt());
    assertEquals(1, j.get("unexplained_count").asInt());
    for (JsonNode f : j.get("fields")) {
      assertTrue(!f.get("name").asText().equals("legacy_only_column"));
    }
  }

  @Test
  public void badDataExitsOneAndAnEmptyRangeComparesNothing() throws Exception {
    Path store = tmp.newFolder("good").toPath();
    write(store.resolve("ml_feature_store_v2/game_date=2025-01-15/part-00000.ndjson"),
        List.of(row("a", "2025-01-15")), false);
    Path bad = tmp.newFolder("bad").toPath();
    java.nio.file.Files.createDirectories(bad.resolve("ml_feature_store_v2/game_date=2025-01-15"));
    java.nio.file.Files.writeString(bad.resolve(
        "ml_feature_store_v2/game_date=2025-01-15/part-00000.ndjson"), "{\"player_lookup\":\n");
    Run r = compare("--left=" + store, "--right=" + bad);
    assertEquals(1, r.exit());
    assertThat(r.err(), containsString("line 1: not a JSON object"));
    Map<String, Object> text = row("a", "2025-01-15");
    @SuppressWarnings("unchecked")
    List<Object> values = (List<Object>) (List<?>) text.get("features");
    values.set(3, "five");
    Path word = tmp.newFolder("word").toPath();
    write(word.resolve("ml_feature_store_v2/game_date=2025-01-15/part-00000.ndjson"),
        List.of(text), false);
    r = compare("--left=" + store, "--right=" + word);
    assertEquals(1, r.exit());
    assertThat(r.err(), containsString("feature 3 of a 2025-01-15 is not a number"));
    // A range without rows on either side: nothing compared, which is not agreement.
    r = compare("--left=" + store, "--right=" + store, "--startDate=2026-01-01");
    assertEquals(1, r.exit());
    assertThat(r.err(), containsString("nothing was compared"));
  }

  @Test
  public void badOptionsExitTwoWithAMessage() throws Exception {
    Path store = tmp.newFolder("s").toPath();
    write(store.resolve("ml_feature_store_v2/game_date=2025-01-15/part-00000.ndjson"),
        List.of(row("a", "2025-01-15")), false);
    String ok = "--left=" + store;
    Object[][] cases = {
        {new String[] {ok}, "pass --right"},
        {new String[] {ok, "--right=" + store, "--tolerance=abc"}, "--tolerance=abc is not a number"},
        {new String[] {ok, "--right=" + store, "--tolerance=-1"}, "must be 0 or more"},
        {new String[] {ok, "--right=" + store, "--left-kind=old"}, "--left-kind=old is not a kind"},
        {new String[] {ok, "--right=" + store, "--startDate=2025-02-01", "--endDate=2025-01-01"},
            "is before --startDate"},
        {new String[] {ok, "--right=" + store, "--startDate=2025-13-01"}, "YYYY-MM-DD"},
        {new String[] {ok, "--right=/no/such/store"}, "/no/such/store does not exist"},
        {new String[] {ok, "--right=" + tmp.newFolder("empty")}, "holds no NDJSON files"},
        {new String[] {ok, "--right=" + store, "--source=parquet"}, "--source=parquet is not"},
        {new String[] {"--left=p:d.t", "--right=p:d.u", "--source=bigquery"}, "pass --startDate"},
        {new String[] {"--left=nodataset", "--right=p:d.u", "--source=bigquery",
            "--startDate=2025-01-01", "--endDate=2025-01-02"}, "--left=nodataset is not a table"},
        {new String[] {ok, "--right=" + store, "--json=yes"}, "--json=yes is not true or false"},
        {new String[] {ok, "--right=" + store, "--nope=1"}, "unknown option --nope"},
    };
    for (Object[] c : cases) {
      Run r = compare((String[]) c[0]);
      assertEquals(String.join(" ", (String[]) c[0]) + ": " + r.err(), 2, r.exit());
      assertThat(r.err(), containsString((String) c[1]));
    }
    assertEquals(0, compare("--help").exit());
  }
}
