package com.nbaprops.mlfs.source;

import com.google.api.services.bigquery.model.TableRow;
import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.model.DeadLetter;
import com.nbaprops.mlfs.util.Json;
import com.nbaprops.mlfs.util.RecordCoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.TypedRead;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads the nine source tables from BigQuery with the Storage Read API: one read per table per
 * job, restricted to the table's window ({@code date_col BETWEEN DATE 'start − lookback' AND DATE
 * 'end'}, which also satisfies tables that require a partition filter) and to the contract's
 * columns only. Rows are parsed by the same {@link RowParser} as the file source, into the same
 * records; bad rows become dead letters. Output tags as {@link ReadFileSources}.
 */
public final class ReadBigQuerySources extends PTransform<PBegin, PCollectionTuple> {
  private final Map<String, String> tableSpecs;
  private final RunConfig config;
  private final BigQueryServices testServices;

  /**
   * @param tableSpecs table name (as in the data contract) → {@code PROJECT:DATASET.TABLE}
   * @param testServices fake BigQuery services for tests; null in production
   */
  public ReadBigQuerySources(Map<String, String> tableSpecs, RunConfig config,
      BigQueryServices testServices) {
    this.tableSpecs = tableSpecs;
    this.config = config;
    this.testServices = testServices;
  }

  /** The row restriction of a table: a literal date range built from validated dates only. */
  public static String rowRestriction(SourceTable<?> table, LocalDate start, LocalDate end) {
    return table.dateColumn() + " BETWEEN DATE '" + start + "' AND DATE '" + end + "'";
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple out = PCollectionTuple.empty(input.getPipeline());
    List<PCollection<DeadLetter>> dead = new ArrayList<>();
    for (SourceTable<?> t : SourceTable.ALL) {
      out = readOne(input, t, out, dead);
    }
    return out.and(SourceTables.DEAD_LETTERS, PCollectionList.of(dead)
        .apply("FlattenDeadLetters", Flatten.pCollections())
        .setCoder(RecordCoder.of(DeadLetter.class)));
  }

  private <T extends Record> PCollectionTuple readOne(PBegin input, SourceTable<T> t,
      PCollectionTuple out, List<PCollection<DeadLetter>> dead) {
    LocalDate from = config.windowStart(t.lookbackDays());
    TypedRead<TableRow> read = BigQueryIO.readTableRows()
        .from(tableSpecs.get(t.name()))
        .withMethod(TypedRead.Method.DIRECT_READ)
        .withSelectedFields(t.columnNames())
        .withRowRestriction(rowRestriction(t, from, config.end()));
    if (testServices != null) {
      read = read.withTestServices(testServices).withoutValidation();
    }
    TupleTag<DeadLetter> deadTag = new TupleTag<>("dead_" + t.name());
    PCollectionTuple parsed = input
        .apply("Read " + t.name(), read)
        .setCoder(TableRowJsonCoder.of())
        .apply("Parse " + t.name(), ParDo.of(new ParseRowFn<>(t, from, config.end(), deadTag))
            .withOutputTags(t.tag(), TupleTagList.of(deadTag)));
    parsed.get(t.tag()).setCoder(t.coder());
    dead.add(parsed.get(deadTag).setCoder(RecordCoder.of(DeadLetter.class)));
    return out.and(t.tag(), parsed.get(t.tag()));
  }

  /** TableRow → typed record, or a dead letter with the row as JSON. */
  static final class ParseRowFn<T extends Record> extends DoFn<TableRow, T> {
    private final SourceRowHandler<T> handler;
    private final String tableName;

    ParseRowFn(SourceTable<T> table, LocalDate from, LocalDate to, TupleTag<DeadLetter> deadTag) {
      this.handler = new SourceRowHandler<>(table, from, to, deadTag);
      this.tableName = table.name();
    }

    @ProcessElement
    public void process(@Element TableRow row, MultiOutputReceiver out) {
      Map<String, Object> copy = new LinkedHashMap<>(row);
      handler.handle(copy, () -> Json.write(copy), tableName, out);
    }
  }
}
