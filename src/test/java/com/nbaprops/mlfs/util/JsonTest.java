package com.nbaprops.mlfs.util;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class JsonTest {
  private static Map<String, Object> fromBytes(String text) throws Exception {
    byte[] b = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
    return Json.readObject(b, 2, b.length - 4);
  }

  @Test
  public void bytesReadAsTheContractsValueTypes() throws Exception {
    Map<String, Object> row = fromBytes("{\"s\":\"a\\u00e9\\\"b\",\"i\":7,\"l\":12345678901,"
        + "\"big\":123456789012345678901234,\"d\":30.50,\"e\":1e5,\"t\":true,\"f\":false,"
        + "\"n\":null}");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "aé\"b");
    expected.put("i", 7);
    expected.put("l", 12345678901L);
    expected.put("big", new BigInteger("123456789012345678901234"));
    expected.put("d", new BigDecimal("30.50"));
    expected.put("e", new BigDecimal("1e5"));
    expected.put("t", true);
    expected.put("f", false);
    expected.put("n", null);
    assertEquals(expected, row);
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(row.keySet()));
    assertEquals(new BigDecimal("30.50").scale(), ((BigDecimal) row.get("d")).scale());
  }

  @Test
  public void bytesAndTextReadTheSameMap() throws Exception {
    for (String text : List.of("{\"a\":[1,2],\"b\":{\"c\":1.5}}", "{\"a\":1,\"a\":2}", "{}")) {
      assertEquals(text, Json.readObject(text), fromBytes(text));
    }
    assertEquals(Arrays.asList(1, 2), fromBytes("{\"a\":[1,2]}").get("a"));
  }

  @Test(expected = com.fasterxml.jackson.core.JsonProcessingException.class)
  public void trailingTokensAreRefused() throws Exception {
    fromBytes("{\"a\":1} {\"b\":2}");
  }
}
