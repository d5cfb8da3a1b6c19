package com.nbaprops.mlfs.tools;

import com.nbaprops.mlfs.model.BettingProsPropRow;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.model.TeamGameRow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A SYNTHETIC NBA-like league, deterministic from a seed: 30 teams, ~82-game schedules with
 * back-to-backs, rotations of 15 (starters, bench, deep bench), DNPs, inactive injured players,
 * mid-season trades (with a trade-day duplicate), rookies without history, play-offs; the nine source
 * tables with the precomputed ones derived from games before each date, realistic gaps, and prop
 * lines from several books and snapshots (post-tip-off snapshots and alternate lines included).
 * No value in it is real.
 */
public final class SampleLeague {
  static final String[] TEAMS = {"ATL", "BOS", "BKN", "CHA", "CHI", "CLE", "DET", "IND", "MIA",
      "MIL", "NYK", "ORL", "PHI", "TOR", "WAS", "DAL", "DEN", "GSW", "HOU", "LAC", "LAL", "MEM",
      "MIN", "NOP", "OKC", "PHX", "POR", "SAC", "SAS", "UTA"};
  private static final String[] FIRST = {"Jalen", "Marcus", "Darius", "Tyrese", "Luka", "Nikola",
      "Andre", "Malik", "Jordan", "Cameron", "Devin", "Isaiah", "Kevin", "Zion", "Trey", "Miles",
      "Jaylen", "Aaron", "Bojan", "Dennis", "Goran", "Jonas", "Killian", "Ousmane", "Théo",
      "Rudy", "Dāvis", "Álex", "Deni", "Josh"};
  private static final String[] LAST = {"Walker", "Brooks", "Hayes", "Carter", "Vučević",
      "Okafor", "Mitchell", "Bridges", "Holloway", "Reed", "Porter Jr.", "Thompson", "Jokanović",
      "Ellison", "Fournier", "Dončić", "Ivey", "McBride", "Sabonis", "Nurkić", "Bertāns",
      "Ayton", "Green", "Harrison", "Lopez", "Williams", "Moreno", "Kessler", "Garland",
      "Valančiūnas", "Murray", "O'Neale", "Dieng", "Sengün", "Watford", "Şahin", "Kuminga",
      "Nembhard", "Strus", "Quickley"};

  /** Generator settings. */
  public record Config(long seed, int seasons, int lastSeason, int teams) {
    public Config {
      if (seasons < 1 || seasons > 10) {
        throw new IllegalArgumentException("--seasons must be 1..10, got " + seasons);
      }
      if (teams < 4 || teams > 30 || teams % 2 != 0) {
        throw new IllegalArgumentException("--teams must be an even number 4..30, got " + teams);
      }
    }

    public Config(long seed, int seasons, int lastSeason) {
      this(seed, seasons, lastSeason, 30);
    }

    public int firstSeason() {
      return lastSeason - seasons + 1;
    }
  }

  /** What was generated: the date range and the rows per table. */
  public record Summary(LocalDate firstDate, LocalDate lastDate, Map<String, Integer> rows) {}

  private final Config config;
  private final Random rnd;
  private final List<Player> players = new ArrayList<>();
  private final Map<String, List<Player>> rosters = new TreeMap<>();
  private int nextId = 0;
  private final Set<String> usedNames = new HashSet<>();

  // Output rows.
  private final List<PlayerGameRow> box = new ArrayList<>();
  private final List<TeamGameRow> teamGames = new ArrayList<>();
  private final List<OddsPropRow> odds = new ArrayList<>();
  private final List<BettingProsPropRow> bettingPros = new ArrayList<>();
  private final Map<String, String> phaseOf = new HashMap<>();
  private final Map<String, String> statusOf = new HashMap<>();

  private final String[] teams;

  private SampleLeague(Config config) {
    this.config = config;
    this.rnd = new Random(config.seed());
    this.teams = java.util.Arrays.copyOf(TEAMS, config.teams());
  }

  static final class Player {
    final int id;
    final String name;
    final String lookup;
    String team;
    double baseMinutes;
    final double ppm;
    final double threeShare;
    final double paintShare;
    final double ftRate;
    double dnpProb;
    int injuredGames;
    boolean returning;
    final List<Integer> recentPoints = new ArrayList<>();

