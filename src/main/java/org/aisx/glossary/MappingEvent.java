package org.aisx.glossary;

import java.time.Instant;

/** One decision in a mapping's history: who confirmed or rejected it, and when. */
public record MappingEvent(
    long seq,
    String from,
    String to,
    MappingType type,
    MappingState decision,
    String actor,
    Instant at) {}
