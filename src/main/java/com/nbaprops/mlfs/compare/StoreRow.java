package com.nbaprops.mlfs.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;

/**
 * One row of a feature store as the comparison sees it: its key, the 37 values and their raw source
 * labels (from {@code feature_sources_json}, else the canonical {@code feature_N_source}), and every
 * other compared column.
 */
public record StoreRow(String player, LocalDate date, double[] features, String[] labels,
    Map<String, JsonNode> fields) {

  public Key key() {
    return new Key(date, player);
  }

  /** The row key, ordered by date then player. */
  public record Key(LocalDate date, String player) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = date.compareTo(o.date);
      return c != 0 ? c : player.compareTo(o.player);
    }

    @Override
    public String toString() {
      return player + " " + date;
    }
  }
}
