package com.nbaprops.mlfs.features;

import java.util.List;
import java.util.Map;

/**
 * The quality fields of one feature row (feature contract, "Quality fields"). Category maps are
 * keyed by the category's output prefix ({@code matchup}, {@code player_history}, …) in output order.
 */
public record Quality(
    double score,
    String tier,
    List<Integer> defaultIndices,
    int requiredDefaultCount,
    int phase4Count,
    int phase3Count,
    int calculatedCount,
    Map<String, Double> categoryPct,
    Map<String, Integer> categoryDefaults,
    String matchupTier,
    String gameContextTier,
    boolean hasCompositeFactors,
    boolean hasOpponentDefense,
    boolean hasVegasLine,
    int criticalFeatureCount,
    boolean criticalFeaturesTrainingQuality,
    int trainingQualityFeatureCount,
    int optionalFeatureCount,
    String alertLevel,
    List<String> alerts,
    boolean trainingReady,
    boolean qualityReady,
    Map<String, String> fallbackReasons,
    String dataSource) {}
