package com.nbaprops.mlfs.tools;

import com.nbaprops.mlfs.source.SourceTable;
import com.nbaprops.mlfs.source.SourceTable.Column;
import com.nbaprops.mlfs.util.Decimals;
import com.nbaprops.mlfs.util.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes source rows in the local layout of the data contract: {@code DIR/<table>/<file>.ndjson.gz},
 * one JSON object per line, NULL columns omitted (as {@code bq extract} does). Deterministic: the
 * same rows give byte-identical files.
 */
public final class TableWriter {
  private TableWriter() {}

  public static <T extends Record> Map<String, Object> toJsonMap(SourceTable<T> table, T row) {
    java.util.function.Function<Object, Object>[] getters =
        com.nbaprops.mlfs.util.Accessors.getters(table.recordClass());
    Map<String, Object> m = new LinkedHashMap<>();
    for (Column c : table.columns()) {
      Object v = getters[c.index()].apply(row);
      if (v == null) {
        continue;
      }
      if (v instanceof LocalDate || v instanceof Instant) {
        v = v.toString();
      } else if (v instanceof Double d) {
        v = Decimals.plain(d);
      }
      m.put(c.name(), v);
    }
    return m;
  }

  /** Writes the rows (sorted by their JSON text for a stable order) as one gzip NDJSON file. */
  public static <T extends Record> int write(Path dir, SourceTable<T> table, String fileStem,
      List<T> rows) throws IOException {
    Path folder = dir.resolve(table.name());
    Files.createDirectories(folder);
    List<String> lines = rows.stream().map(r -> Json.write(toJsonMap(table, r)))
        .sorted(Comparator.naturalOrder()).toList();
    writeLines(folder.resolve(fileStem + ".ndjson.gz"), lines);
    return lines.size();
  }

  public static void writeLines(Path file, List<String> lines) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        GZIPOutputStream gz = new GZIPOutputStream(raw);
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8))) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
  }
}
