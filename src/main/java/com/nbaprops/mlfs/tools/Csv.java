package com.nbaprops.mlfs.tools;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV file (plain or gzip) record by record with Jackson's CSV parser (RFC 4180: quoted
 * fields, doubled quotes, commas and newlines inside quotes), keeping the line each record starts
 * on for the importer's "file:line: reason" messages. A leading byte-order mark is dropped.
 */
public final class Csv implements AutoCloseable {
  private static final CsvMapper MAPPER = new CsvMapper();
  private final MappingIterator<List<String>> records;
  private long recordLine;

  public Csv(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      raw = new GZIPInputStream(raw, 1 << 16);
    }
    PushbackReader in = new PushbackReader(new BufferedReader(
        new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16));
    int first = in.read();
    if (first >= 0 && first != '\uFEFF') {
      in.unread(first);
    }
    this.records = MAPPER.readerForListOf(String.class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY)
        .readValues(in);
  }

  /** The line number (1-based) where the last record returned by {@link #next()} started. */
  public long recordLine() {
    return recordLine;
  }

  /** The next record, or null at the end. A quote left open at the end of the file is an error. */
  public List<String> next() throws IOException {
    long previous = recordLine;
    try {
      if (!records.hasNextValue()) {
        return null;
      }
      // hasNextValue() stopped on the record's first token: where the record starts.
      recordLine = records.getParser().currentLocation().getLineNr();
      return records.nextValue();
    } catch (RuntimeException | IOException e) {
      long line = recordLine != previous ? recordLine : previous + 1;
      throw new IOException("line " + line + ": unreadable CSV ("
          + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }

  @Override
  public void close() throws IOException {
    records.close();
  }
}
