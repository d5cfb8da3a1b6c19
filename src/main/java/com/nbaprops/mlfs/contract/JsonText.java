package com.nbaprops.mlfs.contract;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.nbaprops.mlfs.util.Decimals;
import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON text of output values as {@link OutputTable} writes them (one generator configuration,
 * FLOAT64 as plain decimals), and the SHA-256 digests of digest columns over that text.
 */
final class JsonText {
  private JsonText() {}

  /**
   * {@link #digest(Map)} of fields already written to a line: the canonical object is the text of
   * those fields ({@code "name":value}, as the same generator wrote them) joined by commas in
   * braces, so the text is hashed as written instead of rendered a second time.
   */
  static String digest(byte[] line, int[] from, int[] to, int[] fields) {
    MessageDigest sha = sha256();
    sha.update((byte) '{');
    for (int k = 0; k < fields.length; k++) {
      if (k > 0) {
        sha.update((byte) ',');
      }
      sha.update(line, from[fields[k]], to[fields[k]] - from[fields[k]]);
    }
    sha.update((byte) '}');
    return HexFormat.of().formatHex(sha.digest());
  }

  /** One SHA-256 per thread (a provider lookup per row cost more than the hash of a short row). */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  });

  private static MessageDigest sha256() {
    MessageDigest sha = SHA256.get();
    sha.reset();
    return sha;
  }

  /** Hex SHA-256 of the values as one canonical JSON object (keys in the given order). */
  static String digest(Map<String, Object> key) {
    MessageDigest sha = sha256();
    try (JsonGenerator g = generator(new DigestOutputStream(OutputStream.nullOutputStream(),
        sha))) {
      writeValue(g, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Column and field names, quoted and encoded once (there are a few hundred). */
  private static final Map<String, SerializedString> NAMES = new ConcurrentHashMap<>();

  private static SerializedString fieldName(String name) {
    return NAMES.computeIfAbsent(name, SerializedString::new);
  }

  static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
    g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    return g;
  }

  static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double x) {
      g.writeNumber(Decimals.plainText(x));
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(fieldName((String) e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      throw new IllegalStateException("unexpected column value type " + v.getClass().getName());
    }
  }
}
