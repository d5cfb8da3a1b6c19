package com.nbaprops.mlfs.sink;

import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.readiness.Readiness;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * For each date of the run with roster entries whose feature rows (or gap rows) are now empty,
 * deletes that date's partition ({@code table$YYYYMMDD}) — the BigQuery counterpart of the file sink
 * removing a stale date file — so a re-run replaces every date it covers, including by nothing. A
 * date without roster keeps its partition unless {@code --replaceEmptyDates} (it is reported as a
 * kept date, {@code table|date|rows}); a refused run deletes nothing. A partition that does not
 * exist is fine.
 */
final class DeleteEmptyPartitionsFn extends DoFn<String, String> {
  private final String tableName;
  private final String tableSpec;
  private final PCollectionView<List<String>> datesWithRows;
  private final PCollectionView<Readiness> readiness;
  private final boolean replaceEmptyDates;
  private final PartitionDeleter deleter;

  DeleteEmptyPartitionsFn(String tableName, String tableSpec,
      PCollectionView<List<String>> datesWithRows, PCollectionView<Readiness> readiness,
      boolean replaceEmptyDates, PartitionDeleter deleter) {
    this.tableName = tableName;
    this.tableSpec = tableSpec;
    this.datesWithRows = datesWithRows;
    this.readiness = readiness;
    this.replaceEmptyDates = replaceEmptyDates;
    this.deleter = deleter;
  }

  @ProcessElement
  public void process(ProcessContext c) throws Exception {
    Readiness gate = c.sideInput(readiness);
    Set<String> withRows = new HashSet<>(c.sideInput(datesWithRows));
    String date = c.element();
    if (gate.refused() || withRows.contains(date)) {
      return;
    }
    String partition = WriteBigQueryOutputs.partition(tableSpec, LocalDate.parse(date));
    if (gate.roster(LocalDate.parse(date)) == 0 && !replaceEmptyDates) {
      Long rows = deleter.existingRows(partition, c.getPipelineOptions());
      if (rows != null && rows > 0) {
        c.output(tableName + "|" + date + "|" + rows);
      }
      return;
    }
    deleter.deleteIfExists(partition, c.getPipelineOptions());
    Metrics.counter(MetricNames.NAMESPACE, MetricNames.EMPTY_PARTITIONS_CLEARED).inc();
  }

  /** The kept dates of both tables: per date {feature rows, gap rows}. */
  static Map<LocalDate, long[]> keptDates(List<String> kept) {
    Map<LocalDate, long[]> out = new TreeMap<>();
    for (String k : kept) {
      String[] p = k.split("\\|");
      long[] a = out.computeIfAbsent(LocalDate.parse(p[1]), d -> new long[2]);
      a[p[0].equals(OutputSchema.FEATURE_STORE.name()) ? 0 : 1] += Long.parseLong(p[2]);
    }
    return out;
  }
}
