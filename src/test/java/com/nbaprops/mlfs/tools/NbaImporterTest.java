package com.nbaprops.mlfs.tools;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.TeamGameRow;
import com.nbaprops.mlfs.source.SourceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The importer on excerpts written by hand in the real formats (src/test/resources/nba-excerpt). */
public class NbaImporterTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  static Path out;
  static NbaImporter.Result result;

  @BeforeClass
  public static void importExcerpt() throws IOException {
    out = TMP.newFolder("nba").toPath();
    result = NbaImporter.importFiles(List.of(Path.of("src/test/resources/nba-excerpt")), out);
  }

  private static <T extends Record> List<T> rows(SourceTable<T> t) throws IOException {
    return SampleLeagueTest.read(out, t);
  }

  @Test
  public void boxScoresWithAccentsCommasAndDnps() throws IOException {
    List<PlayerGameRow> box = rows(SourceTable.PLAYER_GAME_SUMMARY);
    PlayerGameRow jokic = box.stream().filter(r -> r.playerLookup().equals("nikolajokic"))
        .findFirst().orElseThrow();
    assertEquals("20240208_LAL_DEN", jokic.gameId());
    assertEquals(Long.valueOf(2023), jokic.seasonYear());
    assertEquals(Long.valueOf(32), jokic.points());
    assertEquals(36.0, jokic.minutesPlayed(), 0);
    assertEquals(Long.valueOf(3), jokic.threePtAttempts());
    assertEquals(Long.valueOf(5), jokic.ftMakes());
    // 12 of 17 two-point attempts made, 20 paint points = 10 paint makes: 17 * 10 / 12 = 14.2.
    assertEquals(Long.valueOf(14), jokic.paintAttempts());
    assertEquals(Long.valueOf(3), jokic.midRangeAttempts());
    assertEquals("nba_203999", jokic.universalPlayerId());
    PlayerGameRow reaves = box.stream().filter(r -> r.playerLookup().equals("austinreaves"))
        .findFirst().orElseThrow();
    assertTrue(reaves.dnp());
    assertEquals("20240208_LAL_DEN", reaves.gameId());
    // "Charlie Brown, Jr." twice on one date (trade day): both rows are kept, for the pipeline's
    // trade-day rule to choose.
    assertEquals(2, box.stream().filter(r -> r.playerLookup().equals("charliebrownjr")).count());
    assertEquals(5, box.size());
  }

  @Test
  public void neutralSiteRowsWithTheirOwnTeamAsOpponentAreRepairedOrRejected() throws IOException {
    // The 2024 NBA Cup semi-final MIL-ATL comes with MIL's rows as MIL,MIL,H; OKC's rows of the
    // other semi-final have no other side in this file.
    Path in = TMP.newFolder("cup-in").toPath();
    String header = Files.readAllLines(
        Path.of("src/test/resources/nba-excerpt/player_boxscores_2023-24.csv")).get(0);
    Files.write(in.resolve("player_boxscores_2024-25.csv"), List.of(header,
        "2024-25,regular,0022401229,2024-12-14,1610612749,MIL,MIL,H,203507,Giannis Antetokounmpo,"
            + "34,F,1,1,ACTIVE,36,PT36M,32,13,20,1,3,5,6,12,17,3,11,14,9,1,1,3,10,2,20,0",
        "2024-25,regular,0022401229,2024-12-14,1610612737,ATL,MIL,A,1629027,Trae Young,"
            + "11,G,1,1,ACTIVE,35,PT35M,25,10,18,2,6,3,4,8,12,1,7,8,10,1,0,4,-8,4,12,0",
        "2024-25,regular,0022401230,2024-12-14,1610612760,OKC,OKC,H,1628983,Shai Gilgeous-"
            + "Alexander,2,G,1,1,ACTIVE,36,PT36M,32,13,20,1,3,5,6,12,17,3,11,14,9,1,1,3,10,2,20,0"));
    Path cup = TMP.newFolder("cup").toPath();
    NbaImporter.Result r = NbaImporter.importFiles(List.of(in), cup);
    List<PlayerGameRow> box = SampleLeagueTest.read(cup, SourceTable.PLAYER_GAME_SUMMARY);
    assertEquals(2, box.size());
    PlayerGameRow giannis = box.stream()
        .filter(x -> x.playerLookup().equals("giannisantetokounmpo")).findFirst().orElseThrow();
    assertEquals("ATL", giannis.opponentTeamAbbr());
    assertEquals("20241214_ATL_MIL", giannis.gameId());
    assertEquals(List.of("player_boxscores_2024-25.csv:2: opponent_abbr MIL = team_abbr; set to "
        + "ATL from the other side of the game (giannisantetokounmpo 2024-12-14)"),
        Files.readAllLines(cup.resolve("import_repairs.txt")));
    assertEquals(1, r.repairs().size());
    List<String> rejects = Files.readAllLines(cup.resolve("import_rejects.txt"));
    assertEquals(1, rejects.size());
    assertThat(rejects.get(0), containsString("player_boxscores_2024-25.csv:4: opponent_abbr "
        + "equals team_abbr OKC and the game's other side is not in the files"));
  }

  @Test
  public void badRowsAreReportedWithFileAndLine() throws IOException {
    List<String> rejects = Files.readAllLines(out.resolve("import_rejects.txt"));
    assertEquals(3, rejects.size());
    assertThat(rejects.get(0), containsString("player_boxscores_2023-24.csv:7: home_away is "
        + "neither H nor A: X"));
    assertThat(rejects.get(1), containsString("player_boxscores_2023-24.csv:8: 11 fields, header "
        + "has 37"));
    assertThat(rejects.get(2), containsString("props_player_points_2023-24_btam.csv:4: line is "
        + "not a number: not-a-number"));
    assertEquals(1, result.skippedFiles().size());
    assertThat(result.skippedFiles().get(0), containsString("props_player_pra_2023-24_other.csv"));
  }

  @Test
  public void teamGamesGivePaceAndRatingPerSide() throws IOException {
    List<TeamGameRow> games = rows(SourceTable.TEAM_OFFENSE_GAME_SUMMARY);
    assertEquals(2, games.size());
    TeamGameRow den = games.stream().filter(g -> g.teamAbbr().equals("DEN")).findFirst()
        .orElseThrow();
    // Overtime: 265 team minutes = 53 game minutes; pace = 48 x 100 / 53 = 90.5660.
    assertEquals(90.566, den.pace(), 0);
    assertEquals(110.0, den.offensiveRating(), 0);
    assertEquals(Boolean.TRUE, den.winFlag());
    TeamGameRow lal = games.stream().filter(g -> g.teamAbbr().equals("LAL")).findFirst()
        .orElseThrow();
    assertEquals(Boolean.FALSE, lal.winFlag());
    assertEquals(99.0099, lal.offensiveRating(), 0); // 100 x 100 / 101
  }

  @Test
  public void propsGetTheNewYorkDateAndMinutesBeforeTipOff() throws IOException {
    List<OddsPropRow> odds = rows(SourceTable.ODDS_API_PLAYER_POINTS_PROPS).stream()
        .filter(o -> o.playerLookup().equals("nikolajokic")).toList();
    assertEquals(2, odds.size());
    for (OddsPropRow o : odds) {
      assertEquals(LocalDate.of(2024, 2, 8), o.gameDate()); // 02:00Z on the 9th = 9 pm ET
    }
    // The post-tip snapshot (pre_tip = 0) gets negative minutes: the pipeline never uses it.
    assertTrue(odds.stream().anyMatch(o -> o.minutesBeforeTipoff() == -30));
    assertTrue(odds.stream().anyMatch(o -> o.minutesBeforeTipoff() == 360));
  }

  @Test
  public void propNamesInTheBooksSpellingGetTheBoxScorePlayer() throws IOException {
    // "Nikola Jokic" (no accent) matches "Nikola Jokić" by player_lookup; "Charlie Brown" is
    // "Charlie Brown, Jr." without the suffix; "Reaves, Austin" is "Austin Reaves" turned around;
    // "Moe Nobody" played no game that day and keeps his own lookup, listed as unmatched.
    Map<String, Long> perPlayer = new java.util.TreeMap<>();
    rows(SourceTable.ODDS_API_PLAYER_POINTS_PROPS).forEach(o ->
        perPlayer.merge(o.playerLookup(), 1L, Long::sum));
    assertEquals(Map.of("nikolajokic", 2L, "charliebrownjr", 1L, "austinreaves", 1L,
        "moenobody", 1L), perPlayer);
    assertEquals(List.of("2024-02-08\tMoe Nobody"),
        Files.readAllLines(out.resolve("import_unmatched_props.txt")));
    assertEquals(List.of("2024-02-08\tCharlie Brown\tcharliebrownjr\tsame_words",
        "2024-02-08\tReaves, Austin\taustinreaves\tsame_words"),
        Files.readAllLines(out.resolve("import_crosswalk.txt")));
  }

  @Test
  public void preGameStatusComesFromTheInactiveListNotFromPlaying() throws IOException {
    Map<String, String> status = new java.util.TreeMap<>();
    for (com.nbaprops.mlfs.model.GameContextRow c
        : rows(SourceTable.UPCOMING_PLAYER_GAME_CONTEXT)) {
      status.put(c.playerLookup(), c.playerStatus());
    }
    // Reaves was active but did not play: available. Brown was inactive for ATL and active for
    // GSW on the trade day: available.
    assertEquals(Map.of("nikolajokic", "available", "lebronjames", "available",
        "austinreaves", "available", "charliebrownjr", "available"), status);
    Path in = TMP.newFolder("inactive-in").toPath();
    List<String> excerpt = Files.readAllLines(
        Path.of("src/test/resources/nba-excerpt/player_boxscores_2023-24.csv"));
    Files.write(in.resolve("player_boxscores_2023-24.csv"),
        List.of(excerpt.get(0), excerpt.get(5)));
    Path o = TMP.newFolder("inactive").toPath();
    NbaImporter.importFiles(List.of(in), o);
    List<com.nbaprops.mlfs.model.GameContextRow> ctx =
        SampleLeagueTest.read(o, SourceTable.UPCOMING_PLAYER_GAME_CONTEXT);
    assertEquals(1, ctx.size());
    assertEquals("out", ctx.get(0).playerStatus());
  }

  @Test
  public void twoPointAttemptsAreSplitLikeTheTwoPointMakes() {
    assertEquals(List.of(14L, 3L), List.of(ShotZones.twoPointSplit(12L, 17L, 20L)));
    assertEquals(List.of(0L, 0L), List.of(ShotZones.twoPointSplit(0L, 0L, 0L)));
    // Attempts without a make, or more paint makes than two-point makes: unknown.
    assertEquals(java.util.Arrays.asList(null, null),
        java.util.Arrays.asList(ShotZones.twoPointSplit(0L, 4L, 0L)));
    assertEquals(java.util.Arrays.asList(null, null),
        java.util.Arrays.asList(ShotZones.twoPointSplit(2L, 4L, 6L)));
    assertEquals(java.util.Arrays.asList(null, null),
        java.util.Arrays.asList(ShotZones.twoPointSplit(null, 4L, 2L)));
  }

  @Test
  public void derivedTablesExist() throws IOException {
    // One context row per (player, date): the trade-day pair gives one.
    assertEquals(4, rows(SourceTable.UPCOMING_PLAYER_GAME_CONTEXT).size());
    assertTrue(Files.readString(out.resolve("SOURCE.txt")).contains("DERIVED"));
  }

  @Test
  public void csvReaderHandlesQuotes() throws IOException {
    Path f = TMP.newFile("q.csv").toPath();
    Files.writeString(f, "\uFEFFa,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"multi\nline\"\nlast,,\n");
    try (Csv csv = new Csv(f)) {
      assertEquals(List.of("a", "b", "c"), csv.next()); // the byte-order mark is dropped
      assertEquals(List.of("x, y", "say \"hi\"", "multi\nline"), csv.next());
      assertEquals(2, csv.recordLine()); // where the multi-line record starts
      assertEquals(List.of("last", "", ""), csv.next());
      assertEquals(4, csv.recordLine());
      assertEquals(null, csv.next());
    }
    Path open = TMP.newFile("open.csv").toPath();
    Files.writeString(open, "a,b\n1,\"never closed\n");
    try (Csv csv = new Csv(open)) {
      csv.next();
      IOException e = org.junit.Assert.assertThrows(IOException.class, csv::next);
      assertTrue(e.getMessage(), e.getMessage().startsWith("line 2: unreadable CSV"));
    }
  }
}
