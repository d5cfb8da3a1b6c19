package com.nbaprops.mlfs;

import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.history.PlayerSweep.Mode;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The validated settings of one run; everything the transforms need.
 *
 * @param playerShards join key of the player timeline: 0 = one key per player, N = N shards of
 *     players (see {@code PlayerTimeline}); never changes a row
 */
public record RunConfig(Mode mode, LocalDate start, LocalDate end, boolean includeBootstrap,
    RunStamp stamp, int playerShards) implements Serializable {

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
}
