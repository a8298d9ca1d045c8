package org.aisx.suite;

import java.time.Instant;

/** One publication of a suite: its number, the content as published, by whom and when. */
public record Publication(int version, Content content, String publishedBy, Instant publishedAt) {}
