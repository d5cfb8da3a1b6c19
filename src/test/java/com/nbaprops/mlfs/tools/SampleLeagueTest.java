package com.nbaprops.mlfs.tools;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.history.PlayerSweep;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.source.RowParser;
import com.nbaprops.mlfs.source.SourceFileIndex;
import com.nbaprops.mlfs.source.SourceTable;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import com.nbaprops.mlfs.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Determinism and invariants of the synthetic sample league (one season, seed 7). */
public class SampleLeagueTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  static Path league;
  static List<PlayerGameRow> box;

  @BeforeClass
  public static void generate() throws IOException {
    league = TMP.newFolder("a").toPath();
    SampleLeague.generate(new SampleConfig(7, 1, 2024), league);
    box = read(SourceTable.PLAYER_GAME_SUMMARY);
  }

  static <T extends Record> List<T> read(SourceTable<T> table) throws IOException {
    return read(league, table);
  }

  static <T extends Record> List<T> read(Path league, SourceTable<T> table) throws IOException {
    RowParser<T> parser = new RowParser<>(table);
    List<T> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(league.resolve(table.name()))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".ndjson.gz")).sorted().toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            RowParser.Result<T> res = parser.parse(Json.readObject(line));
            assertTrue(table + ": " + res.error() + " in " + line, res.ok());
            rows.add(res.record());
          }
        }
      }
    }
    return rows;
  }

  @Test
  public void sameSeedGivesByteIdenticalFiles() throws IOException {
    Path again = TMP.newFolder("b").toPath();
    SampleLeague.generate(new SampleConfig(7, 1, 2024), again);
    for (SourceTable<?> t : SourceTable.ALL) {
      try (Stream<Path> files = Files.list(league.resolve(t.name()))) {
        for (Path f : files.toList()) {
          assertArrayEquals(t.name(), Files.readAllBytes(f),
              Files.readAllBytes(again.resolve(t.name()).resolve(f.getFileName())));
        }
      }
    }
  }

  @Test
  public void eachTableIsOneFilePerMonthWithAnIndexOfItsDatesAndRows() throws IOException {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    for (SourceTable<?> t : SourceTable.ALL) {
      Path folder = league.resolve(t.name());
      Map<String, SourceFileIndex.Entry> index =
          SourceFileIndex.read(folder + "/").entries();
      List<Path> files;
      try (Stream<Path> s = Files.list(folder)) {
        files = s.filter(f -> f.toString().endsWith(".ndjson.gz")).sorted().toList();
      }
      assertEquals(t.name(), files.size(), index.size());
      for (Path f : files) {
        SourceFileIndex.Entry e = index.get(f.getFileName().toString());
        List<LocalDate> dates = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            dates.add(LocalDate.parse((String) Json.readObject(line).get(t.dateColumn())));
          }
        }
        assertEquals(f.toString(), dates.size(), e.rows());
        assertEquals(f.toString(), Files.size(f), e.bytes());
        assertEquals(f.toString(), dates.stream().min(LocalDate::compareTo).get(), e.first());
        assertEquals(f.toString(), dates.stream().max(LocalDate::compareTo).get(), e.last());
        // the month is in the name, and every row of the file is of that month
        String month = e.first().toString().substring(0, 7);
        assertTrue(f.toString(), f.getFileName().toString().endsWith("_" + month + ".ndjson.gz"));
        assertEquals(month, e.last().toString().substring(0, 7));
      }
    }
  }

  @Test
  public void everyTableIsNonEmptyAndMarkedSynthetic() throws IOException {
    for (SourceTable<?> t : SourceTable.ALL) {
      assertFalse(t.name(), read(t).isEmpty());
    }
    assertTrue(Files.readString(league.resolve("SYNTHETIC.txt")).contains("SYNTHETIC"));
  }

  @Test
  public void leagueShape() {
    Map<String, Integer> regularGames = new TreeMap<>();
    Map<String, java.util.Set<String>> teamsOf = new HashMap<>();
    for (PlayerGameRow r : box) {
      teamsOf.computeIfAbsent(r.playerLookup(), k -> new java.util.TreeSet<>()).add(r.teamAbbr());
    }
    Map<String, java.util.Set<String>> gamesOfTeam = new HashMap<>();
    box.stream().filter(r -> r.gameDate().isBefore(LocalDate.of(2025, 4, 20)))
        .forEach(r -> gamesOfTeam.computeIfAbsent(r.teamAbbr(), k -> new java.util.HashSet<>())
            .add(r.gameId()));
    gamesOfTeam.forEach((t, g) -> regularGames.put(t, g.size()));
    assertEquals(30, regularGames.size());
    assertTrue(regularGames.toString(), regularGames.values().stream().allMatch(n -> n >= 78));
    assertTrue(box.stream().anyMatch(PlayerGameRow::dnp));
    assertTrue(box.stream().anyMatch(r -> r.dnp() && r.points() == null)); // inactive
    assertTrue("traded players", teamsOf.values().stream().filter(s -> s.size() > 1).count() >= 8);
    // A trade-day duplicate: two rows for one player and date.
    Map<String, Integer> perKey = new HashMap<>();
    box.forEach(r -> perKey.merge(r.playerLookup() + r.gameDate(), 1, Integer::sum));
    assertTrue(perKey.values().stream().anyMatch(n -> n == 2));
    // Back-to-backs exist, and play-offs after the regular season.
    assertTrue(box.stream().anyMatch(r -> r.gameDate().isAfter(LocalDate.of(2025, 4, 20))));
  }

  @Test
  public void precomputedRowsUseOnlyGamesBeforeTheirDate() throws IOException {
    // Recompute points_avg_last_5 of every cache row from box scores dated strictly before it.
    Map<String, List<PlayerGameRow>> byPlayer = new HashMap<>();
    Map<String, PlayerGameRow> one = new TreeMap<>();
    for (PlayerGameRow r : box) {
      one.merge(r.playerLookup() + "|" + r.gameDate(), r,
          (a, b) -> PlayerSweep.TRADE_DAY_ORDER.compare(a, b) <= 0 ? a : b);
    }
    one.values().forEach(r -> byPlayer.computeIfAbsent(r.playerLookup(), k -> new ArrayList<>())
        .add(r));
    int checked = 0;
    for (DailyCacheRow c : read(SourceTable.PLAYER_DAILY_CACHE)) {
      List<PlayerGameRow> before = byPlayer.get(c.playerLookup()).stream()
          .filter(r -> r.gameDate().isBefore(c.cacheDate()) && r.played())
          .sorted((a, b) -> b.gameDate().compareTo(a.gameDate())).limit(5).toList();
      if (c.pointsAvgLast5() != null) {
        double mean = before.stream().mapToLong(PlayerGameRow::points).average().orElseThrow();
        assertEquals(c.toString(), Math.round(mean * 10000) / 10000.0, c.pointsAvgLast5(), 1e-9);
        checked++;
      }
    }
    assertTrue(checked > 10000);
    // Team defense of D only looks at games before D: no row on a team's first game day.
    LocalDate first = box.stream().map(PlayerGameRow::gameDate).min(LocalDate::compareTo)
        .orElseThrow();
    for (TeamDefenseRow d : read(SourceTable.TEAM_DEFENSE_ZONE_ANALYSIS)) {
      assertFalse(d.analysisDate().equals(first));
    }
  }

  @Test
  public void plantedGapsExist() throws IOException {
    List<CompositeFactorsRow> composite = read(SourceTable.PLAYER_COMPOSITE_FACTORS);
    assertTrue(composite.stream().anyMatch(c -> c.fatigueScore() != null
        && c.fatigueScore() > 100));
    assertTrue("missing composite rows", composite.size() < box.size());
    List<DailyCacheRow> cache = read(SourceTable.PLAYER_DAILY_CACHE);
    assertTrue(cache.stream().anyMatch(c -> c.pointsStdLast10() == null));
    java.util.Set<LocalDate> cacheDates = new java.util.HashSet<>();
    cache.forEach(c -> cacheDates.add(c.cacheDate()));
    assertTrue("missing cache days", box.stream().map(PlayerGameRow::gameDate).distinct()
        .anyMatch(d -> !cacheDates.contains(d)));
    assertTrue(read(SourceTable.UPCOMING_PLAYER_GAME_CONTEXT).stream()
        .anyMatch(c -> c.homeGame() == null));
    List<OddsPropRow> odds = read(SourceTable.ODDS_API_PLAYER_POINTS_PROPS);
    assertTrue("post-tip snapshots", odds.stream().anyMatch(o -> o.minutesBeforeTipoff() != null
        && o.minutesBeforeTipoff() < 0));
    assertTrue("no tip-off minutes", odds.stream().anyMatch(o -> o.minutesBeforeTipoff() == null));
    Map<String, Integer> perSnapshot = new HashMap<>();
    odds.forEach(o -> perSnapshot.merge(o.playerLookup() + o.snapshotTimestamp() + o.bookmaker(),
        1, Integer::sum));
    assertTrue("alternate lines", perSnapshot.values().stream().anyMatch(n -> n >= 3));
    assertTrue(odds.stream().map(OddsPropRow::bookmaker).distinct().count() >= 3);
    assertFalse(read(SourceTable.BETTINGPROS_PLAYER_POINTS_PROPS).isEmpty());
  }
}
