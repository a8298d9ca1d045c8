package org.aisx.suite;

import java.time.Instant;

/**
 * Which state of a suite a page or an export shows, so that whoever files an export can say which
 * one it was ({@link Suites#edition}): {@code version}, the suite's version (its ETag; null when
 * what is shown is a publication that the working copy has moved on from), {@code publication}, the
 * number of the publication it is (null when it is not one), and {@code at}, when that state was
 * made (the last change, or the publication).
 */
public record Edition(Integer version, Integer publication, Instant at) {}
