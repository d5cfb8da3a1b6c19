package com.nbaprops.mlfs.compare;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException;
import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.TypedRead;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.DatasetService;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Reads the two tables of a BigQuery comparison with the Storage Read API, each once, restricted to
 * the date range ({@code game_date BETWEEN …}) and to the columns both tables have that are
 * compared (run-specific columns never), into NDJSON files that {@link StoreReader} then reads.
 */
final class BigQueryStores {
  private BigQueryStores() {}

  record Exported(Path left, Path right, List<String> selected) {}

  static Exported export(String leftSpec, String rightSpec, LocalDate start, LocalDate end,
      String project, BigQueryServices testServices) throws IOException, InterruptedException {
    if (start == null || end == null) {
      throw new InvalidOptionsException("--source=bigquery reads a date range: pass --startDate "
          + "and --endDate");
    }
    TableReference left = table("--left", leftSpec);
    TableReference right = table("--right", rightSpec);
    BigQueryOptions options = PipelineOptionsFactory.create().as(BigQueryOptions.class);
    options.setProject(project != null ? project : left.getProjectId());
    List<String> selected = selectedColumns(schemaNames(left, options, testServices),
        schemaNames(right, options, testServices));
    String restriction = "game_date BETWEEN DATE '" + start + "' AND DATE '" + end + "'";
    Path dir = Files.createTempDirectory("mlfs-compare");   // removed by the caller
    Pipeline p = Pipeline.create(options);
    read(p, "Left", left, selected, restriction, dir.resolve("left"), testServices);
    read(p, "Right", right, selected, restriction, dir.resolve("right"), testServices);
    p.run().waitUntilFinish();
    return new Exported(dir.resolve("left"), dir.resolve("right"), selected);
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

  private static TableReference table(String option, String spec) {
    try {
      TableReference ref = BigQueryHelpers.parseTableSpec(spec);
      if (ref.getProjectId() == null) {
        throw new IllegalArgumentException("no project");
      }
      return ref;
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionsException(option + "=" + spec + " is not a table: pass "
          + "PROJECT:DATASET.TABLE");
    }
  }

  private static List<String> schemaNames(TableReference ref, BigQueryOptions options,
      BigQueryServices testServices) throws IOException, InterruptedException {
    BigQueryServices services = testServices != null ? testServices : new BigQueryServicesImpl();
    try (DatasetService ds = services.getDatasetService(options)) {
      Table t = ds.getTable(ref);
      if (t == null) {
        throw new InvalidOptionsException("table " + BigQueryHelpers.toTableSpec(ref)
            + " does not exist");
      }
      List<String> names = new ArrayList<>();
      for (TableFieldSchema f : t.getSchema().getFields()) {
        names.add(f.getName());
      }
      return names;
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private static void read(Pipeline p, String side, TableReference ref, List<String> selected,
      String restriction, Path out, BigQueryServices testServices) {
    TypedRead<TableRow> read = BigQueryIO.readTableRows().from(ref)
        .withMethod(TypedRead.Method.DIRECT_READ)
        .withSelectedFields(selected)
        .withRowRestriction(restriction);
    if (testServices != null) {
      read = read.withTestServices(testServices).withoutValidation();
    }
    p.apply("Read " + side, read).setCoder(TableRowJsonCoder.of())
        .apply("Format " + side, MapElements.into(TypeDescriptors.strings()).via(Json::write))
        .apply("Write " + side, TextIO.write().to(out.resolve("rows").toString())
            .withSuffix(".ndjson"));
  }
}
