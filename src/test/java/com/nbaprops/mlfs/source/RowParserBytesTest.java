package com.nbaprops.mlfs.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.util.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/**
 * The token-by-token read of a line ({@link RowParser#parseBytes}) against the general path
 * ({@link RowParser#parse} of the line's map): the same record for every line it accepts, and
 * null (the general path decides) for everything unusual or invalid.
 */
public class RowParserBytesTest {
  private final RowParser<PlayerGameRow> games = new RowParser<>(SourceTable.PLAYER_GAME_SUMMARY);
  private final RowParser<OddsPropRow> odds =
      new RowParser<>(SourceTable.ODDS_API_PLAYER_POINTS_PROPS);

  private static <T extends Record> T bytes(RowParser<T> p, String line) {
    byte[] b = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
    return p.parseBytes(b, 2, b.length - 4); // an offset and a length inside a larger buffer
  }

  private static <T extends Record> RowParser.Result<T> general(RowParser<T> p, String line) {
    try {
      return p.parse(Json.readObject(line));
    } catch (Exception e) {
      return null; // malformed: the general path makes it a dead letter
    }
  }

  @Test
  public void readsTheUsualLineIntoTheRecord() {
    PlayerGameRow r = bytes(games, "{\"player_lookup\":\"lebronjames\",\"universal_player_id\":"
        + "\"nba_2544\",\"game_id\":\"20240115_LAL_PHX\",\"game_date\":\"2024-01-15\","
        + "\"season_year\":2023,\"team_abbr\":\"LAL\",\"opponent_team_abbr\":\"PHX\","
        + "\"points\":25,\"minutes_played\":34.5,\"fg_attempts\":20,\"three_pt_attempts\":6,"
        + "\"ft_makes\":5,\"paint_attempts\":9,\"mid_range_attempts\":null,\"is_dnp\":false,"
        + "\"not_a_column\":{\"a\":[1,2,{\"b\":null}]}}");
    assertEquals(new PlayerGameRow("lebronjames", "nba_2544", "20240115_LAL_PHX",
        LocalDate.of(2024, 1, 15), 2023L, "LAL", "PHX", 25L, 34.5, 20L, 6L, 5L, 9L, null, false),
        r);
    OddsPropRow o = bytes(odds, "{\"player_lookup\":\"a\",\"game_date\":\"2024-03-05\","
        + "\"game_start_time\":\"2024-03-06T03:10:00Z\",\"snapshot_timestamp\":"
        + "\"2024-03-05 19:29:39.5 UTC\",\"minutes_before_tipoff\":460,\"bookmaker\":\"fan\\\"duel\","
        + "\"points_line\":1.45e1}");
    assertEquals(Instant.parse("2024-03-06T03:10:00Z"), o.gameStartTime());
    assertEquals(Instant.parse("2024-03-05T19:29:39.500Z"), o.snapshotTimestamp());
    assertEquals("fan\"duel", o.bookmaker());
    assertEquals(14.5, o.pointsLine(), 0);
  }

  @Test
  public void leavesUnusualAndInvalidLinesToTheGeneralPath() {
    String ok = "\"player_lookup\":\"a\",\"game_date\":\"2024-01-15\"";
    for (String line : List.of(
        "{" + ok + ",\"season_year\":\"2023\"}",          // integer as a string (legal, unusual)
        "{" + ok + ",\"points\":25.0}",                  // integer written as a decimal
        "{" + ok + ",\"points\":99999999999999999999}",  // beyond INT64
        "{" + ok + ",\"minutes_played\":\"34.5\"}",      // number as a string
        "{" + ok + ",\"minutes_played\":1e400}",         // out of range
        "{" + ok + ",\"minutes_played\":-3}",            // negative count: an error
        "{" + ok + ",\"is_dnp\":\"false\"}",             // boolean as a string
        "{" + ok + ",\"team_abbr\":7}",                  // wrong type: an error
        "{" + ok + ",\"team_abbr\":[\"LAL\"]}",
        "{\"player_lookup\":\"\",\"game_date\":\"2024-01-15\"}", // empty key: an error
        "{\"game_date\":\"2024-01-15\"}",                // missing key: an error
        "{\"player_lookup\":\"a\",\"game_date\":\"2024-13-01\"}",
        "{" + ok + "} trailing",
        "{" + ok,
        "[1,2]",
        "\uFEFF{" + ok + "}",                          // a byte-order mark: not JSON to the
                                                       // general path (a dead letter there)
        "")) {
      assertNull(line, bytes(games, line));
    }
  }

