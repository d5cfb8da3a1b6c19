package com.nbaprops.mlfs.util;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** One configured Jackson mapper: plain decimals, keys in insertion order, no surprises. */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final TypeReference<LinkedHashMap<String, Object>> MAP =
      new TypeReference<>() {};

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses one JSON object; throws {@link JsonProcessingException} with a short message. */
  public static Map<String, Object> readObject(String text) throws JsonProcessingException {
    return MAPPER.readValue(text, MAP);
  }

  /** {@link #readObject(String)} of UTF-8 bytes {@code b[off, off + len)}. */
  public static Map<String, Object> readObject(byte[] b, int off, int len)
      throws java.io.IOException {
    return MAPPER.readValue(b, off, len, MAP);
  }
}
