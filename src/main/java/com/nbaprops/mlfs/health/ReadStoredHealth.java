package com.nbaprops.mlfs.health;

import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.sink.FileOutputs;
import com.nbaprops.mlfs.sink.OutputLayout;
import com.nbaprops.mlfs.util.BigQueryExport;
import com.nbaprops.mlfs.util.Json;
import com.nbaprops.mlfs.util.RecordCoder;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.TypedRead;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The stored health rows of the {@link HealthRules#BASELINE_DAYS} days before the run's first
 * date, which the baseline of its first dates needs: one more small, date-restricted source, read
 * from the sink's own health table (the local layout's {@code feature_store_daily_health/}, or
 * one Storage Read session with {@code game_date BETWEEN}). No table or folder yet: no rows.
 */
public final class ReadStoredHealth extends PTransform<PBegin, PCollection<DaySummary>> {
  private final String outputDir;
  private final String tableSpec;
  private final LocalDate from;
  private final LocalDate to;
  private final BigQueryServices testServices;

  private ReadStoredHealth(String outputDir, String tableSpec, LocalDate runStart,
      BigQueryServices testServices) {
    this.outputDir = outputDir;
    this.tableSpec = tableSpec;
    this.from = runStart.minusDays(HealthRules.BASELINE_DAYS);
    this.to = runStart.minusDays(1);
    this.testServices = testServices;
  }

  /** From the local layout under {@code outputDir} (the file sink's folder). */
  public static ReadStoredHealth files(String outputDir, LocalDate runStart) {
    return new ReadStoredHealth(outputDir, null, runStart, null);
  }

  /** From the BigQuery health table; {@code testServices} null in production. */
  public static ReadStoredHealth bigQuery(String tableSpec, LocalDate runStart,
      BigQueryServices testServices) {
    return new ReadStoredHealth(null, tableSpec, runStart, testServices);
  }

  @Override
  public PCollection<DaySummary> expand(PBegin begin) {
    return (tableSpec == null ? fromFiles(begin) : fromBigQuery(begin))
        .setCoder(RecordCoder.of(DaySummary.class));
  }

  private PCollection<DaySummary> fromFiles(PBegin begin) {
    List<String> dates = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      dates.add(d.toString());
    }
    String dir = outputDir;
    return begin.apply("BaselineDates", Create.of(dates).withCoder(StringUtf8Coder.of()))
        .apply("ReadHealthFiles", ParDo.of(new DoFn<String, DaySummary>() {
          @ProcessElement
          public void process(@Element String date, OutputReceiver<DaySummary> out) {
            LocalDate d = LocalDate.parse(date);
            for (String rel : OutputLayout.candidates(OutputSchema.HEALTH.name(), d)) {
              try {
                for (String line : FileOutputs.readLines(FileOutputs.path(dir, rel))) {
                  out.output(StoredHealth.summary(Json.readObject(line)));
                }
              } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("stored health row in " + dir + "/" + rel
                    + " cannot be read (" + e.getMessage() + "): fix or remove the file", e);
              }
            }
          }
        }));
  }

  private PCollection<DaySummary> fromBigQuery(PBegin begin) {
    TableReference ref = BigQueryHelpers.parseTableSpec(tableSpec);
    List<String> stored;
    try {
      stored = BigQueryExport.columns(ref,
          begin.getPipeline().getOptions().as(BigQueryOptions.class), testServices);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot look up the health table " + tableSpec + " (its "
          + "rows before the run are the drift baseline): " + e.getMessage(), e);
    }
    if (stored == null) {
      return begin.apply("NoStoredHealth", Create.empty(RecordCoder.of(DaySummary.class)));
    }
    TypedRead<TableRow> read = BigQueryIO.readTableRows().from(ref)
        .withMethod(TypedRead.Method.DIRECT_READ)
        .withSelectedFields(List.of("game_date", "feature_rows", "features"))
        .withRowRestriction(BigQueryExport.dateRestriction(from, to));
    if (testServices != null) {
      read = read.withTestServices(testServices).withoutValidation();
    }
    return begin.apply("ReadHealthTable", read).setCoder(TableRowJsonCoder.of())
        .apply("ParseStoredHealth", MapElements.into(TypeDescriptor.of(DaySummary.class))
            .via((TableRow r) -> StoredHealth.summary(r)));
  }
}
