package org.aisx.suite;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Why the suggester proposed a member of a suite made from a description: the {@code words} of the
 * description its title or abstract has, how close in meaning it is ({@code similarity}, cosine
 * from 0 to 1; null without vectors), and {@code coming} for a draft. Kept as these facts rather
 * than as a sentence, so that each reader is told the reason in their own language (the pages, the
 * exports and the API say it as the member's note); what a person types as a note is kept as typed
 * ({@link Member#note}) and replaces the reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(List<String> words, Double similarity, boolean coming) {
  /** The most words a reason keeps. */
  public static final int MAX_WORDS = 20;

  public Reason {
    words = List.copyOf(words == null ? List.of() : words);
  }

  /** The reason of a proposed member. */
  public static Reason of(SuiteSuggester.Pick p) {
    List<String> w = p.words().size() > MAX_WORDS ? p.words().subList(0, MAX_WORDS) : p.words();
    Double s = p.similarity() == null ? null : Math.max(0, Math.min(1, p.similarity()));
    return new Reason(w, s, p.coming());
  }
}
