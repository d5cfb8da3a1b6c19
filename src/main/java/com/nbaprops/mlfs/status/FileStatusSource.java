package com.nbaprops.mlfs.status;

import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.sink.OutputLayout;
import com.nbaprops.mlfs.tools.VerifyRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A local run's input and output folders (every output layout the pipeline writes or wrote). */
public final class FileStatusSource implements StatusSource {
  private final Path inputDir;
  private final Path outputDir;
  private final boolean daily;
  private final LocalDate start;
  private final LocalDate end;

  public FileStatusSource(Path inputDir, Path outputDir, boolean daily, LocalDate start,
      LocalDate end) {
    this.inputDir = inputDir;
    this.outputDir = outputDir;
    this.daily = daily;
    this.start = start;
    this.end = end;
  }

  @Override
  public Map<LocalDate, Integer> roster() throws IOException {
    Map<LocalDate, Integer> out = new TreeMap<>();
    for (Map.Entry<LocalDate, Set<String>> e
        : VerifyRun.roster(inputDir, daily, start, end).entrySet()) {
      out.put(e.getKey(), e.getValue().size());
    }
    return out;
  }

  @Override
  public List<String> featureLines(LocalDate date) throws IOException {
    return OutputLayout.readLines(outputDir, OutputSchema.FEATURE_STORE.name(), date);
  }

  @Override
  public List<String> gapLines(LocalDate date) throws IOException {
    return OutputLayout.readLines(outputDir, OutputSchema.GAPS.name(), date);
  }

  @Override
  public List<String> healthLines(LocalDate date) throws IOException {
    return OutputLayout.readLines(outputDir, OutputSchema.HEALTH.name(), date);
  }
}
