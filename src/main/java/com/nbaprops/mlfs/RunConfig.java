package com.nbaprops.mlfs;

import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.history.PlayerSweep.Mode;
import java.io.Serializable;
import java.time.LocalDate;

/** The validated settings of one run; everything the transforms need, nothing runner-specific. */
public record RunConfig(Mode mode, LocalDate start, LocalDate end, boolean includeBootstrap,
    RunStamp stamp) implements Serializable {

  /** The first date a table with this lookback must be read from. */
  public LocalDate windowStart(int lookbackDays) {
    return start.minusDays(lookbackDays);
  }

  public String runId() {
    return stamp.runId();
  }
}
