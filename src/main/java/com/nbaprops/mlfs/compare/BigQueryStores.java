package com.nbaprops.mlfs.compare;

import com.google.api.services.bigquery.model.TableReference;
import com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException;
import com.nbaprops.mlfs.util.BigQueryExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Reads the two tables of a BigQuery comparison with the Storage Read API, each once, restricted to
 * the date range ({@code game_date BETWEEN …}) and to the columns both tables have that are
 * compared (run-specific columns never), into NDJSON files that {@link StoreReader} then reads.
 */
final class BigQueryStores {
  private BigQueryStores() {}

  record Exported(Path left, Path right, List<String> selected) {}

  static Exported export(String leftSpec, String rightSpec, LocalDate start, LocalDate end,
      String project, BigQueryServices testServices) throws IOException {
    if (start == null || end == null) {
      throw new InvalidOptionsException("--source=bigquery reads a date range: pass --startDate "
          + "and --endDate");
    }
    TableReference left = BigQueryExport.table("--left", leftSpec);
    TableReference right = BigQueryExport.table("--right", rightSpec);
    BigQueryOptions options = PipelineOptionsFactory.create().as(BigQueryOptions.class);
    options.setProject(project != null ? project : left.getProjectId());
    List<String> selected = selectedColumns(columns(left, options, testServices),
        columns(right, options, testServices));
    Path dir = Files.createTempDirectory("mlfs-compare");   // removed by the caller
    Map<String, Path> out = BigQueryExport.export(List.of(
        new BigQueryExport.Read("left", left, selected),
        new BigQueryExport.Read("right", right, selected)), start, end, options, testServices,
        dir);
    return new Exported(out.get("left"), out.get("right"), selected);
  }

  private static List<String> columns(TableReference ref, BigQueryOptions options,
      BigQueryServices testServices) throws IOException {
    List<String> c = BigQueryExport.columns(ref, options, testServices);
    if (c == null) {
      throw new InvalidOptionsException("table " + BigQueryHelpers.toTableSpec(ref)
          + " does not exist");
    }
    return c;
  }

  /** The compared columns both tables have, in the left table's order. */
  static List<String> selectedColumns(List<String> left, List<String> right) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : left) {
      if (right.contains(c) && !StoreReader.RUN_COLUMNS.contains(c)) {
        out.add(c);
      }
    }
    for (String key : List.of("player_lookup", "game_date")) {
      if (!out.contains(key)) {
        throw new InvalidOptionsException("both tables need a " + key + " column to be compared");
      }
    }
    return new ArrayList<>(out);
  }
}
