package com.nbaprops.mlfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nbaprops.mlfs.util.Json;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.Test;

/** templates/ml-feature-store/metadata.json against FeatureStoreOptions. */
public class FlexTemplateMetadataTest {
  private static final Path METADATA = Path.of("templates/ml-feature-store/metadata.json");

  /** Per parameter kind: values its regex must accept, and values it must reject. */
  private static final Map<String, List<List<String>>> SAMPLES = Map.ofEntries(
      Map.entry("count", List.of(List.of("0", "50", "999999"), List.of("-1", "5.5", "", "x"))),
      Map.entry("pct", List.of(List.of("0", "60", "60.5", "100", "99.99"),
          List.of("-1", "100.5", "101", "", "x", "60%"))),
      Map.entry("days", List.of(List.of("0", "3", "14", "60"), List.of("-1", "7.5", "", "x", "100"))),
      Map.entry("date", List.of(List.of("2024-01-15", "2025-10-21"),
          List.of("2024-1-15", "20240115", "2024-01-15'; DROP TABLE x; --", "", "yesterday"))),
      Map.entry("mode", List.of(List.of("backfill", "daily"), List.of("weekly", "DAILY ", ""))),
      Map.entry("bool", List.of(List.of("true", "false"), List.of("yes", "1", ""))),
      Map.entry("io", List.of(List.of("bigquery", "files"), List.of("bq", "gcs", ""))),
      Map.entry("project", List.of(List.of("my-project", "example.com:proj"), List.of("My Project", "x"))),
      Map.entry("dataset", List.of(List.of("nba_analytics", "prod2"), List.of("a.b", "a b", "x;y", ""))),
      Map.entry("table", List.of(List.of("player_game_summary", "ds.table", "my-proj:ds.table"),
          List.of("x y", "t;DROP", "a.b.c.d", ""))),
      Map.entry("runId", List.of(List.of("mlfs_daily_2024-01-15", "run.1"), List.of("a b", "x/y", ""))));

  private static String kind(String name) {
    if (name.endsWith("Date")) {
      return "date";
    } else if (name.equals("mode")) {
      return "mode";
    } else if (name.equals("includeBootstrap") || name.equals("skipDependencyCheck")
        || name.equals("strictDependencies") || name.equals("replaceEmptyDates")) {
      return "bool";
    } else if (name.equals("bootstrapDays")) {
      return "days";
    } else if (name.equals("minUpstreamRows")) {
      return "count";
    } else if (name.equals("minQualityReadyPct")) {
      return "pct";
    } else if (name.equals("source") || name.equals("sink")) {
      return "io";
    } else if (name.equals("bigQueryProject")) {
      return "project";
    } else if (name.endsWith("Dataset")) {
      return "dataset";
    } else if (name.endsWith("Table")) {
      return "table";
    }
    return name;
  }

  @Test
  public void everyParameterIsAnOptionWithLabelHelpAndWorkingRegexes() throws Exception {
    JsonNode meta = Json.mapper().readTree(Files.readString(METADATA));
    assertFalse(meta.get("name").asText().isEmpty());
    assertFalse(meta.get("description").asText().isEmpty());
    Set<String> names = new HashSet<>();
    for (JsonNode p : meta.get("parameters")) {
      String name = p.get("name").asText();
      assertTrue("duplicate " + name, names.add(name));
      Method getter = FeatureStoreOptions.class.getMethod("get"
          + Character.toUpperCase(name.charAt(0)) + name.substring(1));
      assertNotNull(getter);
      assertFalse(name, p.get("label").asText().isEmpty());
      assertFalse(name, p.get("helpText").asText().isEmpty());
      assertTrue(name + " has no regex", p.get("regexes").size() > 0);
      List<List<String>> samples = SAMPLES.get(kind(name));
      assertNotNull("no samples for " + name, samples);
      for (JsonNode r : p.get("regexes")) {
        Pattern regex = Pattern.compile(r.asText());
        for (String good : samples.get(0)) {
          assertTrue(name + " must accept " + good, regex.matcher(good).matches());
        }
        for (String bad : samples.get(1)) {
          assertFalse(name + " must reject " + bad, regex.matcher(bad).matches());
        }
      }
    }
    // Every option of the job's own interface is a template parameter, except the local ones.
    Set<String> localOnly = Set.of("inputDir", "outputDir", "waitUntilFinish", "playerShards",
        "directRunnerChecks", "lockTimeoutHours", "compressOutputs", "progressSeconds");
    for (Method m : FeatureStoreOptions.class.getDeclaredMethods()) {
      if (m.getName().startsWith("get")) {
        String option = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
        assertTrue("option " + option + " missing from metadata.json",
            names.contains(option) || localOnly.contains(option));
      }
    }
    assertEquals(34, names.size());
  }
}
