package com.nbaprops.mlfs.features;

/**
 * A built feature row and its quality, scored once where it is built: what the sinks render as an
 * {@code ml_feature_store_v2} row and what the run's counts read.
 */
public record ScoredRow(FeatureRecord record, Quality quality) {}
