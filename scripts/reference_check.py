#!/usr/bin/env python3
"""Independent reference for the feature contract, written from ../shared/design/feature-contract.md
alone (it shares no code with the Java pipeline), used to check a finished run value by value.

For every roster entry of every checked date it derives, from the input tables, whether the entry
must be a feature row or a gap (and which reason), and for every feature row all 37 values with
their raw source labels, every quality field of the contract (score, tiers, counts, category
percentages, alerts, readiness flags, fallback reasons, data_source) and the row fields (ids,
team, opponent, is_home, days_rest, season_year, early_season_flag, historical_completeness). It then compares with the run's output files
and prints every difference. Exit 0 when everything matches, 1 otherwise, 2 on bad arguments.

  scripts/reference-check --inputDir=DIR --outputDir=DIR --startDate=D --endDate=D
                          [--mode=backfill|daily] [--includeBootstrap | --bootstrapDays=N] [--dates=D1,D2,...]

Standard library only. Values are compared after rounding both sides half-even to 9 decimals,
with a tolerance of 1e-8 (floating-point sums against the pipeline's exact decimals).
"""
import datetime as dt
import glob
import gzip
import json
import math
import os
import statistics
import sys
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_EVEN

S, I, N, B, DATE, TS = "STRING", "INT64", "NUMERIC", "BOOL", "DATE", "TIMESTAMP"
# Columns and types of ../shared/design/data-contracts.md, in its order: name -> (columns, keys).
TABLES = {
    "player_game_summary": ({"player_lookup": S, "universal_player_id": S, "game_id": S,
                             "game_date": DATE, "season_year": I, "team_abbr": S,
                             "opponent_team_abbr": S, "points": I, "minutes_played": N,
                             "fg_attempts": I, "three_pt_attempts": I, "ft_makes": I,
                             "paint_attempts": I, "mid_range_attempts": I, "is_dnp": B},
                            ["player_lookup", "game_date"]),
    "upcoming_player_game_context": ({"player_lookup": S, "universal_player_id": S, "game_id": S,
                                      "game_date": DATE, "team_abbr": S, "opponent_team_abbr": S,
                                      "home_game": B, "back_to_back": B, "season_phase": S,
                                      "days_rest": I, "opponent_days_rest": I, "player_status": S},
                                     ["player_lookup", "game_date"]),
    "player_daily_cache": ({"player_lookup": S, "cache_date": DATE, "points_avg_last_5": N,
                            "points_avg_last_10": N, "points_avg_season": N,
                            "points_std_last_10": N, "minutes_avg_last_10": N,
                            "paint_rate_last_10": N, "three_pt_rate_last_10": N,
                            "team_pace_last_10": N, "team_off_rating_last_10": N,
                            "games_in_last_7_days": I}, ["player_lookup", "cache_date"]),
    "player_composite_factors": ({"player_lookup": S, "game_date": DATE, "fatigue_score": I,
                                  "shot_zone_mismatch_score": N, "pace_score": N,
                                  "usage_spike_score": N}, ["player_lookup", "game_date"]),
    "player_shot_zone_analysis": ({"player_lookup": S, "analysis_date": DATE,
                                   "paint_rate_last_10": N, "mid_range_rate_last_10": N,
                                   "three_pt_rate_last_10": N}, ["player_lookup", "analysis_date"]),
    "team_defense_zone_analysis": ({"team_abbr": S, "analysis_date": DATE,
                                    "defensive_rating_last_15": N, "opponent_pace": N},
                                   ["team_abbr", "analysis_date"]),
    "team_offense_game_summary": ({"team_abbr": S, "game_date": DATE, "season_year": I,
                                   "win_flag": B, "pace": N, "offensive_rating": N},
                                  ["team_abbr", "game_date"]),
    "odds_api_player_points_props": ({"player_lookup": S, "game_date": DATE,
                                      "game_start_time": TS, "snapshot_timestamp": TS,
                                      "minutes_before_tipoff": I, "bookmaker": S,
                                      "points_line": N}, ["player_lookup", "game_date"]),
    "bettingpros_player_points_props": ({"player_lookup": S, "game_date": DATE,
                                         "market_type": S, "bookmaker": S, "points_line": N,
                                         "opening_line": N, "created_at": TS},
                                        ["player_lookup", "game_date"]),
}
# "a negative count or minutes" (data contract), plus rest days, rates and team ratings.
NON_NEGATIVE = {"points", "minutes_played", "fg_attempts", "three_pt_attempts", "ft_makes",
                "paint_attempts", "mid_range_attempts", "days_rest", "opponent_days_rest",
                "games_in_last_7_days", "minutes_avg_last_10", "paint_rate_last_10",
                "mid_range_rate_last_10", "three_pt_rate_last_10", "pace", "offensive_rating"}
