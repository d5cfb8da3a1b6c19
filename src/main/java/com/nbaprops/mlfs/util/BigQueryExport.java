package com.nbaprops.mlfs.util;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Copies BigQuery tables into local NDJSON files for the dev tools (compare, status): one Storage
 * Read session per table, restricted to {@code game_date BETWEEN start AND end} and to the given
 * columns, in one small DirectRunner job. The caller removes the returned folder.
 */
public final class BigQueryExport {
  private BigQueryExport() {}

  /** One table to copy: its name in the result, its reference, the columns read. */
  public record Read(String name, TableReference table, List<String> columns) {}

  public static String dateRestriction(LocalDate start, LocalDate end) {
    return "game_date BETWEEN DATE '" + start + "' AND DATE '" + end + "'";
  }

  /** A {@code PROJECT:DATASET.TABLE} spec, or a clear error naming the option. */
  public static TableReference table(String option, String spec) {
    try {
      TableReference ref = BigQueryHelpers.parseTableSpec(spec);
      if (ref.getProjectId() == null) {
        throw new IllegalArgumentException("no project");
      }
      return ref;
    } catch (IllegalArgumentException e) {
      throw new com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException(option + "=" + spec
          + " is not a table: pass PROJECT:DATASET.TABLE");
    }
  }

  /** The table's top-level column names, or null when it does not exist. */
  public static List<String> columns(TableReference ref, BigQueryOptions options,
      BigQueryServices testServices) throws IOException {
    BigQueryServices services = testServices != null ? testServices : new BigQueryServicesImpl();
    try (DatasetService ds = services.getDatasetService(options)) {
      Table t = ds.getTable(ref);
      if (t == null) {
        return null;
      }
      List<String> names = new ArrayList<>();
      for (TableFieldSchema f : t.getSchema().getFields()) {
        names.add(f.getName());
      }
      return names;
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot look up " + BigQueryHelpers.toTableSpec(ref) + ": "
          + e.getMessage(), e);
    }
  }

  /** Copies each read into {@code dir/NAME/rows-*.ndjson}; returns name → folder. */
  public static Map<String, Path> export(List<Read> reads, LocalDate start, LocalDate end,
      BigQueryOptions options, BigQueryServices testServices, Path dir) {
    Pipeline p = Pipeline.create(options);
    Map<String, Path> out = new LinkedHashMap<>();
    for (Read r : reads) {
      Path folder = dir.resolve(r.name());
      out.put(r.name(), folder);
      TypedRead<TableRow> read = BigQueryIO.readTableRows().from(r.table())
          .withMethod(TypedRead.Method.DIRECT_READ)
          .withSelectedFields(r.columns())
          .withRowRestriction(dateRestriction(start, end));
      if (testServices != null) {
        read = read.withTestServices(testServices).withoutValidation();
      }
      p.apply("Read " + r.name(), read).setCoder(TableRowJsonCoder.of())
          .apply("Format " + r.name(), MapElements.into(TypeDescriptors.strings()).via(Json::write))
          .apply("Write " + r.name(), TextIO.write().to(folder.resolve("rows").toString())
              .withSuffix(".ndjson"));
    }
    p.run().waitUntilFinish();
    return out;
  }

  /** Removes a folder tree (the exported files). */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path x : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