    Player(int id, String name, String team, double baseMinutes, double ppm, double threeShare,
        double paintShare, double ftRate, double dnpProb) {
      this.id = id;
      this.name = name;
      this.lookup = PlayerNames.lookup(name);
      this.team = team;
      this.baseMinutes = baseMinutes;
      this.ppm = ppm;
      this.threeShare = threeShare;
      this.paintShare = paintShare;
      this.ftRate = ftRate;
      this.dnpProb = dnpProb;
    }

    String upid() {
      return String.format("synth_%05d", id);
    }
  }

  public static Summary generate(Config config, Path out) throws IOException {
    return new SampleLeague(config).run(out);
  }

  private Summary run(Path out) throws IOException {
    for (String t : teams) {
      rosters.put(t, new ArrayList<>());
      for (int slot = 0; slot < 15; slot++) {
        addPlayer(t, slot, false);
      }
    }
    LocalDate first = null;
    LocalDate last = null;
    for (int s = config.firstSeason(); s <= config.lastSeason(); s++) {
      if (s > config.firstSeason()) {
        offseason();
      }
      LocalDate[] range = season(s);
      first = first == null ? range[0] : first;
      last = range[1];
    }
    Precompute.Tables derived = Precompute.derive(box, teamGames, Precompute.labels(
        row -> phaseOf.getOrDefault(row.gameId(), "regular_season"),
        row -> statusOf.getOrDefault(row.playerLookup() + "|" + row.gameDate(), "available")));
    PlantedGaps.Planted planted = PlantedGaps.plant(rnd, box, config.seasons(), derived);
    Map<String, Integer> counts = TableWriter.writeAll(out,
        "sample_" + config.firstSeason() + "_" + config.lastSeason(),
        new TableWriter.SourceData(box, planted.context(), planted.cache(), planted.composite(),
            planted.zones(), planted.defense(), teamGames, odds, bettingPros));
    Files.writeString(out.resolve("SYNTHETIC.txt"), "This folder is a SYNTHETIC sample league "
        + "generated by scripts/sample-league (seed " + config.seed() + ", seasons "
        + config.firstSeason() + ".." + config.lastSeason() + ").\nNo player, game, line or "
        + "statistic in it is real.\n", StandardCharsets.UTF_8);
    return new Summary(first, last, counts);
  }

  // ---------------------------------------------------------------- league

  private void addPlayer(String team, int slot, boolean rookie) {
    String name;
    do {
      name = FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
      if (usedNames.contains(name) || usedNames.contains(PlayerNames.lookup(name))) {
        name = name + " " + (char) ('A' + rnd.nextInt(26)) + ".";
      }
    } while (usedNames.contains(PlayerNames.lookup(name)));
    usedNames.add(PlayerNames.lookup(name));
    double minutes;
    double dnp;
    if (slot < 5) {
      minutes = 29 + rnd.nextDouble() * 8;
      dnp = 0.01;
    } else if (slot < 10) {
      minutes = 16 + rnd.nextDouble() * 10;
      dnp = 0.04;
    } else if (slot < 13) {
      minutes = 6 + rnd.nextDouble() * 8;
      dnp = 0.25;
    } else {
      minutes = 2 + rnd.nextDouble() * 4;
      dnp = 0.6;
    }
    if (rookie) {
      minutes *= 0.8;
    }
    Player p = new Player(nextId++, name, team, minutes, 0.28 + rnd.nextDouble() * 0.45,
        0.15 + rnd.nextDouble() * 0.35, 0.2 + rnd.nextDouble() * 0.3,
        0.10 + rnd.nextDouble() * 0.15, dnp);
    players.add(p);
    rosters.get(team).add(p);
  }

  /** Between seasons: the two deepest players of every team retire, two rookies arrive. */
  private void offseason() {
    for (String t : teams) {
      List<Player> r = rosters.get(t);
      r.sort(Comparator.comparingDouble((Player p) -> -p.baseMinutes).thenComparingInt(p -> p.id));
      r.remove(r.size() - 1);
      r.remove(r.size() - 1);
      for (Player p : r) {
        p.injuredGames = 0;
        p.recentPoints.clear();
      }
      addPlayer(t, 13, true);
      addPlayer(t, 14, true);
    }
  }

