package com.nbaprops.mlfs;

import com.nbaprops.mlfs.contract.Seasons;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.history.PlayerSweep.Mode;
import com.nbaprops.mlfs.readiness.Readiness;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The validated settings of one run; everything the transforms need.
 *
 * @param bootstrapDays the first days of each regular season that are skipped as {@code bootstrap}
 *     gaps ({@code --bootstrapDays}, default 14; 0 builds them all)
 * @param playerShards join key of the player timeline: 0 = one key per player, N = N shards of
 *     players (see {@code PlayerTimeline}); never changes a row
 * @param safety what protects existing output: the readiness gate, emptied dates, warnings
 */
public record RunConfig(Mode mode, LocalDate start, LocalDate end, int bootstrapDays,
    RunStamp stamp, int playerShards, Safety safety) implements Serializable {

  /** {@code includeBootstrap}: build every day (0 bootstrap days), else the contract's 14. */
  public RunConfig(Mode mode, LocalDate start, LocalDate end, boolean includeBootstrap,
      RunStamp stamp, int playerShards, Safety safety) {
    this(mode, start, end, includeBootstrap ? 0 : Seasons.BOOTSTRAP_DAYS, stamp, playerShards,
        safety);
  }

  /** Whether every bootstrap day is built ({@code --includeBootstrap}, {@code --bootstrapDays=0}). */
  public boolean includeBootstrap() {
    return bootstrapDays == 0;
  }

  /**
   * @param gate the upstream readiness gate's settings
   * @param replaceEmptyDates clear the output of dates of the range that now have no roster (by
   *     default such dates keep their output: "kept dates")
   * @param warnings what the entry point found before the build (missing optional tables); a run
   *     with warnings ends {@code SUCCEEDED_WITH_WARNINGS}
   * @param minQualityReadyPct the coverage gate ({@code --minQualityReadyPct}): a date whose
   *     quality-ready share is below it is {@code low_coverage}; null without a gate
   */
  public record Safety(Readiness.Policy gate, boolean replaceEmptyDates, List<String> warnings,
      Double minQualityReadyPct) implements Serializable {
    public Safety {
      warnings = List.copyOf(warnings);
    }

    /** Without a coverage gate. */
    public Safety(Readiness.Policy gate, boolean replaceEmptyDates, List<String> warnings) {
      this(gate, replaceEmptyDates, warnings, null);
    }

    public Safety withWarnings(List<String> w) {
      return new Safety(gate, replaceEmptyDates, w, minQualityReadyPct);
    }

    public Safety withMinQualityReadyPct(Double pct) {
      return new Safety(gate, replaceEmptyDates, warnings, pct);
    }

    /** The defaults: gate on in daily mode with 50 rows, dates without roster kept. */
    public static Safety defaults(Mode mode) {
      return new Safety(new Readiness.Policy(mode == Mode.DAILY,
          Readiness.Policy.DEFAULT_MIN_UPSTREAM_ROWS, false, false), false, List.of());
    }
  }

  public RunConfig(Mode mode, LocalDate start, LocalDate end, boolean includeBootstrap,
      RunStamp stamp, int playerShards) {
    this(mode, start, end, includeBootstrap, stamp, playerShards, Safety.defaults(mode));
  }

  public RunConfig(Mode mode, LocalDate start, LocalDate end, boolean includeBootstrap,
      RunStamp stamp) {
    this(mode, start, end, includeBootstrap, stamp, 0);
  }

  /** The first date a table with this lookback must be read from. */
  public LocalDate windowStart(int lookbackDays) {
    return start.minusDays(lookbackDays);
  }

  public String runId() {
    return stamp.runId();
  }

  public RunConfig withSafety(Safety s) {
    return new RunConfig(mode, start, end, bootstrapDays, stamp, playerShards, s);
  }
}