SEASON_STARTS = {2021: "2021-10-19", 2022: "2022-10-18", 2023: "2023-10-24", 2024: "2024-10-22",
                 2025: "2025-10-21"}
WEIGHTS = {"phase4": 100, "phase3": 87, "calculated": 100, "vegas": 100, "opponent_history": 90,
           "minutes_ppm": 95, "default": 40, "missing": 0}
DEFAULT_LABELS = {"default", "missing"}


def day(s):
    return dt.date.fromisoformat(s[:10])


def r9(x):
    return float(Decimal(repr(float(x))).quantize(Decimal("1e-9"), rounding=ROUND_HALF_EVEN))


def num(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    return float(v)


def boolean(v):
    if v is None:
        return None
    if isinstance(v, str):
        return v.lower() == "true"
    return bool(v)


def ts(v):
    if v is None:
        return None
    s = str(v).replace(" UTC", "+00:00").replace("Z", "+00:00").replace(" ", "T", 1)
    t = dt.datetime.fromisoformat(s)
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.timezone.utc)
    return t


def valid(row, table):
    """False for a row the data contract sends to the dead letters: not an object, a NULL or empty
    key, a value of the wrong type, a negative count. Values are normalised in place (numbers
    given as strings)."""
    if not isinstance(row, dict):
        return False
    columns, keys = TABLES[table]
    for c in keys:
        if row.get(c) in (None, ""):
            return False
    for c, kind in columns.items():
        v = row.get(c)
        if v is None:
            continue
        try:
            if kind == S and not isinstance(v, str):
                return False
            if kind in (I, N):
                if isinstance(v, bool) or not isinstance(v, (int, float, str)):
                    return False
                x = float(v)
                if not math.isfinite(x) or (kind == I and x != int(x)):
                    return False
                row[c] = int(x) if kind == I else x
                if c in NON_NEGATIVE and x < 0:
                    return False
            if kind == B and not isinstance(v, bool):
                return False
            if kind == DATE:
                if not isinstance(v, str) or len(v) != 10:
                    return False
                dt.date.fromisoformat(v)
            if kind == TS:
                ts(v)
        except (ValueError, TypeError):
            return False
    return True


