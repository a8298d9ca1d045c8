package org.aisx.catalog;

/** A secondary identifier: DOI, URN, ISBN, or the body's alternative spelling. */
public record Identifier(String type, String value) {}
