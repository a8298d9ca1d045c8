package org.aisx.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Status;
import org.aisx.catalog.WriteOutcome;

/**
 * Finds the drafts an import published: a P-number draft ("IEEE P3400/D-4-2024-07", the project
 * number after "P") that the catalogue already had, whose standard ("IEEE 3400-2025": the same body
 * prefix and number, a year) the import added: the latest such standard, and only one dated no
 * earlier than the draft when the draft's identifier gives its year (a 1982 edition newly listed
 * does not publish a 2023 draft). Drafts that the new feed no longer lists are not seen: only the
 * drafts of the input itself are matched.
 */
final class DraftPublications {
  private static final Pattern DRAFT = Pattern.compile("^(\\S+) P(\\d[\\w.]*?)(?:/.*)?$");
  private static final Pattern STANDARD = Pattern.compile("^(\\S+) (\\d[\\w.]*)-(\\d{4})$");
  private static final Pattern DRAFT_YEAR = Pattern.compile("-((?:19|20)\\d{2})(?:-\\d{2})?$");

  /** "IEEE 3400" → the drafts of that project the catalogue had before this import. */
  private final Map<String, List<String>> drafts = new LinkedHashMap<>();

  /** "IEEE 3400" → the standards of that project this import added. */
  private final Map<String, List<String>> published = new LinkedHashMap<>();

  void note(WriteOutcome outcome) {
    String identifier = outcome.record().identifier();
    if (outcome.record().status() == Status.DRAFT) {
      Matcher m = DRAFT.matcher(identifier);
      if (m.matches() && outcome.change() != WriteOutcome.Change.CREATED) {
        drafts
            .computeIfAbsent(m.group(1) + " " + m.group(2), k -> new ArrayList<>())
            .add(identifier);
      }
    } else if (outcome.change() == WriteOutcome.Change.CREATED) {
      Matcher m = STANDARD.matcher(identifier);
      if (m.matches()) {
        published
            .computeIfAbsent(m.group(1) + " " + m.group(2), k -> new ArrayList<>())
            .add(identifier);
      }
    }
  }

  private static int year(String standard) {
    Matcher m = STANDARD.matcher(standard);
    return m.matches() ? Integer.parseInt(m.group(3)) : 0;
  }

  /** Adds every draft whose standard appeared to the summary, then forgets them. */
  void report(ImportSummary summary) {
    published.forEach(
        (project, standards) -> {
          String latest =
              standards.stream().max(java.util.Comparator.comparing(DraftPublications::year)).get();
          for (String draft : drafts.getOrDefault(project, List.of())) {
            Matcher y = DRAFT_YEAR.matcher(draft);
            if (!y.find() || year(latest) >= Integer.parseInt(y.group(1))) {
              summary.draftPublished(draft, latest);
            }
          }
        });
    drafts.clear();
    published.clear();
  }
}