  private LocalDate[] season(int s) {
    LocalDate start = com.nbaprops.mlfs.contract.Seasons.startOr(s, LocalDate.of(s, 10, 21));
    Map<String, Integer> played = new TreeMap<>();
    Map<String, Integer> wins = new TreeMap<>();
    Map<String, Integer> homeGames = new TreeMap<>();
    Map<String, LocalDate> lastGame = new HashMap<>();
    Map<String, LocalDate> secondLast = new HashMap<>();
    for (String t : teams) {
      played.put(t, 0);
      wins.put(t, 0);
      homeGames.put(t, 0);
    }
    LocalDate tradeDay = LocalDate.of(s + 1, 2, 6);
    boolean traded = false;
    LocalDate d = start;
    int day = 0;
    while (played.values().stream().anyMatch(n -> n < 82) && day < 200) {
      if (!traded && !d.isBefore(tradeDay)) {
        trades(d);
        traded = true;
      }
      List<String> candidates = new ArrayList<>();
      for (String t : teams) {
        boolean twoInARow = d.minusDays(1).equals(lastGame.get(t))
            && d.minusDays(2).equals(secondLast.get(t));
        boolean b2b = d.minusDays(1).equals(lastGame.get(t));
        if (played.get(t) < 82 && !twoInARow && !(b2b && rnd.nextDouble() < 0.7)) {
          candidates.add(t);
        }
      }
      candidates.sort(Comparator.comparingInt((String t) -> played.get(t))
          .thenComparingDouble(t -> rnd.nextDouble()));
      int gamesToday = day == 0 ? 2 : 4 + rnd.nextInt(8);
      List<String> today = new ArrayList<>(candidates.subList(0,
          Math.min(candidates.size() / 2 * 2, gamesToday * 2)));
      java.util.Collections.shuffle(today, rnd);
      todaysGames.clear();
      for (int i = 0; i + 1 < today.size(); i += 2) {
        String a = today.get(i);
        String b = today.get(i + 1);
        String home = homeGames.get(a) <= homeGames.get(b) ? a : b;
        String away = home.equals(a) ? b : a;
        homeGames.merge(home, 1, Integer::sum);
        String winner = playGame(d, s, home, away, "regular_season");
        wins.merge(winner, 1, Integer::sum);
        for (String t : List.of(home, away)) {
          played.merge(t, 1, Integer::sum);
          if (lastGame.containsKey(t)) {
            secondLast.put(t, lastGame.get(t));
          }
          lastGame.put(t, d);
        }
      }
      plantTradeDayDuplicate(d, s);
      d = d.plusDays(1);
      day++;
    }
    LocalDate end = playoffs(s, d.plusDays(3), wins);
    return new LocalDate[] {start, end};
  }

  /** Mid-season trades: eight pairs of rotation players swap teams. */
  private void trades(LocalDate d) {
    for (int k = 0; k < 8; k++) {
      String a = teams[rnd.nextInt(teams.length)];
      String b = teams[rnd.nextInt(teams.length)];
      if (a.equals(b)) {
        continue;
      }
      List<Player> ra = rosters.get(a);
      List<Player> rb = rosters.get(b);
      Player pa = ra.get(5 + rnd.nextInt(5));
      Player pb = rb.get(5 + rnd.nextInt(5));
      ra.remove(pa);
      rb.remove(pb);
      ra.add(pb);
      rb.add(pa);
      pa.team = b;
      pb.team = a;
      if (k == 0) {
        tradeDayDuplicate = pa;
        tradeDayFrom = a;
        tradeDayDate = d;
      }
    }
  }

  private Player tradeDayDuplicate;
  private String tradeDayFrom;
  private LocalDate tradeDayDate;
  private final Map<String, String[]> todaysGames = new HashMap<>();

  /**
   * The first day on or after the trade when both of the traded player's teams play, he is also
   * listed (DNP) on his old team's box score: a trade-day duplicate for the pipeline to resolve.
   */
  private void plantTradeDayDuplicate(LocalDate d, int season) {
    Player p = tradeDayDuplicate;
    if (p == null || d.isBefore(tradeDayDate)) {
      return;
    }
    String[] newGame = todaysGames.get(p.team);
    String[] oldGame = todaysGames.get(tradeDayFrom);
    if (newGame != null && oldGame != null && !newGame[0].equals(oldGame[0])) {
      box.add(new PlayerGameRow(p.lookup, p.upid(), oldGame[0], d, (long) season, tradeDayFrom,
          oldGame[1], 0L, 0.0, 0L, 0L, 0L, 0L, 0L, true));
      tradeDayDuplicate = null;
    }
  }

