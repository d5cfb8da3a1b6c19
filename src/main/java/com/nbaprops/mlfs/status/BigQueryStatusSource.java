package com.nbaprops.mlfs.status;

import com.google.api.services.bigquery.model.TableReference;
import com.nbaprops.mlfs.util.BigQueryExport;
import com.nbaprops.mlfs.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;

/**
 * The store in BigQuery: the roster table, the feature, gap and health tables, each read once
 * with the Storage Read API, restricted to the range's dates; the feature and gap tables to the
 * few columns status uses (readiness, defaults and versions; reason and lifecycle). A feature or gap table that does not exist yet reads as empty.
 */
public final class BigQueryStatusSource implements StatusSource {
  static final List<String> FEATURE_COLUMNS = List.of("player_lookup", "game_date",
      "is_quality_ready", "default_feature_indices", "feature_version", "feature_schema_version",
      "quality_schema_version");
  static final List<String> GAP_COLUMNS = List.of("player_lookup", "game_date", "reason",
      "detected_at", "resolved_at");
  static final List<String> HEALTH_COLUMNS = List.of("game_date", "quality_ready_pct", "alerts",
      "coverage_ok");

  private final Map<LocalDate, Set<String>> roster = new TreeMap<>();
  private final Map<LocalDate, List<String>> features = new TreeMap<>();
  private final Map<LocalDate, List<String>> gaps = new TreeMap<>();
  private final Map<LocalDate, List<String>> health = new TreeMap<>();

  /**
   * @param rosterSource the roster's source table (player_game_summary in backfill,
   *     upcoming_player_game_context in daily mode): read with its contract columns and parsed as
   *     the job parses it, so the rows the job would dead-letter are not roster entries here either
   */
  public BigQueryStatusSource(com.nbaprops.mlfs.source.SourceTable<?> rosterSource,
      TableReference rosterTable, TableReference featureTable, TableReference gapTable,
      TableReference healthTable, LocalDate start, LocalDate end, BigQueryOptions options, BigQueryServices testServices)
      throws IOException {
    List<BigQueryExport.Read> reads = new ArrayList<>();
    if (BigQueryExport.columns(rosterTable, options, testServices) == null) {
      throw new com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException("the roster table "
          + org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers.toTableSpec(rosterTable)
          + " does not exist");
    }
    reads.add(new BigQueryExport.Read("roster", rosterTable, rosterSource.columnNames()));
    if (BigQueryExport.columns(featureTable, options, testServices) != null) {
      reads.add(new BigQueryExport.Read("features", featureTable, FEATURE_COLUMNS));
    }
    List<String> gapColumns = BigQueryExport.columns(gapTable, options, testServices);
    if (gapColumns != null) {
      // A table written before the gap lifecycle has no resolved_at: read what it has.
      reads.add(new BigQueryExport.Read("gaps", gapTable,
          GAP_COLUMNS.stream().filter(gapColumns::contains).toList()));
    }
    if (healthTable != null && BigQueryExport.columns(healthTable, options, testServices) != null) {
      reads.add(new BigQueryExport.Read("health", healthTable, HEALTH_COLUMNS));
    }
    Path dir = Files.createTempDirectory("mlfs-status");
    try {
      Map<String, Path> out = BigQueryExport.export(reads, start, end, options, testServices,
          dir);
      com.nbaprops.mlfs.source.RowParser<?> parser =
          new com.nbaprops.mlfs.source.RowParser<>(rosterSource);
      for (String line : lines(out.get("roster"))) {
        Map<String, Object> r = Json.readObject(line);
        if (parser.parse(r).error() == null) {
          roster.computeIfAbsent(date(r), d -> new HashSet<>()).add(String.valueOf(
              r.get("player_lookup")));
        }
      }
      for (String line : lines(out.get("features"))) {
        features.computeIfAbsent(date(Json.readObject(line)), d -> new ArrayList<>()).add(line);
      }
      for (String line : lines(out.get("gaps"))) {
        gaps.computeIfAbsent(date(Json.readObject(line)), d -> new ArrayList<>()).add(line);
      }
      for (String line : lines(out.get("health"))) {
        health.computeIfAbsent(date(Json.readObject(line)), d -> new ArrayList<>()).add(line);
      }
    } finally {
      BigQueryExport.deleteTree(dir);
    }
  }

  private static LocalDate date(Map<String, Object> row) {
    return LocalDate.parse(String.valueOf(row.get("game_date")).substring(0, 10));
  }

  private static List<String> lines(Path folder) throws IOException {
    List<String> out = new ArrayList<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          r.lines().filter(l -> !l.isBlank()).forEach(out::add);
        }
      }
    }
    return out;
  }

  @Override
  public Map<LocalDate, Integer> roster() {
    Map<LocalDate, Integer> out = new TreeMap<>();
    roster.forEach((d, p) -> out.put(d, p.size()));
    return out;
  }

  @Override
  public List<String> featureLines(LocalDate date) {
    return features.getOrDefault(date, List.of());
  }

  @Override
  public List<String> gapLines(LocalDate date) {
    return gaps.getOrDefault(date, List.of());
  }

  @Override
  public List<String> healthLines(LocalDate date) {
    return health.getOrDefault(date, List.of());
  }
}