def read_table(input_dir, table):
    rows = []
    for path in sorted(glob.glob(os.path.join(input_dir, table, "*.ndjson*"))):
        opener = gzip.open if path.endswith(".gz") else open
        try:
            with opener(path, "rt", encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        try:
                            row = json.loads(line)
                        except ValueError:
                            continue  # the pipeline dead-letters it
                        if valid(row, table):
                            rows.append(row)
        except (EOFError, OSError):
            pass  # a gzip cut short: the rows before the cut count, the pipeline says where
    return rows


def sort_key_nulls_last(row, columns):
    """Compares rows column by column in the data contract's order, NULLs last."""
    return [(1, 0) if row.get(c) is None else (0, row[c]) for c in columns]


def played(r):
    return boolean(r.get("is_dnp")) is not True and (num(r.get("minutes_played")) or 0) > 0


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def season_of(d):
    return d.year if d.month >= 10 else d.year - 1


class Reference:
    def __init__(self, input_dir, start, end):
        self.start, self.end = start, end
        t = {name: read_table(input_dir, name) for name in TABLES}
        # player_game_summary: one row per (player, date): played, more minutes, smaller game_id/team
        pgs = defaultdict(list)
        for r in t["player_game_summary"]:
            pgs[(r["player_lookup"], r["game_date"])].append(r)
        self.by_player = defaultdict(list)
        for (p, d), rs in pgs.items():
            rs.sort(key=lambda r: (0 if played(r) else 1, -(num(r.get("minutes_played")) or 0),
                                   r.get("game_id") or "", r.get("team_abbr") or ""))
            self.by_player[p].append(rs[0])
        for p in self.by_player:
            self.by_player[p].sort(key=lambda r: r["game_date"])
        self.pgs_by_date = defaultdict(list)
        for rs in self.by_player.values():
            for r in rs:
                self.pgs_by_date[r["game_date"]].append(r)

        def dedup(name, key_cols):
            groups = defaultdict(list)
            for r in t[name]:
                groups[tuple(r[c] for c in key_cols)].append(r)
            return {k: min(rs, key=lambda r: sort_key_nulls_last(r, TABLES[name][0]))
                    for k, rs in groups.items()}

        self.context = dedup("upcoming_player_game_context", ["player_lookup", "game_date"])
        self.cache = dedup("player_daily_cache", ["player_lookup", "cache_date"])
        self.composite = dedup("player_composite_factors", ["player_lookup", "game_date"])
        self.shot_zone = dedup("player_shot_zone_analysis", ["player_lookup", "analysis_date"])
        self.team_def = dedup("team_defense_zone_analysis", ["team_abbr", "analysis_date"])
        togs = dedup("team_offense_game_summary", ["team_abbr", "game_date"])
        self.team_games = defaultdict(list)
        for (team, _), r in togs.items():
            self.team_games[team].append(r)
        for team in self.team_games:
            self.team_games[team].sort(key=lambda r: r["game_date"])
        self.odds = defaultdict(list)
        for r in t["odds_api_player_points_props"]:
            self.odds[(r.get("player_lookup"), r.get("game_date"))].append(r)
        self.bp = defaultdict(list)
        for r in t["bettingpros_player_points_props"]:
            self.bp[(r.get("player_lookup"), r.get("game_date"))].append(r)
        self.context_by_date = defaultdict(list)
        for (p, d), r in self.context.items():
            self.context_by_date[d].append(r)
        self.first_game = {}
        for r in t["player_game_summary"]:
            if r.get("season_year") is not None and r.get("game_date"):
                s = int(r["season_year"])
                if s not in self.first_game or r["game_date"] < self.first_game[s]:
                    self.first_game[s] = r["game_date"]

    def as_of(self, table, key, d, k):
        for back in range(0, k + 1):
            row = table.get((key, (d - dt.timedelta(days=back)).isoformat()))
            if row is not None:
                return row
        return None

    def season_start(self, s):
        if s in SEASON_STARTS:
            return day(SEASON_STARTS[s])
        return day(self.first_game[s]) if s in self.first_game else None

    def roster(self, d, mode):
        return (self.pgs_by_date if mode == "backfill" else self.context_by_date).get(d.isoformat(), [])

    def entry(self, roster_row, d, include_bootstrap):
        """-> ("gap", reason, fields) or ("row", values, labels, fields)"""
        p = roster_row["player_lookup"]
        ctx = self.context.get((p, d.isoformat()))
        def field(c):  # the context row's value, NULL -> the roster row's
            v = None if ctx is None else ctx.get(c)
            return roster_row.get(c) if v is None else v
        team, opp, game_id = field("team_abbr"), field("opponent_team_abbr"), field("game_id")
        s = season_of(d)
        start = self.season_start(s)
        gap = {"game_id": game_id, "team_abbr": team, "opponent_team_abbr": opp, "season_year": s}
        if start is not None and 0 <= (d - start).days < bootstrap_days(include_bootstrap):
            return ("gap", "bootstrap", gap)
        if not team or not opp or team == opp:
            return ("gap", "missing_team_or_opponent", gap)
        comp = self.as_of(self.composite, p, d, 7)
        if comp is not None and comp.get("fatigue_score") is not None:
            f = num(comp["fatigue_score"])
            if f < 0 or f > 100:
                return ("gap", "feature_validation_error", gap)

        H = [r for r in self.by_player.get(p, [])
             if d - dt.timedelta(days=365) <= day(r["game_date"]) < d]
        newest = list(reversed(H))
        R10 = [r for r in newest if day(r["game_date"]) >= d - dt.timedelta(days=60)][:10]
        P10 = [r for r in R10 if played(r)]
        season_played = [r for r in H if played(r) and r.get("season_year") is not None
                         and int(r["season_year"]) == s]
        cache = self.as_of(self.cache, p, d, 14)
        zone = self.as_of(self.shot_zone, p, d, 14)
        comp_today = self.composite.get((p, d.isoformat()))
        tdef = self.as_of(self.team_def, opp, d, 7)
        V, L = [None] * 37, [None] * 37

        def cache_col(c):
            return None if cache is None else num(cache.get(c))

        def pick(i, options, default, default_label="default"):
            for value, label in options:
                if value is not None:
                    V[i], L[i] = value, label
                    return
            V[i], L[i] = default, default_label

        pts = lambda rows: [num(r.get("points")) for r in rows]
        p10_pts = [x for x in pts(P10) if x is not None]
        pick(0, [(cache_col("points_avg_last_5"), "phase4"),
                 (mean(pts(P10[:5])), "phase3")], 10.0)
        pick(1, [(cache_col("points_avg_last_10"), "phase4"), (mean(pts(P10)), "phase3")], 10.0)
        pick(2, [(cache_col("points_avg_season"), "phase4"),
                 (mean(pts(season_played)), "phase3")], 10.0)
        pick(3, [(cache_col("points_std_last_10"), "phase4"),
                 (statistics.stdev(p10_pts) if len(p10_pts) >= 2 else None, "phase3")], 5.0)
        g7 = None
        if R10:
            g7 = float(sum(1 for r in H if played(r)
                           and d - dt.timedelta(days=7) <= day(r["game_date"]) <= d - dt.timedelta(days=1)))
        pick(4, [(cache_col("games_in_last_7_days"), "phase4"), (g7, "phase3")], 3.0)
        ccol = lambda row, c: None if row is None else num(row.get(c))
        pick(5, [(ccol(comp, "fatigue_score"), "phase4")], 50.0)
        pick(6, [(ccol(comp_today, "shot_zone_mismatch_score"), "phase4")], 0.0)
        pick(7, [(ccol(comp_today, "pace_score"), "phase4")], 0.0)
        pick(8, [(ccol(comp, "usage_spike_score"), "phase4")], 0.0)

        # 9 rest advantage
        def days_since_prev(t):
            prev = [g for g in self.team_games.get(t, [])
                    if d - dt.timedelta(days=365) <= day(g["game_date"]) < d]
            return (d - day(prev[-1]["game_date"])).days if prev else None
        rest = opp_rest = None
        if ctx is not None and ctx.get("days_rest") is not None and ctx.get("opponent_days_rest") is not None:
            rest, opp_rest = num(ctx["days_rest"]), num(ctx["opponent_days_rest"])
        else:
            rest, opp_rest = days_since_prev(team), days_since_prev(opp)
        if rest is None or opp_rest is None:
            V[9], L[9] = 0.0, "calculated"
        else:
            V[9], L[9] = float(max(-2, min(2, rest - opp_rest))), "calculated"
        # 10 injury
        status = None if ctx is None else ctx.get("player_status")
        if status is None:
            V[10], L[10] = 0.0, "default"
        else:
            V[10] = {"available": 0.0, "probable": 1.0, "questionable": 2.0, "doubtful": 3.0,
                     "out": 3.0}.get(status.lower(), 0.0)
            L[10] = "calculated"
        # 11 recent trend
        V[11], L[11] = 0.0, "calculated"
        if len(R10) >= 5:
            z = [x or 0.0 for x in pts(R10)]
            a, b = sum(z[0:3]) / 3, sum(z[3:5]) / 2
            dd = r9(b - a)
            V[11] = 2.0 if dd >= 5 else 1.0 if dd >= 2 else -2.0 if dd <= -5 else -1.0 if dd <= -2 else 0.0
        # 12 minutes change
        recent = cache_col("minutes_avg_last_10")
        if recent is None:
            recent = mean([num(r.get("minutes_played")) for r in P10])
        season_min = mean([num(r.get("minutes_played")) for r in season_played])
        V[12], L[12] = 0.0, "calculated"
        if recent and season_min:
            pct = r9((recent - season_min) / season_min)
            V[12] = 2.0 if pct >= 0.2 else 1.0 if pct >= 0.1 else -2.0 if pct <= -0.2 else -1.0 if pct <= -0.1 else 0.0
        pick(13, [(ccol(tdef, "defensive_rating_last_15"), "phase4")], 112.0)
        pick(14, [(ccol(tdef, "opponent_pace"), "phase4")], 100.0)
        parts = (game_id or "").split("_")
        if ctx is not None and ctx.get("home_game") is not None:
            V[15], L[15] = (1.0 if boolean(ctx["home_game"]) else 0.0), "phase3"
        elif len(parts) == 3 and len(parts[0]) == 8 and parts[0].isdigit():
            V[15], L[15] = (1.0 if parts[2] == team else 0.0), "calculated"
        else:  # README "Contract notes": no readable game id -> 0.0, default
            V[15], L[15] = 0.0, "default"
        if ctx is not None and ctx.get("back_to_back") is not None:
            V[16], L[16] = (1.0 if boolean(ctx["back_to_back"]) else 0.0), "phase3"
        else:
            V[16] = 1.0 if H and day(H[-1]["game_date"]) == d - dt.timedelta(days=1) else 0.0
            L[16] = "calculated"
        if ctx is not None and ctx.get("season_phase") is not None:
            V[17], L[17] = (1.0 if ctx["season_phase"].lower() == "playoffs" else 0.0), "phase3"
        else:
            V[17], L[17] = 0.0, "default"

        def share(col):
            both = [r for r in P10 if r.get(col) is not None and r.get("fg_attempts") is not None]
            fg = sum(num(r["fg_attempts"]) for r in both)
            return sum(num(r[col]) for r in both) / fg if both and fg > 0 else None
        zcol = lambda c: None if ccol(zone, c) is None else ccol(zone, c) / 100
        cpct = lambda c: None if cache_col(c) is None else cache_col(c) / 100
        pick(18, [(zcol("paint_rate_last_10"), "phase4"), (cpct("paint_rate_last_10"), "phase4"),
                  (share("paint_attempts"), "phase3")], 0.0, "missing")
        pick(19, [(zcol("mid_range_rate_last_10"), "phase4"), (share("mid_range_attempts"), "phase3")],
             0.0, "missing")
        pick(20, [(zcol("three_pt_rate_last_10"), "phase4"), (cpct("three_pt_rate_last_10"), "phase4"),
                  (share("three_pt_attempts"), "phase3")], 0.0, "missing")
        V[21], L[21] = 0.15, "calculated"
        if len(R10) >= 5:
            ft = sum(num(r.get("ft_makes")) or 0.0 for r in R10)
            tp = sum(num(r.get("points")) or 0.0 for r in R10)
            V[21] = 0.15 if tp == 0 else max(0.0, min(0.5, r9(ft / tp)))
        tg = [g for g in self.team_games.get(team, [])
              if d - dt.timedelta(days=365) <= day(g["game_date"]) < d][-10:]
        pick(22, [(cache_col("team_pace_last_10"), "phase4"),
                  (mean([num(g.get("pace")) for g in tg]), "phase3")], 100.0)
        pick(23, [(cache_col("team_off_rating_last_10"), "phase4"),
                  (mean([num(g.get("offensive_rating")) for g in tg]), "phase3")], 112.0)
        season_games = [g for g in self.team_games.get(team, []) if day(g["game_date"]) < d
                        and g.get("season_year") is not None and int(g["season_year"]) == s
                        and g.get("win_flag") is not None]  # README: NULL win_flag not counted
        V[24], L[24] = 0.5, "calculated"
        if len(season_games) >= 5:
            V[24] = sum(1 for g in season_games if boolean(g.get("win_flag"))) / len(season_games)
        cur, opening = self.vegas(p, d)
        if cur is None:
            for i in (25, 26, 27):
                V[i], L[i] = 0.0, "missing"
            V[28] = 0.0
        else:
            V[25], V[26], V[27] = cur, opening, cur - opening
            L[25] = L[26] = L[27] = "vegas"
            V[28] = 1.0
        L[28] = "calculated"
        vs = [r for r in H if r.get("opponent_team_abbr") == opp]
        vs_pts = mean(pts(vs))
        if vs_pts is not None:
            V[29], L[29] = vs_pts, "opponent_history"
        else:
            V[29], L[29] = V[2], "default"
        V[30], L[30] = float(len(vs)), "opponent_history"
        m30 = [r for r in H if day(r["game_date"]) >= d - dt.timedelta(days=30)
               and (num(r.get("minutes_played")) or 0) > 0]
        pick(31, [(mean([num(r["minutes_played"]) for r in m30]), "minutes_ppm")], 28.0)
        pick(32, [(mean([num(r["points"]) / num(r["minutes_played"]) for r in m30
                         if r.get("points") is not None]), "minutes_ppm")], 0.4)
        V[33], L[33] = 0.0, "calculated"
        if len(R10) >= 3:
            V[33] = sum(1 for r in R10 if boolean(r.get("is_dnp")) is True) / len(R10)
        V[34], L[34] = 0.0, "calculated"
        if len(R10) >= 5:
            y = [x or 0.0 for x in reversed(pts(R10))]
            n = len(y)
            xm, ym = (n - 1) / 2, sum(y) / n
            V[34] = sum((i - xm) * (y[i] - ym) for i in range(n)) / sum((i - xm) ** 2 for i in range(n))
        l5, sea, sd = V[0], V[2], V[3]
        usable = all(L[i] not in DEFAULT_LABELS for i in (0, 2, 3))
        V[35] = 0.0
        if usable and r9(sd) != 0:
            V[35] = max(-3.0, min(3.0, r9((r9(l5) - r9(sea)) / r9(sd))))
        L[35] = "calculated"
        V[36] = 1.0 if usable and r9(l5) > r9(r9(sea) + 1.5 * r9(sd)) else 0.0
        L[36] = "calculated"
        V = [r9(v) for v in V]
        fields = quality(V, L)
        expected = min(10, len(H))
        fields.update({
            "universal_player_id": (ctx or {}).get("universal_player_id")
            or roster_row.get("universal_player_id"),
            "game_id": game_id, "team_abbr": team, "opponent_team_abbr": opp,
            "is_home": V[15] == 1.0, "season_year": s,
            "days_rest": None if rest is None else int(rest),
            "early_season_flag": start is not None and 0 <= (d - start).days <= 13,
            "historical_completeness": {
                "games_found": len(R10), "games_expected": expected,
                "is_complete": len(R10) >= expected, "is_bootstrap": expected < 10,
                "contributing_game_dates": sorted(r["game_date"] for r in R10)},
        })
        return ("row", V, L, fields)

    def vegas(self, p, d):
        rows = []
        for r in self.odds.get((p, d.isoformat()), []):
            line = num(r.get("points_line"))
            if line is None or line <= 0:
                continue
            mbt = r.get("minutes_before_tipoff")
            if mbt is not None:
                if num(mbt) < 0:
                    continue
            elif r.get("snapshot_timestamp") is not None and r.get("game_start_time") is not None:
                if ts(r["snapshot_timestamp"]) > ts(r["game_start_time"]):
                    continue
            rows.append(r)
        dk = [r for r in rows if (r.get("bookmaker") or "").lower() == "draftkings"]
        pool = dk or rows
        odds_cur = odds_open = None
        if pool:
            odds_cur = num(self.pick(pool, True, "snapshot_timestamp")["points_line"])
            odds_open = num(self.pick(pool, False, "snapshot_timestamp")["points_line"])
        bp_rows = [r for r in self.bp.get((p, d.isoformat()), [])
                   if (r.get("market_type") or "").lower() == "points"
                   and (num(r.get("points_line")) or 0) > 0]
        bp_cur = bp_open = None
        if bp_rows:
            chosen = self.pick(bp_rows, True, "created_at")
            bp_cur, bp_open = num(chosen["points_line"]), num(chosen.get("opening_line"))
        current = odds_cur if odds_cur is not None else bp_cur
        if current is None:
            return None, None
        opening = next(v for v in (odds_open, bp_open, odds_cur, bp_cur) if v is not None)
        return current, opening

    @staticmethod
    def pick(rows, latest, time_col):
        """The latest (or earliest) row by time_col; ties: the smaller bookmaker (lower-cased), then
        the row with the median line (lower middle). README "Contract notes": a NULL time sorts
        before every timestamp."""
        never = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
        stamp = lambda r: ts(r[time_col]) if r.get(time_col) else never
        target = max(map(stamp, rows)) if latest else min(map(stamp, rows))
        at = [r for r in rows if stamp(r) == target]
        book = min((r.get("bookmaker") or "").lower() for r in at)
        at = sorted((r for r in at if (r.get("bookmaker") or "").lower() == book),
                    key=lambda r: num(r["points_line"]))
        return at[(len(at) - 1) // 2]


CANONICAL = {"phase4": "phase4", "phase3": "phase3", "calculated": "calculated", "vegas": "phase4",
             "opponent_history": "phase4", "minutes_ppm": "phase4", "default": "default",
             "missing": "default"}
CATEGORIES = {"matchup": [5, 6, 7, 8, 13, 14],
              "player_history": [0, 1, 2, 3, 4] + list(range(29, 37)),
              "team_context": [22, 23, 24], "vegas": [25, 26, 27, 28],
              "game_context": [9, 10, 11, 12] + list(range(15, 22))}
CRITICAL = [5, 6, 7, 8, 13, 14]


def round_to(x, places):
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN))


