package com.nbaprops.mlfs.contract;

import static com.nbaprops.mlfs.contract.Column.nullable;
import static com.nbaprops.mlfs.contract.Column.repeated;
import static org.junit.Assert.assertEquals;

import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.Test;

public class OutputTableTest {
  record Row(String a, List<Double> b, String c) {}

  private static final OutputTable<Row> TABLE = new OutputTable<>("d", "t", List.of(
      nullable("a", Column.Type.STRING, Row::a),
      nullable("skipped", Column.Type.STRING, r -> "not hashed"),
      repeated("b", Column.Type.FLOAT64, Row::b),
      nullable("c", Column.Type.STRING, Row::c),
      Column.digest("h", List.of("a", "b", "c"))), null, List.of());

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  public void digestIsTheHashOfTheCanonicalObjectOfItsColumns() throws Exception {
    Row row = new Row("é\"x", List.of(1.5, -0.0, 1.0E-10, 20.0), null);
    String hash = sha256("{\"a\":\"é\\\"x\",\"b\":[1.5,0.0,0.0000000001,20.0],\"c\":null}");
    RunStamp stamp = new RunStamp("r", "2024-01-01T00:00:00Z");
    assertEquals("{\"a\":\"é\\\"x\",\"skipped\":\"not hashed\",\"b\":[1.5,0.0,0.0000000001,20.0],"
        + "\"c\":null,\"h\":\"" + hash + "\"}", TABLE.toJson(row, stamp));
    // The value map (the BigQuery rows) carries the same digest.
    assertEquals(hash, TABLE.values(row, stamp).get("h"));
  }
}
