package com.nbaprops.mlfs.source;

import com.nbaprops.mlfs.RunConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Reads the nine source tables from a local (or {@code gs://}) folder laid out as the data contract
 * says: one sub-folder per table. Each table is read once, for its window [start − lookback, end].
 * Output: one PCollection per {@link SourceTable#tag()} plus {@link SourceTables#DEAD_LETTERS}.
 */
public final class ReadFileSources extends PTransform<PBegin, PCollectionTuple> {
  private final String inputDir;
  private final RunConfig config;

  public ReadFileSources(String inputDir, RunConfig config) {
    this.inputDir = inputDir.endsWith("/") ? inputDir : inputDir + "/";
    this.config = config;
  }

  /** The tables whose folder holds no NDJSON file: they are read as empty tables. */
  public static List<String> missingTables(String inputDir) {
    String dir = inputDir.endsWith("/") ? inputDir : inputDir + "/";
    List<String> missing = new ArrayList<>();
    for (SourceTable<?> t : SourceTable.ALL) {
      try {
        MatchResult m = FileSystems.match(dir + t.name() + "/*.ndjson*",
            EmptyMatchTreatment.ALLOW);
        if (m.status() != MatchResult.Status.OK || m.metadata().isEmpty()) {
          missing.add(t.name());
        }
      } catch (IOException e) {
        missing.add(t.name());
      }
    }
    return missing;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    // (a table without files reads as empty; OptionsValidator has said so, listing them once)
    List<ReadFileTables.Folder> folders = new ArrayList<>();
    for (SourceTable<?> t : SourceTable.ALL) {
      folders.add(new ReadFileTables.Folder(t, inputDir + t.name(),
          config.windowStart(t.lookbackDays()), config.end()));
    }
    return input.apply("ReadFiles", new ReadFileTables(folders));
  }
}