  private LocalDate playoffs(int s, LocalDate start, Map<String, Integer> wins) {
    int half = teams.length / 2;
    List<String> east = new ArrayList<>(List.of(teams).subList(0, half));
    List<String> west = new ArrayList<>(List.of(teams).subList(half, teams.length));
    int seeds = Integer.highestOneBit(Math.min(8, half));
    Comparator<String> byWins = Comparator.comparingInt((String t) -> -wins.get(t))
        .thenComparing(Comparator.naturalOrder());
    east.sort(byWins);
    west.sort(byWins);
    List<List<String>> brackets = new ArrayList<>();
    for (List<String> conf : List.of(east, west)) {
      brackets.add(bracket(conf.subList(0, seeds)));
    }
    List<String> alive = new ArrayList<>();
    alive.addAll(brackets.get(0));
    alive.addAll(brackets.get(1));
    LocalDate d = start;
    while (alive.size() > 1) {
      List<String> next = new ArrayList<>();
      LocalDate roundEnd = d;
      for (int i = 0; i < alive.size(); i += 2) {
        String high = alive.get(i);
        String low = alive.get(i + 1);
        if (byWins.compare(low, high) < 0) {
          String x = high;
          high = low;
          low = x;
        }
        int wh = 0;
        int wl = 0;
        LocalDate gd = d;
        int game = 0;
        while (wh < 4 && wl < 4) {
          boolean highHome = game == 0 || game == 1 || game == 4 || game == 6;
          String home = highHome ? high : low;
          String away = highHome ? low : high;
          String winner = playGame(gd, s, home, away, "playoffs");
          if (winner.equals(high)) {
            wh++;
          } else {
            wl++;
          }
          game++;
          gd = gd.plusDays(2);
        }
        next.add(wh == 4 ? high : low);
        roundEnd = gd.isAfter(roundEnd) ? gd : roundEnd;
      }
      alive = next;
      d = roundEnd.plusDays(1);
    }
    return d;
  }

  /** Standard seeding order: 1-8, 4-5, 3-6, 2-7 (and the same shape for 4 or 2 seeds). */
  private static List<String> bracket(List<String> seeds) {
    if (seeds.size() == 1) {
      return new ArrayList<>(seeds);
    }
    int n = seeds.size();
    List<String> top = bracket(seeds.subList(0, n / 2));
    List<String> out = new ArrayList<>();
    for (String t : top) {
      out.add(t);
      out.add(seeds.get(n - 1 - seeds.indexOf(t)));
    }
    return out;
  }

  // ---------------------------------------------------------------- one game

  private String playGame(LocalDate d, int season, String home, String away, String phase) {
    String gameId = d.toString().replace("-", "") + "_" + away + "_" + home;
    phaseOf.put(gameId, phase);
    double possessions = 94 + rnd.nextDouble() * 10;
    Map<String, Integer> points = new HashMap<>();
    Map<String, List<PlayerGameRow>> rows = new HashMap<>();
    for (String team : List.of(home, away)) {
      String opp = team.equals(home) ? away : home;
      List<PlayerGameRow> teamRows = teamRows(d, season, gameId, team, opp);
      int teamPoints = 0;
      for (PlayerGameRow r : teamRows) {
        teamPoints += r.dnp() ? 0 : r.points().intValue();
      }
      points.put(team, teamPoints);
      rows.put(team, teamRows);
    }
    if (points.get(home).equals(points.get(away)) && breakTie(rows.get(home))) {
      points.merge(home, 1, Integer::sum);
    }
    String winner = points.get(home) > points.get(away) ? home : away;
    for (String team : List.of(home, away)) {
      for (PlayerGameRow r : rows.get(team)) {
        box.add(r);
        props(r);
      }
      teamGames.add(new TeamGameRow(team, d, (long) season, team.equals(winner),
          Math.round(possessions * 100) / 100.0,
          Math.round(100.0 * points.get(team) / possessions * 100) / 100.0));
    }
    todaysGames.put(home, new String[] {gameId, away});
    todaysGames.put(away, new String[] {gameId, home});
    for (String team : List.of(home, away)) {
      for (PlayerGameRow r : rows.get(team)) {
        Player p = byLookup(r.playerLookup());
        if (!r.dnp() && p != null) {
          p.recentPoints.add(r.points().intValue());
          if (p.recentPoints.size() > 5) {
            p.recentPoints.remove(0);
          }
        }
      }
    }
    return winner;
  }

