package org.aisx.catalog;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Source names as anyone may read them. A source name ({@link Standard#source()}, the feeds of
 * {@link Standard#fieldSources()}, {@link HistoryEvent#source()}, {@link
 * RelationReview#requestedSource()}) is public: records, their history, the change log, the Atom
 * feeds, the pages and the exports all show it. Who made a change is the event's actor, which only
 * admins see as an address ({@code web/PublicActors}); a source never names an account's e-mail
 * address.
 *
 * <p>A coordinator's edit is {@code edit:<role>} ({@code edit:coordinator}). Versions before this
 * one wrote {@code edit:<e-mail address>}, and catalogues, backups and JSON exports written by them
 * still hold such names. The records above therefore pass every source name through {@link
 * #publishable} when they are made, whether from a write, the store, an import or a restore: a part
 * of the name that holds an address is dropped ({@code edit:someone@example.org} reads {@code
 * edit}). The stored rows are left as they are (the history is append-only); no record in memory,
 * and so no answer, carries the address.
 */
public final class SourceNames {
  /**
   * An e-mail address, as accounts have them: a feed's name with an {@code @} in it ({@code
   * iso@2025-06}, a version tag) is no address and stays.
   */
  private static final java.util.regex.Pattern ADDRESS =
      java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  /**
   * The source of the records of the bundled catalogue (the starter corpus, made from the bodies'
   * feeds), as a first start stores them.
   */
  public static final String STARTER_CORPUS = "aisx-starter-corpus";

  /** What a source name that was nothing but an address reads. */
  public static final String WITHHELD = "account";

  private SourceNames() {}

  /**
   * Whether a value from {@code source} was decided by people rather than given by a feed: an
   * approved submission ({@code submission:<id>}), a coordinator's edit ({@code edit:<role>}, and
   * older versions' {@code edit:<address>}, read {@code edit} or {@code account}), or a decision on
   * machine suggestions ({@code review}). An import does not overwrite such a value ({@link
   * FieldSources#merge}).
   */
  public static boolean reviewed(String source) {
    return source != null
        && (source.startsWith("submission:")
            || source.equals("edit")
            || source.startsWith("edit:")
            || source.equals("review")
            || source.equals(WITHHELD));
  }

  /** {@code source} without any {@code :}-separated part that is an e-mail address. */
  public static String publishable(String source) {
    if (source == null || source.indexOf('@') < 0) {
      return source;
    }
    String kept =
        Arrays.stream(source.split(":", -1))
            .filter(part -> !ADDRESS.matcher(part).matches())
            .collect(Collectors.joining(":"));
    return kept.isBlank() ? WITHHELD : kept;
  }
}
