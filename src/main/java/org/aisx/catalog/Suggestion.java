package org.aisx.catalog;

/** A machine suggestion of a taxonomy concept, not yet confirmed by a person. */
public record Suggestion(String concept, double score, String evidence) {}
