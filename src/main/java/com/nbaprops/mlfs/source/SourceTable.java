package com.nbaprops.mlfs.source;

import com.nbaprops.mlfs.model.BettingProsPropRow;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.model.TeamGameRow;
import com.nbaprops.mlfs.contract.Windows;
import com.nbaprops.mlfs.util.RecordCoder;
import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.values.TupleTag;

/**
 * One source table of the data contract: its BigQuery name, the record it parses into, its partition
 * (date) column, how far before the job's start date it must be read, the key columns that must be
 * present, and the columns that may not be negative.
 *
 * <p>Column names and types are derived from the record's components (camelCase → snake_case), so
 * the record declaration is the single place a table's columns are written down.
 */
public final class SourceTable<T extends Record> implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final SourceTable<PlayerGameRow> PLAYER_GAME_SUMMARY =
      new SourceTable<>("nba_analytics", "player_game_summary", PlayerGameRow.class, "game_date",
          Windows.HISTORY_DAYS, List.of("player_lookup", "game_date"),
          Set.of("points", "minutes_played", "fg_attempts", "three_pt_attempts", "ft_makes",
              "paint_attempts", "mid_range_attempts"));
  public static final SourceTable<GameContextRow> UPCOMING_PLAYER_GAME_CONTEXT =
      new SourceTable<>("nba_analytics", "upcoming_player_game_context", GameContextRow.class,
          "game_date", 0, List.of("player_lookup", "game_date"),
          Set.of("days_rest", "opponent_days_rest"));
  public static final SourceTable<DailyCacheRow> PLAYER_DAILY_CACHE =
      new SourceTable<>("nba_precompute", "player_daily_cache", DailyCacheRow.class, "cache_date",
          Windows.DAILY_CACHE_AS_OF, List.of("player_lookup", "cache_date"),
          Set.of("games_in_last_7_days", "minutes_avg_last_10"));
  public static final SourceTable<CompositeFactorsRow> PLAYER_COMPOSITE_FACTORS =
      new SourceTable<>("nba_precompute", "player_composite_factors", CompositeFactorsRow.class,
          "game_date", Windows.COMPOSITE_AS_OF, List.of("player_lookup", "game_date"), Set.of());
  public static final SourceTable<ShotZoneRow> PLAYER_SHOT_ZONE_ANALYSIS =
      new SourceTable<>("nba_precompute", "player_shot_zone_analysis", ShotZoneRow.class,
          "analysis_date", Windows.SHOT_ZONE_AS_OF, List.of("player_lookup", "analysis_date"),
          Set.of("paint_rate_last_10", "mid_range_rate_last_10", "three_pt_rate_last_10"));
  public static final SourceTable<TeamDefenseRow> TEAM_DEFENSE_ZONE_ANALYSIS =
      new SourceTable<>("nba_precompute", "team_defense_zone_analysis", TeamDefenseRow.class,
          "analysis_date", Windows.TEAM_DEFENSE_AS_OF, List.of("team_abbr", "analysis_date"),
          Set.of());
  public static final SourceTable<TeamGameRow> TEAM_OFFENSE_GAME_SUMMARY =
      new SourceTable<>("nba_analytics", "team_offense_game_summary", TeamGameRow.class,
          "game_date", Windows.HISTORY_DAYS, List.of("team_abbr", "game_date"),
          Set.of("pace", "offensive_rating"));
  public static final SourceTable<OddsPropRow> ODDS_API_PLAYER_POINTS_PROPS =
      new SourceTable<>("nba_raw", "odds_api_player_points_props", OddsPropRow.class, "game_date",
          0, List.of("player_lookup", "game_date"), Set.of());
  public static final SourceTable<BettingProsPropRow> BETTINGPROS_PLAYER_POINTS_PROPS =
      new SourceTable<>("nba_raw", "bettingpros_player_points_props", BettingProsPropRow.class,
          "game_date", 0, List.of("player_lookup", "game_date"), Set.of());

  /** All nine tables, in the data contract's order. */
  public static final List<SourceTable<?>> ALL =
      List.of(PLAYER_GAME_SUMMARY, UPCOMING_PLAYER_GAME_CONTEXT, PLAYER_DAILY_CACHE,
          PLAYER_COMPOSITE_FACTORS, PLAYER_SHOT_ZONE_ANALYSIS, TEAM_DEFENSE_ZONE_ANALYSIS,
          TEAM_OFFENSE_GAME_SUMMARY, ODDS_API_PLAYER_POINTS_PROPS, BETTINGPROS_PLAYER_POINTS_PROPS);

  /** Column types as BigQuery names them (NUMERIC columns are read as FLOAT64-compatible). */
  public enum ColumnType { STRING, INT64, FLOAT64, BOOL, DATE, TIMESTAMP }

  /** One column: its name, its type, and the record component it fills. */
  public record Column(String name, ColumnType type, int index) implements Serializable {}

  private final String dataset;
  private final String name;
  private final Class<T> recordClass;
  private final String dateColumn;
  private final int lookbackDays;
  private final List<String> keyColumns;
  private final Set<String> nonNegativeColumns;
  private final List<Column> columns;
  private final TupleTag<T> tag;
  private transient Integer dateIndex;

  private SourceTable(String dataset, String name, Class<T> recordClass, String dateColumn,
      int lookbackDays, List<String> keyColumns, Set<String> nonNegativeColumns) {
    this.dataset = dataset;
    this.name = name;
    this.recordClass = recordClass;
    this.dateColumn = dateColumn;
    this.lookbackDays = lookbackDays;
    this.keyColumns = keyColumns;
    this.nonNegativeColumns = nonNegativeColumns;
    List<Column> cols = new ArrayList<>();
    RecordComponent[] comps = recordClass.getRecordComponents();
    for (int i = 0; i < comps.length; i++) {
      cols.add(new Column(snake(comps[i].getName()), typeOf(comps[i].getType()), i));
    }
    this.columns = Collections.unmodifiableList(cols);
    this.tag = new TupleTag<>(name);
    for (String k : keyColumns) {
      column(k);
    }
    for (String k : nonNegativeColumns) {
      column(k);
    }
    column(dateColumn);
  }

  /** {@code threePtRateLast10} → {@code three_pt_rate_last_10}. */
  static String snake(String camel) {
    StringBuilder sb = new StringBuilder();
    char prev = 0;
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else if (Character.isDigit(c) && !Character.isDigit(prev)) {
        sb.append('_').append(c);
      } else {
        sb.append(c);
      }
      prev = c;
    }
    return sb.toString();
  }

  private static ColumnType typeOf(Class<?> c) {
    if (c == String.class) {
      return ColumnType.STRING;
    } else if (c == Long.class) {
      return ColumnType.INT64;
    } else if (c == Double.class) {
      return ColumnType.FLOAT64;
    } else if (c == Boolean.class) {
      return ColumnType.BOOL;
    } else if (c == LocalDate.class) {
      return ColumnType.DATE;
    } else if (c == Instant.class) {
      return ColumnType.TIMESTAMP;
    }
    throw new IllegalArgumentException("unsupported column type " + c);
  }

  public String dataset() {
    return dataset;
  }

  /** The table name without dataset; also the local folder name. */
  public String name() {
    return name;
  }

  public String qualifiedName() {
    return dataset + "." + name;
  }

  public Class<T> recordClass() {
    return recordClass;
  }

  public RecordCoder<T> coder() {
    return RecordCoder.of(recordClass);
  }

  public String dateColumn() {
    return dateColumn;
  }

  public int lookbackDays() {
    return lookbackDays;
  }

  public List<String> keyColumns() {
    return keyColumns;
  }

  public Set<String> nonNegativeColumns() {
    return nonNegativeColumns;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public Column column(String columnName) {
    for (Column c : columns) {
      if (c.name().equals(columnName)) {
        return c;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + columnName);
  }

  /** The value of the table's date (partition) column; never null for a parsed row. */
  public LocalDate dateOf(T record) {
    if (dateIndex == null) {
      dateIndex = column(dateColumn).index();
    }
    return (LocalDate) com.nbaprops.mlfs.util.Accessors.getters(recordClass)[dateIndex]
        .apply(record);
  }

  public TupleTag<T> tag() {
    return tag;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }

  private Object readResolve() {
    for (SourceTable<?> t : ALL) {
      if (t.name.equals(name)) {
        return t;
      }
    }
    return this;
  }
}