  /** Who plays for the team on d (injuries, statuses, DNPs), in player-id order. */
  private Map<Player, Boolean> availability(LocalDate d, String team) {
    List<Player> roster = new ArrayList<>(rosters.get(team));
    roster.sort(Comparator.comparingInt(p -> p.id));
    Map<Player, Boolean> plays = new LinkedHashMap<>();
    for (Player p : roster) {
      String key = p.lookup + "|" + d;
      if (p.injuredGames > 0) {
        p.injuredGames--;
        p.returning = p.injuredGames == 0;
        statusOf.put(key, "out");
        plays.put(p, false);
        continue;
      }
      if (rnd.nextDouble() < 0.008) {
        p.injuredGames = 1 + rnd.nextInt(15);
        statusOf.put(key, rnd.nextBoolean() ? "doubtful" : "out");
        plays.put(p, false);
        continue;
      }
      if (p.returning) {
        statusOf.put(key, "questionable");
        p.returning = false;
      } else if (rnd.nextDouble() < 0.03) {
        statusOf.put(key, "probable");
      }
      plays.put(p, rnd.nextDouble() >= p.dnpProb);
    }
    return plays;
  }

  /** The team's box-score rows of one game. */
  private List<PlayerGameRow> teamRows(LocalDate d, int season, String gameId, String team,
      String opp) {
    Map<Player, Boolean> plays = availability(d, team);
    double totalBase = 0;
    for (Map.Entry<Player, Boolean> e : plays.entrySet()) {
      totalBase += e.getValue() ? e.getKey().baseMinutes : 0;
    }
    List<PlayerGameRow> teamRows = new ArrayList<>();
    for (Map.Entry<Player, Boolean> e : plays.entrySet()) {
      Player p = e.getKey();
      boolean injured = "out".equals(statusOf.get(p.lookup + "|" + d))
          || "doubtful".equals(statusOf.get(p.lookup + "|" + d));
      if (!e.getValue()) {
        // DNP (coach's decision: zeros) or inactive (injured: NULL stats).
        Long z = injured ? null : 0L;
        teamRows.add(new PlayerGameRow(p.lookup, p.upid(), gameId, d, (long) season, team, opp,
            z, 0.0, z, z, z, z, z, true));
        continue;
      }
      double minutes = Math.max(1, p.baseMinutes * 240 / Math.max(totalBase, 1)
          * (0.85 + rnd.nextDouble() * 0.3));
      minutes = Math.min(minutes, 46);
      minutes = Math.round(minutes * 100) / 100.0;
      long pts = Math.max(0, Math.round(minutes * p.ppm * (0.6 + rnd.nextDouble() * 0.8)));
      long fga = Math.max(pts == 0 ? 0 : 1, Math.round(pts / 1.15 * (0.85 + rnd.nextDouble() * 0.3)));
      long three = Math.round(fga * p.threeShare);
      long paint = Math.round(fga * p.paintShare);
      long mid = Math.max(0, fga - three - paint);
      long ft = Math.min(pts, Math.round(pts * p.ftRate));
      boolean nullZones = rnd.nextDouble() < 0.01;
      teamRows.add(new PlayerGameRow(p.lookup, p.upid(), gameId, d, (long) season, team, opp,
          pts, minutes, fga, three, ft, nullZones ? null : paint, nullZones ? null : mid, false));
    }
    return teamRows;
  }

  /** No ties: one more point for the home team's first scorer (false when nobody played). */
  private static boolean breakTie(List<PlayerGameRow> hr) {
    for (int i = 0; i < hr.size(); i++) {
      PlayerGameRow r = hr.get(i);
      if (!r.dnp()) {
        hr.set(i, new PlayerGameRow(r.playerLookup(), r.universalPlayerId(), r.gameId(),
            r.gameDate(), r.seasonYear(), r.teamAbbr(), r.opponentTeamAbbr(), r.points() + 1,
            r.minutesPlayed(), r.fgAttempts(), r.threePtAttempts(), r.ftMakes(),
            r.paintAttempts(), r.midRangeAttempts(), r.isDnp()));
        return true;
      }
    }
    return false;
  }

  private final Map<String, Player> lookupIndex = new HashMap<>();

  private Player byLookup(String lookup) {
    if (lookupIndex.size() != players.size()) {
      players.forEach(p -> lookupIndex.put(p.lookup, p));
    }
    return lookupIndex.get(lookup);
  }

