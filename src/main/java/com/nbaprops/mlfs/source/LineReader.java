package com.nbaprops.mlfs.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as byte ranges, split where {@link java.io.BufferedReader#readLine} splits
 * them ({@code \n}, {@code \r} or {@code \r\n}), without decoding them: a reader looks at a line's
 * bytes first ({@link DateScan}) and decodes only the lines it keeps. Not thread-safe.
 */
final class LineReader {
  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean skipLf;
  private int start;
  private int end;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** Moves to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    int scanFrom = pos;
    while (true) {
      if (skipLf && scanFrom < limit) {
        skipLf = false;
        if (buf[scanFrom] == '\n') {
          pos = ++scanFrom;
        }
      }
      for (int i = scanFrom; i < limit; i++) {
        byte b = buf[i];
        if (b == '\n' || b == '\r') {
          start = pos;
          end = i;
          pos = i + 1;
          skipLf = b == '\r';
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          start = pos;
          end = limit;
          pos = limit;
          return true;
        }
        return false;
      }
      scanFrom = limit - pos;
      fill();
    }
  }

  /** Keeps the unread part at the start of the buffer and reads more after it. */
  private void fill() throws IOException {
    int kept = limit - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, kept);
    } else if (kept == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    pos = 0;
    limit = kept;
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  /** The current line's bytes are {@code buffer()[start(), end())}, valid until the next call. */
  byte[] buffer() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }
}
