package com.nbaprops.mlfs.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.util.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

public class RowParserTest {
  private final RowParser<PlayerGameRow> games = new RowParser<>(SourceTable.PLAYER_GAME_SUMMARY);
  private final RowParser<OddsPropRow> odds =
      new RowParser<>(SourceTable.ODDS_API_PLAYER_POINTS_PROPS);

  private RowParser.Result<PlayerGameRow> game(String json) throws Exception {
    return games.parse(Json.readObject(json));
  }

  @Test
  public void columnsAreTheDataContractsInOrder() {
    assertEquals(List.of("player_lookup", "universal_player_id", "game_id", "game_date",
        "season_year", "team_abbr", "opponent_team_abbr", "points", "minutes_played",
        "fg_attempts", "three_pt_attempts", "ft_makes", "paint_attempts", "mid_range_attempts",
        "is_dnp"), SourceTable.PLAYER_GAME_SUMMARY.columnNames());
    assertEquals(List.of("player_lookup", "cache_date", "points_avg_last_5",
        "points_avg_last_10", "points_avg_season", "points_std_last_10", "minutes_avg_last_10",
        "paint_rate_last_10", "three_pt_rate_last_10", "team_pace_last_10",
        "team_off_rating_last_10", "games_in_last_7_days"),
        SourceTable.PLAYER_DAILY_CACHE.columnNames());
    assertEquals(List.of("team_abbr", "analysis_date", "defensive_rating_last_15",
        "opponent_pace"), SourceTable.TEAM_DEFENSE_ZONE_ANALYSIS.columnNames());
    assertEquals(9, SourceTable.ALL.size());
  }

  @Test
  public void parsesTypesIntegersAsStringsAndMissingKeysAsNull() throws Exception {
    PlayerGameRow r = game("{\"player_lookup\":\"lebronjames\",\"game_date\":\"2024-01-15\","
        + "\"season_year\":\"2023\",\"points\":25,\"minutes_played\":\"34.5\",\"is_dnp\":false,"
        + "\"extra_column\":{\"ignored\":true}}").record();
    assertEquals("lebronjames", r.playerLookup());
    assertEquals(LocalDate.of(2024, 1, 15), r.gameDate());
    assertEquals(Long.valueOf(2023), r.seasonYear());
    assertEquals(Long.valueOf(25), r.points());
    assertEquals(34.5, r.minutesPlayed(), 0);
    assertEquals(Boolean.FALSE, r.isDnp());
    assertNull(r.teamAbbr());
  }

  @Test
  public void rejectsBadRowsWithTheColumnAndReason() throws Exception {
    assertEquals("key column player_lookup is NULL",
        game("{\"game_date\":\"2024-01-15\"}").error());
    assertEquals("key column player_lookup is empty",
        game("{\"player_lookup\":\"\",\"game_date\":\"2024-01-15\"}").error());
    assertEquals("column game_date: expected DATE YYYY-MM-DD, got \"2024-13-01\"",
        game("{\"player_lookup\":\"a\",\"game_date\":\"2024-13-01\"}").error());
    assertEquals("column points: expected INT64, got \"abc\"",
        game("{\"player_lookup\":\"a\",\"game_date\":\"2024-01-15\",\"points\":\"abc\"}").error());
    assertEquals("column points: expected INT64, got 12.5",
        game("{\"player_lookup\":\"a\",\"game_date\":\"2024-01-15\",\"points\":12.5}").error());
    assertEquals("column minutes_played: negative value -3.0",
        game("{\"player_lookup\":\"a\",\"game_date\":\"2024-01-15\",\"minutes_played\":-3}")
            .error());
    assertEquals("column is_dnp: expected BOOL, got \"maybe\"",
        game("{\"player_lookup\":\"a\",\"game_date\":\"2024-01-15\",\"is_dnp\":\"maybe\"}")
            .error());
    assertEquals("column team_abbr: expected STRING, got 7",
        game("{\"player_lookup\":\"a\",\"game_date\":\"2024-01-15\",\"team_abbr\":7}").error());
    assertEquals("column team_abbr: expected STRING, got a JSON object",
        game("{\"player_lookup\":\"a\",\"game_date\":\"2024-01-15\",\"team_abbr\":{}}").error());
    assertFalse(game("{\"player_lookup\":\"a\",\"game_date\":20240115}").ok());
  }

  @Test
  public void timestampsInIsoAndBigQueryForms() throws Exception {
    Instant t = Instant.parse("2024-01-15T19:30:00Z");
    for (String s : List.of("2024-01-15T19:30:00Z", "2024-01-15T14:30:00-05:00",
        "2024-01-15 19:30:00 UTC", "2024-01-15 19:30:00.000000 UTC", "2024-01-15 19:30:00",
        "2024-01-15T19:30:00.000+00", "2024-01-15 19:30:00+00:00", "2024-01-15T19:30")) {
      OddsPropRow r = odds.parse(Json.readObject("{\"player_lookup\":\"a\",\"game_date\":"
          + "\"2024-01-15\",\"snapshot_timestamp\":\"" + s + "\"}")).record();
      assertEquals(s, t, r.snapshotTimestamp());
    }
    assertTrue(odds.parse(Json.readObject("{\"player_lookup\":\"a\",\"game_date\":\"2024-01-15\","
        + "\"snapshot_timestamp\":\"yesterday\"}")).error().contains("expected TIMESTAMP"));
    // minutes_before_tipoff may be negative (a snapshot after tip-off is a valid row).
    assertTrue(odds.parse(Json.readObject("{\"player_lookup\":\"a\",\"game_date\":\"2024-01-15\","
        + "\"minutes_before_tipoff\":-20}")).ok());
  }
}