  /** Prop lines posted before the game, from the player's history before the game only. */
  private void props(PlayerGameRow r) {
    Player p = byLookup(r.playerLookup());
    if (p == null || p.baseMinutes < 18 || "out".equals(statusOf.get(p.lookup + "|"
        + r.gameDate()))) {
      return;
    }
    double expected = p.recentPoints.isEmpty() ? p.ppm * p.baseMinutes
        : p.recentPoints.stream().mapToInt(Integer::intValue).average().orElse(0);
    double base = Math.floor(expected) + 0.5;
    Instant tip = r.gameDate().atTime(23, 30).toInstant(ZoneOffset.UTC);
    double u = rnd.nextDouble();
    if (u < 0.80) {
      boolean withDk = rnd.nextDouble() < 0.8;
      boolean noMinutesColumn = rnd.nextDouble() < 0.25;
      int[] minutesBefore = {600, 90, -20};
      List<String> books = new ArrayList<>(List.of("fanduel"));
      if (withDk) {
        books.add(0, "draftkings");
      }
      if (rnd.nextDouble() < 0.3) {
        books.add("betmgm");
      }
      if (rnd.nextDouble() < 0.25) {
        books.add("bovada");
      }
      double line = base;
      for (int m : minutesBefore) {
        line = Math.max(0.5, line + (rnd.nextInt(3) - 1) * 0.5);
        Instant snap = tip.minusSeconds(60L * m);
        for (String book : books) {
          double bookLine = line + (book.equals("betmgm") ? 0.5 * (rnd.nextInt(3) - 1) : 0);
          Long mbt = noMinutesColumn ? null : (long) m;
          if (book.equals("bovada")) {
            for (double alt : new double[] {bookLine - 1, bookLine, bookLine + 1}) {
              if (alt > 0) {
                odds.add(new OddsPropRow(r.playerLookup(), r.gameDate(), tip, snap, mbt, book,
                    alt));
              }
            }
          } else {
            odds.add(new OddsPropRow(r.playerLookup(), r.gameDate(), tip, snap, mbt, book,
                bookLine));
          }
        }
      }
    } else if (u < 0.90) {
      Instant morning = r.gameDate().atTime(15, 0).toInstant(ZoneOffset.UTC);
      double open = base;
      double close = base + (rnd.nextInt(3) - 1) * 0.5;
      bettingPros.add(new BettingProsPropRow(r.playerLookup(), r.gameDate(), "points",
          "bettingpros_consensus", open, open, morning));
      bettingPros.add(new BettingProsPropRow(r.playerLookup(), r.gameDate(), "points",
          "bettingpros_consensus", close, open, morning.plusSeconds(4 * 3600)));
      bettingPros.add(new BettingProsPropRow(r.playerLookup(), r.gameDate(), "rebounds",
          "bettingpros_consensus", 5.5, 5.5, morning));
    }
  }

  // ---------------------------------------------------------------- command line

  public static void main(String[] args) {
    System.exit(cli(args, System.out, System.err));
  }

  static int cli(String[] args, PrintStream out, PrintStream err) {
    ToolOptions spec = new ToolOptions("scripts/sample-league --out=DIR [--seed=42] [--seasons=1] "
        + "[--lastSeason=2024] [--teams=30]",
        "Writes a SYNTHETIC league (no real data) as the nine source tables in the",
        "local NDJSON layout: DIR/<table>/sample_<first>_<last>.ndjson.gz.")
        .required("out", "output folder (created; existing table files are replaced)")
        .option("seed", "42", "random seed; the same seed gives byte-identical files")
        .option("seasons", "1", "number of seasons, 1..10")
        .option("lastSeason", "2024", "season year of the last season (2024 = 2024-25)")
        .option("teams", "30", "number of teams, even, 4..30");
    return spec.run(args, out, err, o -> {
      Config config;
      try {
        config = new Config(o.getLong("seed"), o.getInt("seasons"), o.getInt("lastSeason"),
            o.getInt("teams"));
      } catch (IllegalArgumentException e) {
        throw new com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException(e.getMessage());
      }
      Path folder = Path.of(o.get("out"));
      Summary s = generate(config, folder);
      out.printf("SYNTHETIC sample league: seasons %d..%d (seed %d), games %s .. %s, in %s%n",
          config.firstSeason(), config.lastSeason(), config.seed(), s.firstDate(), s.lastDate(),
          folder);
      s.rows().forEach((t, n) -> out.printf("  %-34s %8d rows%n", t, n));
      out.printf("Backfill it: scripts/run-local --mode=backfill --startDate=%s --endDate=%s "
          + "--inputDir=%s --outputDir=OUT%n", s.firstDate(), s.lastDate(), folder);
      return 0;
    });
  }
}
