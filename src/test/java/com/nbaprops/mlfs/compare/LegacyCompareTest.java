package com.nbaprops.mlfs.compare;

import static com.nbaprops.mlfs.compare.CompareTest.compare;
import static com.nbaprops.mlfs.compare.CompareTest.row;
import static com.nbaprops.mlfs.compare.CompareTest.set;
import static com.nbaprops.mlfs.compare.CompareTest.write;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A hand-made legacy export against our rows: each pair of rows differs the way one deviation of the
 * contract says, and each difference must be attributed to exactly that deviation.
 */
public class LegacyCompareTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private static final String D = "2025-01-15";

  private final List<Map<String, Object>> legacy = new ArrayList<>();
  private final List<Map<String, Object>> ours = new ArrayList<>();

  /** A pair of rows for one player, to be made to differ. */
  private Map<String, Object>[] pair(String player) {
    Map<String, Object> l = row(player, D);
    Map<String, Object> r = row(player, D);
    legacy.add(l);
    ours.add(r);
    @SuppressWarnings("unchecked")
    Map<String, Object>[] out = new Map[] {l, r};
    return out;
  }

  private void buildPairs() {
    Map<String, Object>[] p = pair("composite");       // 1: #6 absent, legacy 0.0 phase4
    set(p[1], 6, 0.0, "default");
    set(p[0], 6, 0.0, "phase4");
    p = pair("ownrow");                                 // 1: ours found the player's own row
    set(p[0], 1, 10.0, "default");
    set(p[1], 1, 14.5, "phase4");
    p = pair("relabel");                                // 2: box-score value labelled phase3
    set(p[1], 0, 1.0, "phase3");
    p = pair("shotzone");                               // 2: legacy divided by 100 twice
    set(p[0], 18, 0.0035, "phase4");
    set(p[1], 18, 0.35, "phase3");
    p = pair("opponent");                               // 3: #29 without opponent games
    set(p[0], 2, 14.2, null);
    set(p[1], 2, 14.2, null);
    set(p[0], 29, 0.0, "opponent_history");
    set(p[1], 29, 14.2, "default");
    p = pair("vegas");                                  // 4: snapshot after tip-off
    set(p[0], 25, 22.5, "vegas");
    set(p[1], 25, 21.5, "vegas");
    p = pair("nocontext");                              // 5: no context row
    set(p[0], 9, 0.0, "calculated");
    set(p[1], 9, 1.0, "calculated");
    set(p[0], 24, 0.5, "calculated");
    set(p[1], 24, 0.6, "calculated");
    set(p[0], 10, 0.0, "calculated");
    set(p[1], 10, 0.0, "default");
    p = pair("qready");                                 // 6: quality-ready rule, has_vegas_line
    p[0].put("is_quality_ready", false);                // ours: gold, 98.14, matchup 100, 0 -> true
    set(p[0], 28, 0.0, "calculated");
    set(p[1], 28, 0.0, "calculated");
    p[0].put("has_vegas_line", true);                   // legacy: true without a line (#28 = 0)
    p[1].put("has_vegas_line", false);
    legacy.add(row("stale", D));                        // 7: left behind by MERGE
    p = pair("teamfallback");                           // 8: #22 from the team's games
    set(p[0], 22, 100.0, "default");
    set(p[1], 22, 98.7, "phase3");
    p[0].put("feature_quality_score", 90.0);            // ... and the score follows
    p = pair("dnp7");                                   // 8: #4 with only DNP rows
    set(p[0], 4, 3.0, "default");
    set(p[1], 4, 0.0, "phase3");
    p = pair("std");                                    // 8: #3 from P10
    set(p[0], 3, 5.0, "default");
    set(p[1], 3, 4.2, "phase3");
    p = pair("zonecache");                              // 8: #20 from the cache
    set(p[0], 20, 0.0, "missing");
    set(p[1], 20, 0.4, "phase4");
    p = pair("threshold");                              // 8: rounded threshold
    set(p[0], 12, 0.0, "calculated");
    set(p[1], 12, -1.0, "calculated");
    // 1: a date whose defense table was empty for the legacy run: every player's #13 came from
    // the whole table's last rows (both labelled phase4, every value moved).
    for (String player : new String[] {"d1", "d2", "d3"}) {
      Map<String, Object> l = row(player, FALLBACK_DAY);
      Map<String, Object> r = row(player, FALLBACK_DAY);
      set(l, 13, 112.3, "phase4");
      set(r, 13, 110.0 + player.charAt(1) - '0', "phase4");
      legacy.add(l);
      ours.add(r);
    }
  }

  private static final String FALLBACK_DAY = "2025-01-16";

  private void writeOurs(Path store) throws Exception {
    write(store.resolve("ml_feature_store_v2/game_date=" + D + "/part-00000.ndjson"),
        ours.stream().filter(r -> r.get("game_date").equals(D)).toList(), false);
    write(store.resolve("ml_feature_store_v2/game_date=" + FALLBACK_DAY + "/part-00000.ndjson"),
        ours.stream().filter(r -> r.get("game_date").equals(FALLBACK_DAY)).toList(), false);
  }

  @Test
  public void everyDeviationRuleAttributesItsDifference() throws Exception {
    buildPairs();
    Path export = tmp.newFolder("legacy").toPath().resolve("ml_feature_store_v2-000.json");
    write(export, legacy, false);
    Path store = tmp.newFolder("ours").toPath();
    writeOurs(store);
    CompareTest.Run r = compare("--left=" + export, "--right=" + store, "--left-kind=legacy",
        "--json");
    JsonNode j = r.json();
    assertEquals(r.out(), 0, j.get("unexplained_count").asInt());
    assertEquals(0, r.exit());
    Map<String, Integer> explained = new TreeMap<>();
    for (JsonNode e : j.get("explained")) {
      explained.put(e.get("deviation").asText(), e.get("differences").asInt());
    }
    // Feature differences, one per rule (label-only differences count once per feature).
    assertEquals(1, (int) explained.get("1:composite_default"));
    assertEquals(4, (int) explained.get("1:as_of_window"));   // ownrow + the 3 fallback-day rows
    assertEquals(1, (int) explained.get("2:phase3_label"));
    assertEquals(1, (int) explained.get("2:shot_zone_fraction"));
    assertEquals(1, (int) explained.get("3:no_opponent_history"));
    assertEquals(1, (int) explained.get("4:vegas_before_tipoff"));
    assertEquals(3, (int) explained.get("5:no_context_row"));          // #9, #24, #10
    assertEquals(2, (int) explained.get("6:quality_ready_rule"));      // the two fields
    assertEquals(1, (int) explained.get("7:stale_legacy_row"));
    assertEquals(1, (int) explained.get("8:team_fallback"));
    assertEquals(1, (int) explained.get("8:games_last_7_dnp"));
    assertEquals(1, (int) explained.get("8:std_fallback"));
    assertEquals(1, (int) explained.get("8:shot_zone_fallback"));
    assertEquals(1, (int) explained.get("8:rounded_threshold"));
    // Fields that follow from explained feature differences: feature_N_source and
    // feature_sources_json of the 10 relabelled rows (composite, ownrow, relabel, shotzone,
    // opponent, nocontext, teamfallback, dnp7, std, zonecache) and teamfallback's score: 2 x 10 + 1.
    assertEquals(21, (int) explained.get("follows_features"));
    assertEquals(1, j.at("/rows/left_only").asInt());
  }

  @Test
  public void aDifferenceNoRuleExplainsIsListedAndFailsTheComparison() throws Exception {
    buildPairs();
    Map<String, Object>[] p = pair("unexplained");
    set(p[0], 21, 0.2, "calculated");                   // pct_free_throw: no deviation
    set(p[1], 21, 0.25, "calculated");
    Path export = tmp.newFolder("legacy2").toPath().resolve("export.json");
    write(export, legacy, false);
    Path store = tmp.newFolder("ours2").toPath();
    writeOurs(store);
    CompareTest.Run r = compare("--left=" + export, "--right=" + store, "--left-kind=legacy",
        "--json");
    assertEquals(1, r.exit());
    JsonNode j = r.json();
    assertEquals(1, j.get("unexplained_count").asInt());
    assertEquals("unexplained", j.at("/unexplained/0/player_lookup").asText());
    assertEquals("feature 21 pct_free_throw", j.at("/unexplained/0/what").asText());
    // Without --left-kind=legacy nothing is explained: every difference counts.
    CompareTest.Run plain = compare("--left=" + export, "--right=" + store, "--json");
    assertEquals(1, plain.exit());
    assertEquals(false, plain.json().has("explained"));
    long all = r.json().get("unexplained_count").asLong();
    for (JsonNode e : r.json().get("explained")) {
      all += e.get("differences").asLong();
    }
    assertEquals(all, plain.json().get("unexplained_count").asLong());
  }
}
