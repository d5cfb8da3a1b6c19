package com.nbaprops.mlfs.health;

import static org.junit.Assert.assertEquals;

import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.TransformTest;
import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.features.BuildFeatureRows;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.features.GapRow;
import com.nbaprops.mlfs.features.ScoredRow;
import com.nbaprops.mlfs.history.PlayerSweep.Mode;
import com.nbaprops.mlfs.util.RecordCoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;

/** ComputeHealth alone: rows, gaps and a stored day in, one health row per date out. */
public class ComputeHealthTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  static final RunConfig CONFIG = new RunConfig(Mode.BACKFILL, LocalDate.parse("2025-01-10"),
      LocalDate.parse("2025-01-20"), false, new RunStamp("t", "2025-01-21T00:00:00Z"));

  @Test
  public void oneRowPerDateWithRosterAndTheStoredDayInItsBaseline() {
    List<ScoredRow> rows = List.of(TransformTest.record("abe", "2025-01-15"),
        TransformTest.record("zed", "2025-01-15"), TransformTest.record("abe", "2025-01-20"));
    List<GapRow> gaps = List.of(new GapRow("gus", LocalDate.parse("2025-01-15"), "g1", "TEA",
        null, 2024, "missing_team_or_opponent", "x"));
    List<DaySummary.FeatureDay> features = new ArrayList<>();
    for (int i = 0; i < FeatureContract.FEATURE_COUNT; i++) {
      features.add(new DaySummary.FeatureDay(i, 0, 5, 1.0, 0.5));
    }
    DaySummary stored = new DaySummary(LocalDate.parse("2025-01-01"), 5, features);
    PCollectionTuple in = PCollectionTuple
        .of(BuildFeatureRows.FEATURE_ROWS, p.apply("Rows", Create.of(rows)
            .withCoder(RecordCoder.of(ScoredRow.class))))
        .and(BuildFeatureRows.GAP_ROWS, p.apply("Gaps", Create.of(gaps)
            .withCoder(RecordCoder.of(GapRow.class))));
    PCollection<DaySummary> before = p.apply("Stored", Create.of(stored)
        .withCoder(RecordCoder.of(DaySummary.class)));
    PCollectionTuple out = in.apply(new ComputeHealth(before, CONFIG));
    PAssert.that(out.get(ComputeHealth.HEALTH_ROWS)).satisfies(health -> {
      Map<LocalDate, HealthRow> byDate = new TreeMap<>();
      health.forEach(h -> byDate.put(h.gameDate(), h));
      assertEquals(List.of(LocalDate.parse("2025-01-15"), LocalDate.parse("2025-01-20")),
          List.copyOf(byDate.keySet()));
      HealthRow d15 = byDate.get(LocalDate.parse("2025-01-15"));
      assertEquals(3, d15.rosterEntries());
      assertEquals(2, d15.featureRows());
      assertEquals(List.of(new Count("missing_team_or_opponent", 1)), d15.gapsByReason());
      // 2025-01-15's baseline: the stored 2025-01-01; 2025-01-20's: that and 2025-01-15.
      assertEquals(Integer.valueOf(1), d15.features().get(0).baselineDays());
      assertEquals(Integer.valueOf(2),
          byDate.get(LocalDate.parse("2025-01-20")).features().get(0).baselineDays());
      return null;
    });
    // Two distinct players with rows in the run (abe twice).
    PAssert.that(out.get(ComputeHealth.PLAYER_KEYS)).satisfies(keys -> {
      long players = 0;
      for (String k : keys) {
        players += k.equals(com.nbaprops.mlfs.metrics.MetricNames.HEALTH_PLAYERS) ? 1 : 0;
      }
      assertEquals(2, players);
      return null;
    });
    p.run().waitUntilFinish();
  }
}
