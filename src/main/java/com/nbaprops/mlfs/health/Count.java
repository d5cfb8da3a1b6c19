package com.nbaprops.mlfs.health;

/** One group of a date's rows and its size (a gap reason, a quality tier, an alert level). */
public record Count(String name, long count) {}
