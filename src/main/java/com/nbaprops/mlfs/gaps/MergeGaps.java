package com.nbaprops.mlfs.gaps;

import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.features.GapRow;
import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.readiness.Readiness;
import com.nbaprops.mlfs.util.RecordCoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Per date, the stored gap rows and the gaps this run produced become the rows of the date's new
 * gap partition ({@link GapLifecycle}). A date the run keeps (no roster, no {@code
 * --replaceEmptyDates}) gets no rows: its partition is not touched.
 */
public final class MergeGaps extends PTransform<PCollection<GapRow>, PCollection<GapRow>> {
  private final PCollection<GapRow> stored;
  private final PCollectionView<Readiness> readiness;
  private final RunConfig config;

  public MergeGaps(PCollection<GapRow> stored, PCollectionView<Readiness> readiness,
      RunConfig config) {
    this.stored = stored;
    this.readiness = readiness;
    this.config = config;
  }

  @Override
  public PCollection<GapRow> expand(PCollection<GapRow> produced) {
    TupleTag<GapRow> producedTag = new TupleTag<>("produced");
    TupleTag<GapRow> storedTag = new TupleTag<>("stored");
    return KeyedPCollectionTuple
        .of(producedTag, produced.apply("KeyProducedByDate", byDate()))
        .and(storedTag, stored.apply("KeyStoredByDate", byDate()))
        .apply("GroupGapsByDate", CoGroupByKey.create())
        .apply("ApplyLifecycle", ParDo.of(new MergeFn(producedTag, storedTag, readiness, config))
            .withSideInputs(readiness))
        .setCoder(RecordCoder.of(GapRow.class));
  }

  private static WithKeys<String, GapRow> byDate() {
    return WithKeys.of((GapRow g) -> g.gameDate().toString())
        .withKeyType(TypeDescriptors.strings());
  }

  static final class MergeFn extends DoFn<KV<String, CoGbkResult>, GapRow> {
    private final TupleTag<GapRow> producedTag;
    private final TupleTag<GapRow> storedTag;
    private final PCollectionView<Readiness> readiness;
    private final RunConfig config;
    private final Counter resolved = Metrics.counter(MetricNames.NAMESPACE,
        MetricNames.GAPS_RESOLVED);
    private final Counter reopened = Metrics.counter(MetricNames.NAMESPACE,
        MetricNames.GAPS_REOPENED);

    MergeFn(TupleTag<GapRow> producedTag, TupleTag<GapRow> storedTag,
        PCollectionView<Readiness> readiness, RunConfig config) {
      this.producedTag = producedTag;
      this.storedTag = storedTag;
      this.readiness = readiness;
      this.config = config;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      LocalDate d = LocalDate.parse(c.element().getKey());
      Readiness gate = c.sideInput(readiness);
      if (d.isBefore(config.start()) || d.isAfter(config.end())
          || gate.roster(d) == 0 && !config.safety().replaceEmptyDates()) {
        return;
      }
      List<GapRow> produced = new ArrayList<>();
      c.element().getValue().getAll(producedTag).forEach(produced::add);
      List<GapRow> stored = new ArrayList<>();
      c.element().getValue().getAll(storedTag).forEach(stored::add);
      GapLifecycle.Result merged = GapLifecycle.merge(stored, produced,
          config.stamp().createdAt(), config.runId());
      resolved.inc(merged.resolvedNow());
      reopened.inc(merged.reopened());
      merged.rows().forEach(c::output);
    }
  }
}
