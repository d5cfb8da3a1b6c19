package com.nbaprops.mlfs.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A small RFC-4180 reader (quoted fields, doubled quotes, commas and newlines inside quotes). */
public final class Csv implements AutoCloseable {
  private final BufferedReader in;
  private long line;
  private long recordLine;

  public Csv(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      raw = new GZIPInputStream(raw, 1 << 16);
    }
    this.in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16);
  }

  /** The line number (1-based) where the last record returned by {@link #next()} started. */
  public long recordLine() {
    return recordLine;
  }

  /** The next record, or null at the end. A quote left open at the end of the file is an error. */
  public List<String> next() throws IOException {
    String text = in.readLine();
    if (text == null) {
      return null;
    }
    line++;
    recordLine = line;
    if (text.startsWith("\uFEFF") && line == 1) {
      text = text.substring(1);
    }
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (true) {
      if (i >= text.length()) {
        if (quoted) {
          String more = in.readLine();
          if (more == null) {
            throw new IOException("line " + recordLine + ": quoted field not closed");
          }
          line++;
          f.append('\n');
          text = more;
          i = 0;
          continue;
        }
        fields.add(f.toString());
        return fields;
      }
      char c = text.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < text.length() && text.charAt(i) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"' && f.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