def tier_of(x):
    return ("gold" if x >= 95 else "silver" if x >= 85 else "bronze" if x >= 70
            else "poor" if x >= 50 else "critical")


def quality(V, L):
    """Every quality field of the contract's "Quality fields" section, from values and raw labels."""
    w = [WEIGHTS[l] for l in L]
    canon = [CANONICAL[l] for l in L]
    defaults = [i for i in range(37) if L[i] in DEFAULT_LABELS]
    q = {"feature_quality_score": round_to(sum(w) / 37, 2)}
    q["quality_tier"] = tier_of(q["feature_quality_score"])
    for i in range(37):
        q["feature_%d_source" % i] = canon[i]
        q["feature_%d_quality" % i] = float(w[i])
    q["default_feature_indices"] = defaults
    q["default_feature_count"] = len(defaults)
    q["required_default_count"] = len([i for i in defaults if i not in (25, 26, 27)])
    for c in ("phase4", "phase3", "calculated"):
        q["%s_feature_count" % c] = canon.count(c)
    for name, idx in CATEGORIES.items():
        q["%s_quality_pct" % name] = round_to(sum(w[i] for i in idx) / len(idx), 1)
        q["%s_default_count" % name] = len([i for i in idx if i in defaults])
    q["matchup_quality_tier"] = tier_of(q["matchup_quality_pct"])
    q["game_context_quality_tier"] = tier_of(q["game_context_quality_pct"])
    q["has_composite_factors"] = not any(i in defaults for i in (5, 6, 7, 8))
    q["has_opponent_defense"] = not any(i in defaults for i in (13, 14))
    q["has_vegas_line"] = V[28] == 1.0
    q["critical_feature_count"] = len([i for i in CRITICAL if w[i] >= 85])
    q["critical_features_training_quality"] = q["critical_feature_count"] == 6
    q["training_quality_feature_count"] = len([x for x in w if x >= 85])
    q["optional_feature_count"] = len([i for i in range(37)
                                       if i not in CRITICAL and i not in defaults])
    score, matchup = q["feature_quality_score"], q["matchup_quality_pct"]
    if matchup < 50 or score < 50:
        q["quality_alert_level"] = "red"
    elif q["required_default_count"] > 0 or score < 70 or matchup < 70:
        q["quality_alert_level"] = "yellow"
    else:
        q["quality_alert_level"] = "green"
    alerts = []
    if all(i in defaults for i in CRITICAL):
        alerts.append("all_matchup_features_defaulted")
    if not q["has_composite_factors"]:
        alerts.append("composite_factors_missing")
    if not q["has_opponent_defense"]:
        alerts.append("opponent_defense_missing")
    share = len(defaults) / 37 * 100
    if share > 20:
        alerts.append("high_default_rate_%dpct" % int(round_to(share, 0)))
    if matchup < 50:
        alerts.append("matchup_quality_critical")
    if q["game_context_quality_pct"] < 50:
        alerts.append("game_context_quality_critical")
    q["quality_alerts"] = alerts
    q["is_training_ready"] = (q["quality_tier"] in ("gold", "silver") and matchup >= 70
                              and q["player_history_quality_pct"] >= 80)
    q["is_quality_ready"] = (q["quality_tier"] in ("gold", "silver", "bronze") and score >= 70
                             and matchup >= 50 and q["required_default_count"] == 0)
    reasons = {}
    for i in defaults:
        reasons[str(i)] = ("composite_factors_missing" if 5 <= i <= 8
                           else "opponent_defense_missing" if i in (13, 14)
                           else "shot_zone_data_missing" if 18 <= i <= 20
                           else "vegas_line_unavailable" if 25 <= i <= 27
                           else "no_opponent_history" if i in (29, 30)
                           else "minutes_ppm_unavailable" if i in (31, 32)
                           else "data_unavailable")
    q["feature_fallback_reasons_json"] = reasons
    phase4, phase3 = L.count("phase4") / 37, L.count("phase3") / 37
    q["data_source"] = ("phase4" if phase4 >= 0.9 else "phase4_partial" if phase4 >= 0.5
                        else "phase3" if phase3 >= 0.5 else "mixed")
    return q


