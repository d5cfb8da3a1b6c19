package com.nbaprops.mlfs.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException;
import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads one side of a comparison from local files: an output folder of this pipeline (any layout it
 * writes or wrote: {@code TABLE/game_date=D/part-*.ndjson[.gz]} or {@code TABLE/game_date=D.ndjson}),
 * one table folder of such an output, or a {@code bq extract} NDJSON export (one file or a folder
 * of {@code *.json} / {@code *.ndjson} files, gzip or not, any dates in any file). Files of a
 * partitioned layout outside the date range are not opened; export rows outside it are skipped.
 * Of each row only the compared columns are kept (run-specific columns are dropped).
 */
public final class StoreReader {
  /** Columns never compared: they name the run, not the row's content. */
  public static final Set<String> RUN_COLUMNS = Set.of("run_id", "created_at", "updated_at",
      "processed_at", "detected_at", "detected_by", "resolved_at", "resolved_by");
  private static final Pattern DATE_PART =
      Pattern.compile("^game_date=(\\d{4}-\\d{2}-\\d{2})(\\.ndjson(\\.gz)?)?$");
  private static final ObjectMapper MAPPER = Json.mapper();

  private final LocalDate start;
  private final LocalDate end;

  /** Rows dated within [start, end]; a null bound is open. */
  public StoreReader(LocalDate start, LocalDate end) {
    this.start = start;
    this.end = end;
  }

  public StoreSide read(String location) throws IOException {
    Path p = Path.of(location);
    if (!Files.exists(p)) {
      throw new InvalidOptionsException(location + " does not exist (relative to "
          + Path.of("").toAbsolutePath() + "): pass an output folder, a table folder or an "
          + "NDJSON export");
    }
    Path features = p.resolve(OutputSchema.FEATURE_STORE.name());
    Path gaps = p.resolve(OutputSchema.GAPS.name());
    Path table = Files.isDirectory(features) ? features : p;
    Map<LocalDate, List<Path>> rowFiles = new TreeMap<>();
    List<Path> unpartitioned = new ArrayList<>();
    if (files(table, rowFiles, unpartitioned) == 0) {
      throw new InvalidOptionsException(location + " holds no NDJSON files (*.ndjson, *.json, "
          + "gzip or not): pass an output folder, a table folder or an NDJSON export");
    }
    Map<LocalDate, List<Path>> gapFiles = null;
    if (table == features && Files.isDirectory(gaps)) {
      gapFiles = new TreeMap<>();
      files(gaps, gapFiles, new ArrayList<>());
    }
    return new FileSide(location, rowFiles, unpartitioned, gapFiles);
  }

  /** A side in local files: partitioned files read per date, an export read once, grouped. */
  private final class FileSide implements StoreSide {
    private final String location;
    private final Map<LocalDate, List<Path>> rowFiles;
    private final Map<LocalDate, List<Path>> gapFiles;
    private final TreeMap<LocalDate, SortedMap<String, StoreRow>> loaded = new TreeMap<>();

    FileSide(String location, Map<LocalDate, List<Path>> rowFiles, List<Path> unpartitioned,
        Map<LocalDate, List<Path>> gapFiles) throws IOException {
      this.location = location;
      this.rowFiles = rowFiles;
      this.gapFiles = gapFiles;
      for (Path f : unpartitioned) {
        forEachRow(f, node -> add(loaded, row(node, f), f));
      }
    }

    @Override
    public String location() {
      return location;
    }

    @Override
    public SortedSet<LocalDate> dates() {
      SortedSet<LocalDate> out = new TreeSet<>(rowFiles.keySet());
      out.addAll(loaded.keySet());
      if (gapFiles != null) {
        out.addAll(gapFiles.keySet());
      }
      return out;
    }

    @Override
    public SortedMap<String, StoreRow> rows(LocalDate date) throws IOException {
      TreeMap<LocalDate, SortedMap<String, StoreRow>> day = new TreeMap<>();
      SortedMap<String, StoreRow> fromExport = loaded.get(date);
      if (fromExport != null) {
        day.put(date, new TreeMap<>(fromExport));
      }
      for (Path f : rowFiles.getOrDefault(date, List.of())) {
        forEachRow(f, node -> add(day, row(node, f), f));
      }
      return day.getOrDefault(date, new TreeMap<>());
    }

    private void add(TreeMap<LocalDate, SortedMap<String, StoreRow>> into, StoreRow r, Path f) {
      if (r != null && into.computeIfAbsent(r.date(), d -> new TreeMap<>())
          .put(r.player(), r) != null) {
        throw new IllegalArgumentException(location + ": two rows for " + r.key()
            + " (second in " + f + ")");
      }
    }

