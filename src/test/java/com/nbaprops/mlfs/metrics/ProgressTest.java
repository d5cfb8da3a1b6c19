package com.nbaprops.mlfs.metrics;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import org.junit.Test;

public class ProgressTest {
  @Test
  public void theStageFollowsTheCountersAndRowsReadSumOverTables() {
    assertEquals("  [0:05] reading  rows read 1,500   entries built 0   dates written 0",
        Progress.line(5, Map.of("rows_read.player_game_summary", 1000L,
            "rows_read.team_offense_game_summary", 500L, "dead_letters.x", 7L)));
    assertEquals("  [1:05] building rows read 10   entries built 2,000   dates written 0",
        Progress.line(65, Map.of("rows_read.player_game_summary", 10L, "roster_entries", 2000L)));
    assertEquals("  [10:00] writing  rows read 0   entries built 3   dates written 2",
        Progress.line(600, Map.of("roster_entries", 3L, "dates_written", 2L)));
  }
}
