package org.aisx.search;

/**
 * How the search's kept answers ({@code AnswerCache}) have been used since the start: how many it
 * holds now, and how many searches found one (hits) or had to search (misses).
 */
public record KeptAnswers(long entries, long hits, long misses) {}
