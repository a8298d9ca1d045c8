package org.aisx.glossary;

/** A coordinator's decision on one mapping. */
public record MappingDecision(String from, String to, MappingType type, boolean confirmed) {}
