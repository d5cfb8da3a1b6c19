package com.nbaprops.mlfs.source;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class LineReaderTest {
  private static List<String> lines(String text, int chunk) throws IOException {
    byte[] all = text.getBytes(StandardCharsets.UTF_8);
    // A stream that hands out at most `chunk` bytes per read: splits land inside lines and
    // between a \r and its \n.
    InputStream in = new ByteArrayInputStream(all) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
    LineReader r = new LineReader(in);
    List<String> out = new ArrayList<>();
    while (r.next()) {
      out.add(new String(r.buffer(), r.start(), r.end() - r.start(), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  public void splitsWhereReadLineSplits() throws IOException {
    for (int chunk : new int[] {1, 2, 3, 7, 1 << 16}) {
      assertEquals(List.of("a", "b", "", "c"), lines("a\nb\r\n\rc", chunk));
      assertEquals(List.of("a", "", "b"), lines("a\r\rb\n", chunk));
      assertEquals(List.of("x"), lines("x\r", chunk));
      assertEquals(List.of(), lines("", chunk));
      assertEquals(List.of("", ""), lines("\n\n", chunk));
      assertEquals(List.of("é€", "ü"), lines("é€\nü", chunk));
    }
  }

  @Test
  public void aLineLongerThanTheBufferIsKeptWhole() throws IOException {
    String longLine = "y".repeat(200_000);
    assertEquals(List.of("a", longLine, "b"), lines("a\n" + longLine + "\r\nb", 50_000));
  }
}