    @Override
    public boolean hasGaps() {
      return gapFiles != null;
    }

    @Override
    public SortedMap<String, String> gaps(LocalDate date) throws IOException {
      SortedMap<String, String> out = new TreeMap<>();
      for (Path f : gapFiles.getOrDefault(date, List.of())) {
        forEachRow(f, node -> {
          StoreRow.Key k = key(node, f);
          JsonNode resolved = node.get("resolved_at");
          if (k != null && k.date().equals(date) && (resolved == null || resolved.isNull())) {
            out.put(k.player(), text(node, "reason"));
          }
        });
      }
      return out;
    }
  }

  /**
   * The data files under a path, sorted: those of a date folder or date file by date (outside the
   * range: skipped), the others (an export) in {@code unpartitioned}.
   */
  private int files(Path root, Map<LocalDate, List<Path>> byDate, List<Path> unpartitioned)
      throws IOException {
    if (Files.isRegularFile(root)) {
      unpartitioned.add(root);
      return 1;
    }
    int found = 0;
    try (Stream<Path> all = Files.walk(root)) {
      for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (!(name.endsWith(".ndjson") || name.endsWith(".json") || name.endsWith(".ndjson.gz")
            || name.endsWith(".json.gz")) || name.startsWith("_")) {
          continue;
        }
        found++;
        LocalDate d = partitionDate(root.relativize(f));
        if (d == null) {
          unpartitioned.add(f);
        } else if (inRange(d)) {
          byDate.computeIfAbsent(d, x -> new ArrayList<>()).add(f);
        }
      }
    }
    return found;
  }

  private static LocalDate partitionDate(Path relative) {
    for (Path part : relative) {
      Matcher m = DATE_PART.matcher(part.toString());
      if (m.matches()) {
        return LocalDate.parse(m.group(1));
      }
    }
    return null;
  }

  private boolean inRange(LocalDate d) {
    return (start == null || !d.isBefore(start)) && (end == null || !d.isAfter(end));
  }

  private interface RowSink {
    void accept(JsonNode node);
  }

  private static void forEachRow(Path f, RowSink sink) throws IOException {
    InputStream raw = Files.newInputStream(f);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(line);
        } catch (IOException e) {
          throw new IllegalArgumentException(f + " line " + n + ": not a JSON object ("
              + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!node.isObject()) {
          throw new IllegalArgumentException(f + " line " + n + ": not a JSON object");
        }
        sink.accept(node);
      }
    }
  }

  private StoreRow.Key key(JsonNode node, Path f) {
    String player = text(node, "player_lookup");
    String date = text(node, "game_date");
    if (player == null || date == null) {
      throw new IllegalArgumentException(f + ": a row without player_lookup or game_date");
    }
    LocalDate d;
    try {
      d = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(f + ": game_date " + date + " of " + player
          + " is not a date");
    }
    return inRange(d) ? new StoreRow.Key(d, player) : null;
  }

  private StoreRow row(JsonNode node, Path f) {
    StoreRow.Key k = key(node, f);
    if (k == null) {
      return null;
    }
    int n = FeatureContract.FEATURE_COUNT;
    double[] features = null;
    JsonNode values = node.get("features");
    if (values != null && values.isArray()) {
      features = new double[values.size()];
      for (int i = 0; i < values.size(); i++) {
        JsonNode v = values.get(i);
        if (v == null || v.isNull()) {
          features[i] = Double.NaN;   // NULL: compared as missing, never as 0
        } else if (v.isNumber()) {
          features[i] = v.asDouble();
        } else {
          try {
            features[i] = Double.parseDouble(v.asText());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(f + ": feature " + i + " of " + k + " is not a "
                + "number: " + v);
          }
        }
      }
    }
    String[] labels = new String[n];
    JsonNode sources = node.get("feature_sources_json");
    if (sources != null && sources.isTextual()) {
      try {
        sources = MAPPER.readTree(sources.asText());
      } catch (IOException e) {
        sources = null;
      }
    }
    for (int i = 0; i < n; i++) {
      JsonNode raw = sources == null ? null : sources.get(String.valueOf(i));
      labels[i] = raw != null && raw.isTextual() ? raw.asText()
          : text(node, "feature_" + i + "_source");
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (!RUN_COLUMNS.contains(name) && !name.equals("features") && !name.equals("player_lookup")
          && !name.equals("game_date")) {
        fields.put(name, e.getValue());
      }
    }
    return new StoreRow(k.player(), k.date(), features, labels, fields);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
