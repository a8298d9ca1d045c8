package org.aisx.submission;

import java.time.Instant;

/**
 * One decision a coordinator made on a submission: its place in the submission's decisions ({@code
 * seq}, from 1), what was decided, by whom, the comment, and when ({@code at} is null for a
 * decision made before decisions were logged whose time is no longer known).
 */
public record ReviewDecision(
    int seq, Decision decision, String decidedBy, String comment, Instant at) {}
