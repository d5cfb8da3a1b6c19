package com.nbaprops.mlfs.tools;

import com.nbaprops.mlfs.model.PlayerGameRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Box-score rows whose opponent is their own team (the 2024 NBA Cup semi-finals and final, played
 * on a neutral site, come as {@code MIL,MIL,H}): the opponent is taken from the other side of the
 * same game (same date and source game id), and the row's game id rebuilt from it. A row whose
 * game has no other team, or two, is rejected with the reason. Every repair is listed.
 */
final class OpponentRepair {
  /** A row kept at its place in the box-score list until its game's other side is known. */
  private record Pending(int index, String where, String sourceGameId, boolean home) {}

  private final Map<String, TreeSet<String>> teamsOfGame = new HashMap<>();
  private final List<Pending> pending = new ArrayList<>();

  private static String key(LocalDate date, String sourceGameId) {
    return date + "|" + sourceGameId;
  }

  /** Notes every row's team under its source game. */
  void seen(LocalDate date, String sourceGameId, String team) {
    teamsOfGame.computeIfAbsent(key(date, sourceGameId), k -> new TreeSet<>()).add(team);
  }

  /** A row at {@code index} of the box-score list that names its own team as the opponent. */
  void selfOpponent(int index, String where, LocalDate date, String sourceGameId, boolean home) {
    pending.add(new Pending(index, where, key(date, sourceGameId), home));
  }

  /**
   * Repairs the pending rows in place; rows that cannot be repaired are removed from the list and
   * added to {@code rejects}. Returns the repairs, one line each.
   *
   * @param phaseOfGame game id → season phase, extended with the repaired game ids
   */
  List<String> apply(List<PlayerGameRow> box, Map<String, String> phaseOfGame,
      List<String> rejects) {
    List<String> repairs = new ArrayList<>();
    List<Integer> drop = new ArrayList<>();
    for (Pending p : pending) {
      PlayerGameRow r = box.get(p.index());
      TreeSet<String> others = new TreeSet<>(teamsOfGame.getOrDefault(p.sourceGameId(),
          new TreeSet<>()));
      others.remove(r.teamAbbr());
      if (others.size() != 1) {
        rejects.add(p.where() + ": opponent_abbr equals team_abbr " + r.teamAbbr() + " and the "
            + "game's other side " + (others.isEmpty() ? "is not in the files"
            : "is ambiguous " + others) + ": " + r.playerLookup() + " " + r.gameDate());
        drop.add(p.index());
        continue;
      }
      String opp = others.first();
      String home = p.home() ? r.teamAbbr() : opp;
      String away = p.home() ? opp : r.teamAbbr();
      String gameId = r.gameDate().toString().replace("-", "") + "_" + away + "_" + home;
      phaseOfGame.putIfAbsent(gameId, phaseOfGame.get(r.gameId()));
      box.set(p.index(), new PlayerGameRow(r.playerLookup(), r.universalPlayerId(), gameId,
          r.gameDate(), r.seasonYear(), r.teamAbbr(), opp, r.points(), r.minutesPlayed(),
          r.fgAttempts(), r.threePtAttempts(), r.ftMakes(), r.paintAttempts(),
          r.midRangeAttempts(), r.isDnp()));
      repairs.add(p.where() + ": opponent_abbr " + r.teamAbbr() + " = team_abbr; set to " + opp
          + " from the other side of the game (" + r.playerLookup() + " " + r.gameDate() + ")");
    }
    drop.sort(java.util.Comparator.reverseOrder());
    for (int i : drop) {
      box.remove(i);
    }
    return repairs;
  }
}
