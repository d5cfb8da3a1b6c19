package com.nbaprops.mlfs.tools;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Matches a sportsbook's player name to one of the box-score players of the same date, for the
 * name-format differences listed in {@code shared/data/nba/README.md} ("Known quirks"): a missing
 * or extra suffix ({@code Derrick Jones} / {@code Derrick Jones Jr.}), "Last, First" or reversed
 * order ({@code Murray Dejounte}), and a short or long first name or an initial
 * ({@code Herb Jones} / {@code Herbert Jones}, {@code S. Gilgeous-Alexander}).
 *
 * <p>The rules are tried in that order after the exact {@code player_lookup}; a rule matches only
 * when exactly one player of the date satisfies it, so an ambiguous name stays unmatched rather
 * than being given to the wrong player. Nicknames that share no prefix ({@code Moe} / {@code
 * Moritz}, {@code Bam} / {@code Edrice}) are not guessed.
 */
public final class PlayerCrosswalk {
  private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "v");

  /** How a name was matched. */
  public enum Rule { EXACT, SAME_WORDS, REVERSED, FIRST_NAME, NONE }

  /** The matched box-score {@code player_lookup} (null when none) and the rule that found it. */
  public record Match(String playerLookup, Rule rule) {}

  /** One box-score player of the date: its lookup and the name's tokens without suffixes. */
  private record Player(String lookup, List<String> tokens) {}

  private final List<Player> players = new ArrayList<>();
  private final Set<String> lookups = new TreeSet<>();

  /** @param names the box-score player names of one date (NBA.com spelling) */
  public PlayerCrosswalk(Collection<String> names) {
    for (String n : new TreeSet<>(names)) {
      String lookup = PlayerNames.lookup(n);
      if (lookup != null && !lookup.isEmpty() && lookups.add(lookup)) {
        players.add(new Player(lookup, tokens(n)));
      }
    }
  }

  public Match match(String bookName) {
    String lookup = PlayerNames.lookup(bookName);
    if (lookup == null || lookup.isEmpty()) {
      return new Match(null, Rule.NONE);
    }
    if (lookups.contains(lookup)) {
      return new Match(lookup, Rule.EXACT);
    }
    List<String> t = tokens(bookName);
    if (t.isEmpty()) {
      return new Match(null, Rule.NONE);
    }
    String joined = String.join("", t);
    Match m = unique(Rule.SAME_WORDS, p -> String.join("", p.tokens()).equals(joined));
    if (m != null) {
      return m;
    }
    // "Last First" without a comma: the last word is the first name (Murray Dejounte,
    // Caldwell Pope Kentavious).
    String rotated = t.get(t.size() - 1) + String.join("", t.subList(0, t.size() - 1));
    m = t.size() < 2 ? null
        : unique(Rule.REVERSED, p -> String.join("", p.tokens()).equals(rotated));
    if (m != null) {
      return m;
    }
    if (t.size() >= 2) {
      String last = String.join("", t.subList(1, t.size()));
      String first = t.get(0);
      m = unique(Rule.FIRST_NAME, p -> p.tokens().size() >= 2
          && String.join("", p.tokens().subList(1, p.tokens().size())).equals(last)
          && (p.tokens().get(0).startsWith(first) || first.startsWith(p.tokens().get(0))));
      if (m != null) {
        return m;
      }
    }
    return new Match(null, Rule.NONE);
  }

  /** The one player satisfying the rule; null when none or several do. */
  private Match unique(Rule rule, Predicate<Player> test) {
    Player found = null;
    for (Player p : players) {
      if (test.test(p)) {
        if (found != null) {
          return null;
        }
        found = p;
      }
    }
    return found == null ? null : new Match(found.lookup(), rule);
  }

  /**
   * A name's words, accents folded, lower-cased, letters and digits only, suffixes dropped;
   * "Last, First" is turned around first.
   */
  static List<String> tokens(String name) {
    String n = name.trim();
    int comma = n.indexOf(',');
    if (comma > 0) {
      String after = n.substring(comma + 1).trim();
      String afterLookup = PlayerNames.lookup(after);
      if (!after.isEmpty() && !SUFFIXES.contains(afterLookup)) {
        n = after + " " + n.substring(0, comma);
      }
    }
    String folded = Normalizer.normalize(n, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    List<String> out = new ArrayList<>();
    for (String w : Arrays.asList(folded.toLowerCase(Locale.ROOT).split("\\s+"))) {
      String t = PlayerNames.lookup(w);
      if (t != null && !t.isEmpty() && !SUFFIXES.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
