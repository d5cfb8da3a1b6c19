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

  /** Columns b and c declared a function of the row's key k: their text is copied per k. */
  record Keyed(String a, String k, List<Double> b, String c) {}

  private static final Column.RowValue<Keyed> K = Keyed::k;
  private static final OutputTable<Keyed> COPIED = new OutputTable<>("d", "t", List.of(
      nullable("a", Column.Type.STRING, Keyed::a),
      repeated("b", Column.Type.FLOAT64, Keyed::b).sameTextPer(K),
      nullable("c", Column.Type.STRING, Keyed::c).sameTextPer(K),
      Column.digest("h", List.of("a", "c"))), null, List.of());

  @Test
  public void copiedTextIsTheTextOfTheFirstRowWithTheKeyAndIsHashedAsWritten() throws Exception {
    RunStamp stamp = new RunStamp("r", "2024-01-01T00:00:00Z");
    // Rows 1 and 3 share key "x": row 3 gets row 1's text for b and c (the declaration says
    // they are a function of k, so a row that broke that promise shows the first text).
    String first = COPIED.toJson(new Keyed("p1", "x", List.of(1.5, 2.0), "cx"), stamp);
    String other = COPIED.toJson(new Keyed("p2", "y", List.of(3.0), "cy"), stamp);
    String again = COPIED.toJson(new Keyed("p3", "x", List.of(9.0), "broken promise"), stamp);
    assertEquals("{\"a\":\"p1\",\"b\":[1.5,2.0],\"c\":\"cx\",\"h\":\""
        + sha256("{\"a\":\"p1\",\"c\":\"cx\"}") + "\"}", first);
    assertEquals("{\"a\":\"p2\",\"b\":[3.0],\"c\":\"cy\",\"h\":\""
        + sha256("{\"a\":\"p2\",\"c\":\"cy\"}") + "\"}", other);
    assertEquals("{\"a\":\"p3\",\"b\":[1.5,2.0],\"c\":\"cx\",\"h\":\""
        + sha256("{\"a\":\"p3\",\"c\":\"cx\"}") + "\"}", again);
    // The value map reads every value (BigQuery rows are not copied text).
    assertEquals(List.of(9.0), COPIED.values(new Keyed("p3", "x", List.of(9.0), "z"), stamp)
        .get("b"));
  }

  @Test(expected = IllegalArgumentException.class)
  public void aRowCannotStartWithCopiedText() {
    new OutputTable<Keyed>("d", "t", List.of(
        nullable("a", Column.Type.STRING, Keyed::a).sameTextPer(K)), null, List.of())
        .toJson(new Keyed("p", "x", List.of(), "c"), new RunStamp("r", "t"));
  }
}
