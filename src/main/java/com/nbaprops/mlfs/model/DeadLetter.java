package com.nbaprops.mlfs.model;

/** A source row that could not be used: the table, the row exactly as read, and why. */
public record DeadLetter(String sourceTable, String rawRow, String error) {}
