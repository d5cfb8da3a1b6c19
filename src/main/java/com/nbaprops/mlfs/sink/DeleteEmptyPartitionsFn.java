package com.nbaprops.mlfs.sink;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import com.nbaprops.mlfs.metrics.MetricNames;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * For each date of the run whose feature rows (or gap rows) are now empty, deletes that date's
 * partition ({@code table$YYYYMMDD}) — the BigQuery counterpart of the file sink removing a stale
 * date file — so a re-run replaces every date it covers, including by nothing. A partition that does
 * not exist is fine.
 */
final class DeleteEmptyPartitionsFn extends DoFn<String, Void> {
  private final String tableSpec;
  private final PCollectionView<List<String>> datesWithRows;
  private final PartitionDeleter deleter;

  DeleteEmptyPartitionsFn(String tableSpec, PCollectionView<List<String>> datesWithRows,
      PartitionDeleter deleter) {
    this.tableSpec = tableSpec;
    this.datesWithRows = datesWithRows;
    this.deleter = deleter;
  }

  @ProcessElement
  public void process(ProcessContext c) throws Exception {
    Set<String> withRows = new HashSet<>(c.sideInput(datesWithRows));
    String date = c.element();
    if (withRows.contains(date)) {
      return;
    }
    deleter.deleteIfExists(WriteBigQueryOutputs.partition(tableSpec, LocalDate.parse(date)),
        c.getPipelineOptions());
    Metrics.counter(MetricNames.NAMESPACE, MetricNames.EMPTY_PARTITIONS_CLEARED).inc();
  }
}
