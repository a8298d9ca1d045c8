package org.aisx.catalog;

/**
 * A relation another record holds towards this one, seen from this side: {@code type} is already
 * the inverse (a record that {@code replaces} this one shows here as {@code replaced-by}).
 */
public record IncomingRelation(RelationType type, String sourceId, String sourceIdentifier) {}
