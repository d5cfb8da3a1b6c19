package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.contract.FeatureContract.Category;
import com.nbaprops.mlfs.contract.SourceLabel;
import com.nbaprops.mlfs.util.Decimals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores a feature vector's sources as the feature contract's "Quality fields" say. Pure Java. */
public final class QualityScorer {
  private QualityScorer() {}

  public static String tier(double score) {
    if (score >= 95) {
      return "gold";
    } else if (score >= 85) {
      return "silver";
    } else if (score >= 70) {
      return "bronze";
    } else if (score >= 50) {
      return "poor";
    }
    return "critical";
  }

  public static Quality score(FeatureVector vector) {
    SourceLabel[] labels = vector.labels();
    Counts c = new Counts(labels);
    double score = Decimals.round((double) c.weightSum / labels.length, 2);
    String tier = tier(score);
    Map<String, Double> pct = new LinkedHashMap<>();
    Map<String, Integer> catDefaults = new LinkedHashMap<>();
    for (Category cat : Category.values()) {
      List<Integer> idx = FeatureContract.indicesOf(cat);
      int sum = 0;
      int def = 0;
      for (int i : idx) {
        sum += labels[i].weight();
        def += labels[i].isDefault() ? 1 : 0;
      }
      pct.put(cat.key(), Decimals.round((double) sum / idx.size(), 1));
      catDefaults.put(cat.key(), def);
    }
    double matchup = pct.get(Category.MATCHUP.key());
    double history = pct.get(Category.PLAYER_HISTORY.key());
    double gameContext = pct.get(Category.GAME_CONTEXT.key());
    boolean hasComposite = FeatureContract.COMPOSITE.stream().noneMatch(i -> labels[i].isDefault());
    boolean hasDefense = !labels[FeatureContract.OPPONENT_DEF_RATING].isDefault()
        && !labels[FeatureContract.OPPONENT_PACE].isDefault();
    boolean hasVegas = vector.value(FeatureContract.HAS_VEGAS_LINE) == 1.0;
    int critical = 0;
    for (int i : FeatureContract.CRITICAL) {
      if (labels[i].weight() >= 85) {
        critical++;
      }
    }
    int optional = 0;
    for (int i = 0; i < labels.length; i++) {
      if (!FeatureContract.CRITICAL.contains(i) && !labels[i].isDefault()) {
        optional++;
      }
    }
    String alertLevel = matchup < 50 || score < 50 ? "red"
        : c.required > 0 || score < 70 || matchup < 70 ? "yellow" : "green";
    boolean trainingReady = (tier.equals("gold") || tier.equals("silver"))
        && matchup >= 70 && history >= 80;
    boolean qualityReady = (tier.equals("gold") || tier.equals("silver") || tier.equals("bronze"))
        && score >= 70 && matchup >= 50 && c.required == 0;
    return new Quality(score, tier, c.defaults, c.required, c.phase4, c.phase3, c.calculated, pct,
        catDefaults, tier(matchup), tier(gameContext), hasComposite, hasDefense, hasVegas,
        critical, critical == FeatureContract.CRITICAL.size(), c.training, optional, alertLevel,
        alerts(labels, c, hasComposite, hasDefense, matchup, gameContext), trainingReady,
        qualityReady, c.reasons, dataSource(c, labels.length));
  }

  /** The row's quality alerts, in the contract's order. */
  private static List<String> alerts(SourceLabel[] labels, Counts c, boolean hasComposite,
      boolean hasDefense, double matchup, double gameContext) {
    List<String> alerts = new ArrayList<>();
    if (FeatureContract.CRITICAL.stream().allMatch(i -> labels[i].isDefault())) {
      alerts.add("all_matchup_features_defaulted");
    }
    if (!hasComposite) {
      alerts.add("composite_factors_missing");
    }
    if (!hasDefense) {
      alerts.add("opponent_defense_missing");
    }
    double defaultPct = 100.0 * c.defaults.size() / labels.length;
    if (defaultPct > 20) {
      alerts.add("high_default_rate_" + (long) Decimals.round(defaultPct, 0) + "pct");
    }
    if (matchup < 50) {
      alerts.add("matchup_quality_critical");
    }
    if (gameContext < 50) {
      alerts.add("game_context_quality_critical");
    }
    return alerts;
  }

  private static String dataSource(Counts c, int n) {
    if (c.rawPhase4 >= 0.9 * n) {
      return "phase4";
    } else if (c.rawPhase4 >= 0.5 * n) {
      return "phase4_partial";
    } else if (c.rawPhase3 >= 0.5 * n) {
      return "phase3";
    }
    return "mixed";
  }

  /** Per-label tallies over the 37 sources. */
  private static final class Counts {
    int weightSum;
    final List<Integer> defaults = new ArrayList<>();
    final Map<String, String> reasons = new LinkedHashMap<>();
    int required;
    int phase4;
    int phase3;
    int calculated;
    int rawPhase4;
    int rawPhase3;
    int training;

    Counts(SourceLabel[] labels) {
      for (int i = 0; i < labels.length; i++) {
        SourceLabel s = labels[i];
        weightSum += s.weight();
        if (s.isDefault()) {
          defaults.add(i);
          reasons.put(Integer.toString(i), FeatureContract.feature(i).fallbackReason());
          if (!FeatureContract.OPTIONAL_VEGAS.contains(i)) {
            required++;
          }
        }
        switch (s.canonical()) {
          case "phase4" -> phase4++;
          case "phase3" -> phase3++;
          case "calculated" -> calculated++;
          default -> { }
        }
        rawPhase4 += s == SourceLabel.PHASE4 ? 1 : 0;
        rawPhase3 += s == SourceLabel.PHASE3 ? 1 : 0;
        training += s.weight() >= 85 ? 1 : 0;
      }
    }
  }
}
