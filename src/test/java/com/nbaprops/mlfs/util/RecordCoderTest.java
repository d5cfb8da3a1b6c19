package com.nbaprops.mlfs.util;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.TestRows;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

public class RecordCoderTest {
  @Test
  public void roundTripsFlatRecordsWithNulls() throws Exception {
    RecordCoder<PlayerGameRow> coder = RecordCoder.of(PlayerGameRow.class);
    PlayerGameRow full = TestRows.played("p", "2025-01-15", 25, 33.5);
    PlayerGameRow sparse = new PlayerGameRow("p", null, null, LocalDate.of(2025, 1, 1), null, null,
        null, null, null, null, null, null, null, null, null);
    CoderProperties.coderDecodeEncodeEqual(coder, full);
    CoderProperties.coderDecodeEncodeEqual(coder, sparse);
    CoderProperties.coderDeterministic(coder, full, TestRows.played("p", "2025-01-15", 25, 33.5));
    RecordCoder<OddsPropRow> odds = RecordCoder.of(OddsPropRow.class);
    CoderProperties.coderDecodeEncodeEqual(odds, new OddsPropRow("p", LocalDate.of(2025, 1, 1),
        Instant.parse("2025-01-02T00:30:00.123456Z"), null, -5L, "draftkings", 24.5));
  }

  @Test
  public void roundTripsNestedRecordsAndLists() throws Exception {
    PlayerInputs in = new TestRows.Inputs("2025-01-15")
        .r10(TestRows.r10Points("2025-01-15", 10, 20, 30))
        .cache(TestRows.cache("p", "2025-01-14", 1.0, null, 3.0, 4.0))
        .vegas(24.5, 23.5).season(12.5, null).build();
    RecordCoder<PlayerInputs> coder = RecordCoder.of(PlayerInputs.class);
    PlayerInputs back = CoderUtils.decodeFromByteArray(coder,
        CoderUtils.encodeToByteArray(coder, in));
    assertEquals(in, back);
    assertEquals(List.copyOf(in.r10()), back.r10());
  }

  record Values(String name, List<Double> values) {}

  @Test
  public void doubleListsDecodeUnboxedAndEncodeAsAnyList() throws Exception {
    RecordCoder<Values> coder = RecordCoder.of(Values.class);
    Values boxed = new Values("v", List.of(1.5, -0.0, 3.0));
    Values compact = new Values("v", DoubleList.of(1.5, -0.0, 3.0));
    byte[] bytes = CoderUtils.encodeToByteArray(coder, boxed);
    assertArrayEquals(bytes, CoderUtils.encodeToByteArray(coder, compact));
    Values back = CoderUtils.decodeFromByteArray(coder, bytes);
    assertTrue(back.values() instanceof DoubleList);
    assertEquals(boxed, back); // list equality across implementations, -0.0 kept
    assertEquals(Double.valueOf(-0.0), back.values().get(1));
    // A null element: decoded as an ordinary list that keeps it.
    Values withNull = new Values("n", java.util.Arrays.asList(1.0, null));
    Values nullBack = CoderUtils.decodeFromByteArray(coder,
        CoderUtils.encodeToByteArray(coder, withNull));
    assertEquals(withNull, nullBack);
    assertFalse(nullBack.values() instanceof DoubleList);
  }
}