def same(got, want):
    if isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return abs(got - want) <= 1e-9
    return got == want


def bootstrap_days(setting):
    """The days skipped as bootstrap: True (--includeBootstrap) = 0, False = 14, or a number."""
    if setting is True:
        return 0
    if setting is False:
        return 14
    return int(setting)


def read_output(output_dir, table, d):
    """One date of an output table, in any layout the pipeline writes or wrote, by player.
    Gap rows resolved by a later run (resolved_at set) are history, not roster entries: skipped."""
    rows = {}
    day = d.isoformat()
    for rel in ("game_date=%s/part-00000.ndjson" % day, "game_date=%s/part-00000.ndjson.gz" % day,
                "game_date=%s.ndjson" % day, "game_date=%s.ndjson.gz" % day):
        path = os.path.join(output_dir, table, rel)
        if os.path.exists(path):
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8") as f:
                rows.update({row["player_lookup"]: row for row in map(json.loads, f)
                             if row and row.get("resolved_at") is None})
    return rows


def main(argv):
    args = {"mode": "backfill", "includeBootstrap": "false"}
    for a in argv:
        if not a.startswith("--"):
            print("error: unexpected argument %s (see --help)" % a, file=sys.stderr)
            return 2
        if a in ("--help", "-h"):
            print(__doc__)
            return 0
        k, _, v = a[2:].partition("=")
        args[k] = v if v else "true"
    known = {"mode", "includeBootstrap", "bootstrapDays", "inputDir", "outputDir", "startDate",
             "endDate", "dates"}
    for k in sorted(set(args) - known):
        print("error: unknown option --%s (see --help)" % k, file=sys.stderr)
        return 2
    for k in ("inputDir", "outputDir", "startDate"):
        if k not in args:
            print("error: --%s is required (see --help)" % k, file=sys.stderr)
            return 2
    for k in ("inputDir", "outputDir"):
        if not os.path.isdir(args[k]):
            print("error: --%s=%s is not a folder" % (k, args[k]), file=sys.stderr)
            return 2
    if args["mode"] not in ("backfill", "daily"):
        print("error: --mode must be backfill or daily, not %s" % args["mode"], file=sys.stderr)
        return 2
    try:
        start, end = day(args["startDate"]), day(args.get("endDate", args["startDate"]))
        if "dates" in args:
            dates = [day(x) for x in args["dates"].split(",")]
        else:
            dates = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    except ValueError as e:
        print("error: a date is not YYYY-MM-DD (%s)" % e, file=sys.stderr)
        return 2
    ref = Reference(args["inputDir"], start, end)
    include_bootstrap = args["includeBootstrap"] == "true"
    if "bootstrapDays" in args:
        include_bootstrap = int(args["bootstrapDays"])
    checked_rows = checked_gaps = checked_values = checked_fields = 0
    per_field = defaultdict(int)
    problems = []
    per_feature = defaultdict(int)
    for d in dates:
        out_rows = read_output(args["outputDir"], "ml_feature_store_v2", d)
        out_gaps = read_output(args["outputDir"], "feature_store_gaps", d)
        roster = {r["player_lookup"]: r for r in ref.roster(d, args["mode"])}
        for p in sorted(set(out_rows) | set(out_gaps) | set(roster)):
            where = "%s %s" % (d, p)
            if p not in roster:
                problems.append("%s: in the output but not on the roster" % where)
                continue
            want = ref.entry(roster[p], d, include_bootstrap)
            if want[0] == "gap":
                checked_gaps += 1
                got = out_gaps.get(p, {}).get("reason")
                if got != want[1] or p in out_rows:
                    problems.append("%s: expected gap %s, got %s" % (
                        where, want[1], "a feature row" if p in out_rows else "gap %s" % got))
                    continue
                for f, value in sorted(want[2].items()):
                    checked_fields += 1
                    if not same(out_gaps[p].get(f), value):
                        per_field["gap." + f] += 1
                        problems.append("%s: gap %s expected %s, got %s" % (
                            where, f, json.dumps(value), json.dumps(out_gaps[p].get(f))))
                continue
            checked_rows += 1
            if p not in out_rows:
                problems.append("%s: expected a feature row, got %s" % (
                    where, "gap %s" % out_gaps[p].get("reason") if p in out_gaps
                    else "neither a row nor a gap"))
                continue
            row = out_rows[p]
            _, V, L, extra = want
            labels = json.loads(row["feature_sources_json"])
            for i in range(37):
                checked_values += 1
                got_v, got_l = row["features"][i], labels[str(i)]
                if abs(got_v - V[i]) > 1e-8 or got_l != L[i]:
                    per_feature[i] += 1
                    problems.append("%s: feature %d expected %r (%s), got %r (%s)" % (
                        where, i, V[i], L[i], got_v, got_l))
            row = dict(row, feature_fallback_reasons_json=json.loads(
                row["feature_fallback_reasons_json"]))
            for field, value in sorted(extra.items()):
                checked_fields += 1
                if not same(row.get(field, "<absent>"), value):
                    per_field[field] += 1
                    problems.append("%s: %s expected %s, got %s" % (
                        where, field, json.dumps(value), json.dumps(row.get(field, "<absent>"))))
    print("reference-check: %d dates, %d feature rows (%d values, %d other fields), %d gaps checked"
          % (len(dates), checked_rows, checked_values, checked_fields, checked_gaps))
    if per_feature:
        print("differences per feature: " + ", ".join(
            "#%d: %d" % (i, n) for i, n in sorted(per_feature.items())))
    if per_field:
        print("differences per field: " + ", ".join(
            "%s: %d" % (f, n) for f, n in sorted(per_field.items())))
    for line in problems[:40]:
        print("  " + line)
    if len(problems) > 40:
        print("  ... and %d more" % (len(problems) - 40))
    print("reference-check: %s" % ("OK" if not problems else "%d differences" % len(problems)))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
