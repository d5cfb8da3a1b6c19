package com.nbaprops.mlfs.gaps;

import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.features.GapRow;
import com.nbaprops.mlfs.util.RecordCoder;
import java.time.LocalDate;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.TypedRead;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The gap rows already stored in the BigQuery gap table for the run's dates: one Storage Read
 * session restricted to {@code game_date BETWEEN start AND end} and to the table's columns (a
 * date-restricted read of the job's own output). No table yet (a first run): no rows.
 */
public final class ReadStoredGaps extends PTransform<PBegin, PCollection<GapRow>> {
  private final String tableSpec;
  private final LocalDate start;
  private final LocalDate end;
  private final BigQueryServices testServices;

  public ReadStoredGaps(String tableSpec, LocalDate start, LocalDate end,
      BigQueryServices testServices) {
    this.tableSpec = tableSpec;
    this.start = start;
    this.end = end;
    this.testServices = testServices;
  }

  public static String rowRestriction(LocalDate start, LocalDate end) {
    return com.nbaprops.mlfs.util.BigQueryExport.dateRestriction(start, end);
  }

  @Override
  public PCollection<GapRow> expand(PBegin begin) {
    TableReference ref = BigQueryHelpers.parseTableSpec(tableSpec);
    java.util.List<String> stored = columns(ref,
        begin.getPipeline().getOptions().as(BigQueryOptions.class));
    if (stored == null) {
      return begin.apply("NoStoredGaps", Create.empty(RecordCoder.of(GapRow.class)));
    }
    // A table written before the lifecycle has no resolved_* columns: read what it has.
    java.util.List<String> selected = OutputSchema.GAPS.columnNames().stream()
        .filter(stored::contains).toList();
    TypedRead<TableRow> read = BigQueryIO.readTableRows().from(ref)
        .withMethod(TypedRead.Method.DIRECT_READ)
        .withSelectedFields(selected)
        .withRowRestriction(rowRestriction(start, end));
    if (testServices != null) {
      read = read.withTestServices(testServices).withoutValidation();
    }
    return begin.apply("ReadGapTable", read).setCoder(TableRowJsonCoder.of())
        .apply("ParseStoredGaps", ParDo.of(new DoFn<TableRow, GapRow>() {
          @ProcessElement
          public void process(ProcessContext c) {
            @SuppressWarnings("unchecked")
            GapRow g = GapLifecycle.fromStored((Map<String, Object>) (Map<?, ?>) c.element());
            if (g != null) {
              c.output(g);
            }
          }
        })).setCoder(RecordCoder.of(GapRow.class));
  }

  private java.util.List<String> columns(TableReference ref, BigQueryOptions options) {
    try {
      return com.nbaprops.mlfs.util.BigQueryExport.columns(ref, options, testServices);
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException("cannot look up the gap table " + tableSpec + " (its stored "
          + "gaps are read before the date partitions are replaced): " + e.getMessage(), e);
    }
  }
}
