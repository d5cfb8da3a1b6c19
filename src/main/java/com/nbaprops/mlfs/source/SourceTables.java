package com.nbaprops.mlfs.source;

import com.nbaprops.mlfs.model.DeadLetter;
import org.apache.beam.sdk.values.TupleTag;

/** Tags shared by every source implementation (files, BigQuery). */
public final class SourceTables {
  /** All dead letters of all tables. */
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>("source_dead_letters");

  private SourceTables() {}
}
