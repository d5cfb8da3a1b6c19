package com.nbaprops.mlfs.tools;

import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.TeamGameRow;
import com.nbaprops.mlfs.source.RowParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Imports real public NBA files (the formats of {@code shared/data/nba}) into the nine source tables
 * of the local layout: NBA.com-style player box scores, team games and Odds-API-style points props.
 * The precomputed tables are derived from the imported box scores with {@link Precompute}, exactly
 * as the sample league does. Every input row that cannot be used is reported with file and line in
 * {@code OUT/import_rejects.txt}; nothing is dropped silently.
 */
public final class NbaImporter {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** The input formats, recognised by their header. */
  enum Format {
    BOX_SCORES("season", "season_type", "game_id", "game_date", "team_abbr", "opponent_abbr",
        "home_away", "player_id", "player_name", "played", "status", "minutes", "pts", "fga",
        "fg3a", "ftm"),
    TEAM_GAMES("game_id", "game_date", "season", "game_type", "team_abbreviation_home",
        "team_abbreviation_road", "pts_home", "pts_road", "wl_home", "minutes_home",
        "possessions_home", "minutes_road", "possessions_road"),
    POINTS_PROPS("commence_time_utc", "bookmaker", "market", "player_name", "line");

    final List<String> required;

    Format(String... required) {
      this.required = List.of(required);
    }

    static Format of(List<String> header) {
      for (Format f : values()) {
        if (header.containsAll(f.required)) {
          return f;
        }
      }
      return null;
    }
  }

