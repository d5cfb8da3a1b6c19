package com.nbaprops.mlfs.tools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The sample league's playoffs: the top seeds of each half of the league by regular-season wins,
 * best-of-seven series (2-2-1-1-1 home pattern) round by round until one team is left.
 */
final class SamplePlayoffs {
  /** Plays one game and returns the winner. */
  @FunctionalInterface
  interface Games {
    String play(LocalDate d, int season, String home, String away, String phase);
  }

  private SamplePlayoffs() {}

  /** Plays the playoffs from {@code start}; returns the day after the final. */
  static LocalDate play(String[] teams, int s, LocalDate start, Map<String, Integer> wins,
      Games games) {
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
          String winner = games.play(gd, s, home, away, "playoffs");
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
}
