package org.aisx.glossary;

/**
 * A machine's suggestion that term {@code from} relates to term {@code to} (of another vocabulary)
 * as {@code type} says, with a score in [0, 1] and the evidence it rests on.
 */
public record Suggested(String from, String to, MappingType type, double score, String evidence) {}