  /** What an import did. */
  public record Result(Map<String, Integer> rowsPerTable, List<String> rejects,
      List<String> skippedFiles, Map<PlayerCrosswalk.Rule, Integer> propPairsByRule,
      List<String> repairs) {

    /** (prop name, date) pairs on box-score dates that matched a box-score player. */
    public int propsMatched() {
      return propPairsByRule.entrySet().stream()
          .filter(e -> e.getKey() != PlayerCrosswalk.Rule.NONE).mapToInt(Map.Entry::getValue).sum();
    }

    /** (prop name, date) pairs on box-score dates. */
    public int propsPlayerDates() {
      return propPairsByRule.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final List<PlayerGameRow> box = new ArrayList<>();
  private final List<TeamGameRow> teamGames = new ArrayList<>();
  private final List<OddsPropRow> odds = new ArrayList<>();
  /** The book's spelling of each {@link #odds} row's player, for the crosswalk. */
  private final List<String> oddsNames = new ArrayList<>();
  private final Map<LocalDate, Set<String>> boxNamesByDate = new HashMap<>();
  private final Map<String, String> phaseOfGame = new HashMap<>();
  /** Pre-game status per {@code player_lookup|game_date}, from the box score's inactive list. */
  private final Map<String, String> statusOf = new HashMap<>();
  private final List<String> rejects = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final OpponentRepair opponents = new OpponentRepair();

  public static Result importFiles(List<Path> inputs, Path out) throws IOException {
    NbaImporter imp = new NbaImporter();
    for (Path p : expand(inputs)) {
      imp.importFile(p);
    }
    return imp.write(out);
  }

  private static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().endsWith(".csv")
              || f.getFileName().toString().endsWith(".csv.gz")).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IOException("no such file or folder: " + p);
      }
    }
    return files;
  }

  private void importFile(Path file) throws IOException {
    String name = file.getFileName().toString();
    try (Csv csv = new Csv(file)) {
      List<String> header = csv.next();
      Format format = header == null ? null : Format.of(header);
      if (format == null) {
        skipped.add(name + " (format not supported: header " + (header == null ? "empty"
            : String.join(",", header.subList(0, Math.min(6, header.size()))) + ",...") + ")");
        return;
      }
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        col.put(header.get(i), i);
      }
      List<String> rec;
      boolean first = true;
      while (true) {
        try {
          rec = csv.next();
        } catch (IOException e) {
          rejects.add(name + ":" + csv.recordLine() + ": " + e.getMessage());
          break;
        }
        if (rec == null) {
          break;
        }
        String where = name + ":" + csv.recordLine();
        if (rec.size() != header.size()) {
          rejects.add(where + ": " + rec.size() + " fields, header has " + header.size() + ": "
              + String.join(",", rec));
          continue;
        }
        Row r = new Row(rec, col);
        if (first && format == Format.POINTS_PROPS && !"player_points".equals(r.s("market"))) {
          skipped.add(name + " (market " + r.s("market") + ", not player_points)");
          return;
        }
        first = false;
        try {
          switch (format) {
            case BOX_SCORES -> boxScore(r, where);
            case TEAM_GAMES -> teamGame(r);
            case POINTS_PROPS -> prop(r, where);
            default -> throw new IllegalStateException();
          }
        } catch (IllegalArgumentException | DateTimeParseException e) {
          rejects.add(where + ": " + e.getMessage() + ": " + String.join(",", rec));
        }
      }
    }
  }

  /** One CSV record with access by column name; empty fields are NULL. */
  private record Row(List<String> values, Map<String, Integer> col) {
    String s(String c) {
      Integer i = col.get(c);
      String v = i == null ? null : values.get(i);
      return v == null || v.isEmpty() ? null : v;
    }

    String required(String c) {
      String v = s(c);
      if (v == null) {
        throw new IllegalArgumentException("empty " + c);
      }
      return v;
    }

    Long l(String c) {
      String v = s(c);
      if (v == null) {
        return null;
      }
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        try {
          double d = Double.parseDouble(v);
          if (d == Math.rint(d)) {
            return (long) d;
          }
        } catch (NumberFormatException e2) {
          // below
        }
        throw new IllegalArgumentException(c + " is not an integer: " + v);
      }
    }

    Double d(String c) {
      String v = s(c);
      if (v == null) {
        return null;
      }
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(c + " is not a number: " + v);
      }
    }
  }

  private static long seasonYear(String season) {
    if (season == null || season.length() < 4) {
      throw new IllegalArgumentException("bad season " + season);
    }
    return Long.parseLong(season.substring(0, 4));
  }

  private void boxScore(Row r, String where) {
    LocalDate date = LocalDate.parse(r.required("game_date"));
    String team = r.required("team_abbr");
    String opp = r.required("opponent_abbr");
    String side = r.required("home_away");
    String sourceGameId = r.required("game_id");
    if (!side.equals("H") && !side.equals("A")) {
      throw new IllegalArgumentException("home_away is neither H nor A: " + side);
    }
    String home = side.equals("H") ? team : opp;
    String away = side.equals("H") ? opp : team;
    String gameId = date.toString().replace("-", "") + "_" + away + "_" + home;
    String name = r.required("player_name");
    String lookup = PlayerNames.lookup(name);
    if (lookup.isEmpty()) {
      throw new IllegalArgumentException("player_name has no letters or digits");
    }
    boxNamesByDate.computeIfAbsent(date, d -> new HashSet<>()).add(name);
    boolean played = "1".equals(r.s("played"));
    Long minutes = r.l("minutes");
    for (String c : List.of("minutes", "pts", "fga", "fg3a", "ftm", "fg2m", "fg2a", "pts_paint")) {
      Long v = r.l(c);
      if (v != null && v < 0) {
        throw new IllegalArgumentException(c + " is negative: " + v);
      }
    }
    String type = r.s("season_type");
    phaseOfGame.put(gameId, "playoffs".equals(type) ? "playoffs"
        : "playin".equals(type) ? "play_in" : "regular_season");
    Long[] zones = ShotZones.twoPointSplit(r.l("fg2m"), r.l("fg2a"), r.l("pts_paint"));
    PlayerGameRow row = new PlayerGameRow(lookup, "nba_" + r.required("player_id"), gameId, date,
        seasonYear(r.required("season")), team, opp, r.l("pts"),
        minutes == null ? null : minutes.doubleValue(), r.l("fga"), r.l("fg3a"), r.l("ftm"),
        zones[0], zones[1], !played);
    // The inactive list is filed before tip-off: the pre-game status, whether or not he then played.
    String status = r.s("status");
    if (status != null) {
      // On a trade day he is listed by two teams: active for either one means available.
      statusOf.merge(lookup + "|" + date, "INACTIVE".equals(status) ? "out" : "available",
          (a, b) -> a.equals("available") ? a : b);
    }
    opponents.seen(date, sourceGameId, team);
    if (team.equals(opp)) {
      opponents.selfOpponent(box.size(), where, date, sourceGameId, side.equals("H"));
    }
    box.add(row);
  }

  private void teamGame(Row r) {
    LocalDate date = LocalDate.parse(r.required("game_date"));
    long season = seasonYear(r.required("season"));
    String wl = r.required("wl_home");
    if (!wl.equals("W") && !wl.equals("L")) {
      throw new IllegalArgumentException("wl_home is neither W nor L: " + wl);
    }
    for (String side : List.of("home", "road")) {
      Double poss = r.d("possessions_" + side);
      Double minutes = r.d("minutes_" + side);
      Long pts = r.l("pts_" + side);
      Double pace = poss == null || minutes == null || minutes <= 0 ? null
          : round(48.0 * poss / (minutes / 5.0));
      Double ortg = poss == null || pts == null || poss <= 0 ? null : round(100.0 * pts / poss);
      boolean win = side.equals("home") == wl.equals("W");
      teamGames.add(new TeamGameRow(r.required("team_abbreviation_" + side), date, season, win,
          pace, ortg));
    }
  }

  private void prop(Row r, String where) {
    if (!"player_points".equals(r.s("market"))) {
      throw new IllegalArgumentException("market is not player_points: " + r.s("market"));
    }
    Instant start = RowParser.parseTimestamp(r.required("commence_time_utc"));
    String snapText = r.s("market_last_update_utc") != null ? r.s("market_last_update_utc")
        : r.s("snapshot_utc");
    Instant snap = snapText == null ? null : RowParser.parseTimestamp(snapText);
    if (start == null || (snapText != null && snap == null)) {
      throw new IllegalArgumentException("unreadable timestamp");
    }
    Long before = snap == null ? null
        : Math.floorDiv(start.getEpochSecond() - snap.getEpochSecond(), 60L);
    String name = r.required("player_name");
    String lookup = PlayerNames.lookup(name);
    if (lookup.isEmpty()) {
      throw new IllegalArgumentException("player_name has no letters or digits");
    }
    OddsPropRow row = new OddsPropRow(lookup, LocalDate.ofInstant(start, NEW_YORK), start, snap,
        before, r.required("bookmaker").toLowerCase(Locale.ROOT), r.d("line"));
    odds.add(row); // only once every field has parsed, so the two lists stay aligned
    oddsNames.add(name);
  }

  private static Double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }

  /**
   * Gives each prop row the {@code player_lookup} of the box-score player its name stands for on
   * that date ({@link PlayerCrosswalk}); counts the (name, date) pairs per rule and lists the
   * unmatched ones in {@code OUT/import_unmatched_props.txt}. Props on dates without box scores
   * keep their own lookup.
   */
  private Map<PlayerCrosswalk.Rule, Integer> crosswalkProps(Path out) throws IOException {
    Map<LocalDate, PlayerCrosswalk> walks = new HashMap<>();
    Map<String, PlayerCrosswalk.Match> pairs = new TreeMap<>();
    for (int i = 0; i < odds.size(); i++) {
      OddsPropRow o = odds.get(i);
      Set<String> names = boxNamesByDate.get(o.gameDate());
      if (names == null) {
        continue;
      }
      String name = oddsNames.get(i);
      PlayerCrosswalk.Match m = pairs.computeIfAbsent(o.gameDate() + "\t" + name,
          k -> walks.computeIfAbsent(o.gameDate(), d -> new PlayerCrosswalk(names)).match(name));
      if (m.playerLookup() != null && !m.playerLookup().equals(o.playerLookup())) {
        odds.set(i, new OddsPropRow(m.playerLookup(), o.gameDate(), o.gameStartTime(),
            o.snapshotTimestamp(), o.minutesBeforeTipoff(), o.bookmaker(), o.pointsLine()));
      }
    }
    Map<PlayerCrosswalk.Rule, Integer> byRule = new EnumMap<>(PlayerCrosswalk.Rule.class);
    for (PlayerCrosswalk.Rule rule : PlayerCrosswalk.Rule.values()) {
      byRule.put(rule, 0);
    }
    List<String> unmatched = new ArrayList<>();
    List<String> crosswalked = new ArrayList<>();
    pairs.forEach((k, m) -> {
      byRule.merge(m.rule(), 1, Integer::sum);
      if (m.rule() == PlayerCrosswalk.Rule.NONE) {
        unmatched.add(k);
      } else if (m.rule() != PlayerCrosswalk.Rule.EXACT) {
        crosswalked.add(k + "\t" + m.playerLookup() + "\t"
            + m.rule().name().toLowerCase(Locale.ROOT));
      }
    });
    Files.createDirectories(out);
    Files.write(out.resolve("import_unmatched_props.txt"), unmatched, StandardCharsets.UTF_8);
    Files.write(out.resolve("import_crosswalk.txt"), crosswalked, StandardCharsets.UTF_8);
    return byRule;
  }

  private Result write(Path out) throws IOException {
    List<String> repairs = opponents.apply(box, phaseOfGame, rejects);
    Map<PlayerCrosswalk.Rule, Integer> byRule = crosswalkProps(out);
    // No injury reports are public; the inactive list gives out / available (README, "Importing").
    Precompute.Tables t = Precompute.derive(box, teamGames, Precompute.labels(
        row -> phaseOfGame.getOrDefault(row.gameId(), "regular_season"),
        row -> statusOf.get(row.playerLookup() + "|" + row.gameDate())));
    Map<String, Integer> counts = TableWriter.writeAll(out, "nba_import",
        new TableWriter.SourceData(box, t.context(), t.cache(), t.composite(), t.shotZones(),
            t.teamDefense(), teamGames, odds, null));
    Files.write(out.resolve("import_rejects.txt"), rejects, StandardCharsets.UTF_8);
    Files.write(out.resolve("import_repairs.txt"), repairs, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("SOURCE.txt"), "Imported by scripts/import-nba from real public "
        + "NBA files (see shared/data/nba/README.md for provenance and licences).\nThe tables "
        + "player_daily_cache, player_composite_factors, player_shot_zone_analysis,\n"
        + "team_defense_zone_analysis and upcoming_player_game_context are DERIVED from the "
        + "box scores\n(rows dated D use games before D only); composite-factor formulas are "
        + "illustrative.\nNo BettingPros data is public: that table is absent.\n",
        StandardCharsets.UTF_8);
    return new Result(counts, rejects, skipped, byRule, repairs);
  }

  // ---------------------------------------------------------------- command line

  public static void main(String[] args) {
    System.exit(NbaImportCli.cli(args, System.out, System.err));
  }
}
