package com.nbaprops.mlfs.contract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JSON text of values that repeat across rows (a row's source labels, its fallback reasons):
 * rendered once per distinct value instead of once per row. Bounded: past {@link #LIMIT} distinct
 * values the text is rendered each time. The text is a pure function of the key, so the cache never
 * changes an output.
 */
final class JsonCache<K> {
  static final int LIMIT = 20_000;
  private final Map<K, String> texts = new ConcurrentHashMap<>();

  String get(K key, Function<K, String> render) {
    String t = texts.get(key);
    if (t == null) {
      t = render.apply(key);
      if (texts.size() < LIMIT) {
        texts.put(key, t);
      }
    }
    return t;
  }
}
