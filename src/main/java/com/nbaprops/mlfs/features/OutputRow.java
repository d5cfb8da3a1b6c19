package com.nbaprops.mlfs.features;

import java.time.LocalDate;

/**
 * One output row on its way to a sink: the date partition and player it belongs to, and the row
 * itself as one JSON object in its table's column order (exactly one NDJSON line / BigQuery row).
 */
public record OutputRow(LocalDate gameDate, String playerLookup, String json) {}