  @Test
  public void signedZerosAreReadAsTheGeneralPathReadsThem() {
    for (String z : List.of("0.0", "-0.0", "0e5", "-1e-400", "0", "-0")) {
      String line = "{\"player_lookup\":\"a\",\"game_date\":\"2024-03-05\",\"points_line\":"
          + z + "}";
      OddsPropRow fast = bytes(odds, line);
      assertNotNull(z, fast);
      // Double.equals tells 0.0 from -0.0
      assertEquals(z, general(odds, line).record().pointsLine(), fast.pointsLine());
    }
  }

  /** Random lines of every shape: an accepted line always gives the general path's record. */
  @Test
  public void acceptedLinesEqualTheGeneralPathOnRandomLines() {
    Random rnd = new Random(20261204);
    int accepted = 0;
    int usualAccepted = 0;
    for (int n = 0; n < 20_000; n++) {
      boolean usual = n % 2 == 0;
      String line = randomLine(rnd, usual);
      PlayerGameRow fast = bytes(games, line);
      RowParser.Result<PlayerGameRow> slow = general(games, line);
      if (fast != null) {
        accepted++;
        assertNotNull(line, slow);
        assertTrue(line + ": " + slow.error(), slow.ok());
        assertEquals(line, slow.record(), fast);
        if (usual) {
          usualAccepted++;
        }
      } else if (usual) {
        throw new AssertionError("a usual line took the general path: " + line);
      }
    }
    assertEquals(10_000, usualAccepted);
    assertTrue("only " + accepted, accepted > 10_000);
  }

  private static String randomLine(Random rnd, boolean usual) {
    List<String> fields = new ArrayList<>();
    fields.add("\"player_lookup\":" + (usual || rnd.nextInt(10) > 0 ? "\"p" + rnd.nextInt(50)
        + (rnd.nextBoolean() ? "\\u00e9" : "") + "\"" : rnd.nextBoolean() ? "null" : "\"\""));
    fields.add("\"game_date\":" + (usual || rnd.nextInt(10) > 0
        ? "\"2024-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10) + "\"" : "\"2024-1-1\""));
    for (String c : List.of("season_year", "points", "fg_attempts", "ft_makes")) {
      if (rnd.nextInt(4) > 0) {
        fields.add("\"" + c + "\":" + (usual ? Long.toString(rnd.nextInt(60)) : anyValue(rnd)));
      }
    }
    for (String c : List.of("minutes_played")) {
      if (rnd.nextInt(4) > 0) {
        fields.add("\"" + c + "\":" + (usual ? usualDouble(rnd) : anyValue(rnd)));
      }
    }
    for (String c : List.of("team_abbr", "game_id")) {
      if (rnd.nextInt(4) > 0) {
        fields.add("\"" + c + "\":" + (usual ? "\"T" + rnd.nextInt(30) + "\"" : anyValue(rnd)));
      }
    }
    if (rnd.nextInt(3) == 0) {
      fields.add("\"is_dnp\":" + (usual ? Boolean.toString(rnd.nextBoolean()) : anyValue(rnd)));
    }
    if (rnd.nextInt(3) == 0) {
      fields.add("\"extra\":" + anyValue(rnd));
    }
    if (!usual && rnd.nextInt(5) == 0) {
      fields.add(fields.get(rnd.nextInt(fields.size()))); // a duplicate key
    }
    java.util.Collections.shuffle(fields, rnd);
    return "{" + String.join(rnd.nextBoolean() ? "," : " , ", fields) + "}";
  }

  private static String usualDouble(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> Integer.toString(rnd.nextInt(48));
      case 1 -> "0.0";
      default -> Double.toString(Math.round(rnd.nextDouble() * 480_000) / 10_000.0);
    };
  }

  private static String anyValue(Random rnd) {
    return switch (rnd.nextInt(14)) {
      case 0 -> "null";
      case 1 -> "true";
      case 2 -> "\"false\"";
      case 3 -> Integer.toString(rnd.nextInt(200) - 100);
      case 4 -> "\"" + rnd.nextInt(100) + "\"";
      case 5 -> "-0.0";
      case 6 -> rnd.nextInt(100) + ".5e" + (rnd.nextInt(7) - 3);
      case 7 -> "{\"a\":[1,{\"b\":2}]}";
      case 8 -> "[1,2]";
      case 9 -> "123456789012345678901234";
      case 10 -> "\"2024-01-15\"";
      case 11 -> "1e999";
      case 12 -> "\"x\\\"y\"";
      default -> Double.toString(rnd.nextGaussian() * 1e6);
    };
  }
}
