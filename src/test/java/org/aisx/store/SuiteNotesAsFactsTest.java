package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.aisx.catalog.Json;
import org.aisx.suite.Content;
import org.aisx.suite.Member;
import org.aisx.suite.Reason;

/**
 * Migration 26 ({@link SuiteNotesAsFacts}) over a store that version 25 holds as the code before
 * suggested members kept their reasons wrote it: a member's note that is exactly the reason the
 * suggester generated in one of the six languages becomes that reason (the words, the similarity,
 * the coming draft) with no note, and a swapped-in member's "Replaces X." says what it replaces as
 * a fact, keeping the note on X as typed; in the working copy and in every publication. A note a
 * person typed, or one that is close to a generated wording but not exactly one, stays as it is.
 */
public final class SuiteNotesAsFactsTest extends UpgradeContract {
  /** One member per language, each note as that language's page generated it, and typed ones. */
  public static final String SIX_ID = "six-languages";

  /** Members swapped in for their successors, with the notes the suite page gave them. */
  public static final String SWAPS_ID = "swaps";

  /** Made on a French page and published: its working copy and its publication say it alike. */
  public static final String PUBLISHED_ID = "published-fr";

  /** Only notes a person typed: nothing changes, not even its version. */
  public static final String TYPED_ID = "typed";

  /** The French reason of {@link #PUBLISHED_ID}'s member (after the no-break spaces). */
  public static final String FRENCH =
      "Proposé : correspond à chatbot, banque\u202f; 42 % proche par le sens\u202f; projet, à"
          + " venir";

  /** What it says: words, 42 %, a coming draft. */
  public static final Reason FRENCH_REASON = new Reason(List.of("chatbot", "banque"), 0.42, true);

  /** A typed note, and typed notes close to generated ones, which stay. */
  static final List<String> TYPED =
      List.of(
          "start here",
          // "in meaning" missing
          "Suggested: matches chatbot; 42 % close",
          // a comma where Chinese has its semicolon
          "建议理由：匹配 chatbot，语义相似度 42%",
          // more than a percentage
          "Suggested: 142 % close in meaning",
          // the French wording with the English prefix
          "Suggested: correspond à chatbot",
          // nothing after the prefix
          "Suggested: ",
          // an empty word
          "Suggested: matches chatbot, , bank",
          // the identifiers differ
          "Replaces ISO/IEC 42001:2023. Note on ISO/IEC 22989:2022: read first",
          // said twice
          "Suggested: matches chatbot; draft, coming; draft, coming",
          // a capital letter, which the suggester's words never have
          "Suggested: matches Chatbot");

  public static final OldSchemaStore VERSION_25 =
      new OldSchemaStore(
          "25",
          old -> {
            old.suite(
                SIX_ID,
                document(
                    "Six",
                    member("a-en", "Suggested: matches chatbot, bank; 42 % close in meaning"),
                    member(
                        "a-fr-old",
                        "Proposé : correspond à chatbot; 42 % proche par le sens; projet, à venir"),
                    member("a-fr", FRENCH),
                    member("a-es", "Sugerido: 61 % cercano en significado"),
                    member("a-ru", "Предложено: совпадает: банк, чатбот; проект, ожидается"),
                    member("a-zh", "建议理由：匹配 chatbot；语义相似度 42%；草案，即将发布"),
                    member("a-zh-old", "建议理由：匹配 chatbot; 语义相似度 7%"),
                    member("a-ar", "مقترح: يطابق chatbot\u061b قرب في المعنى ٤٢ %"),
                    member(
                        "a-ar-isolated",
                        "مقترح: يطابق \u2068chatbot, bank\u2069\u061b قرب في المعنى ١٠٠ %\u061b مسودة"
                            + " قادمة"),
                    member("a-ar-old", "مقترح: قرب في المعنى ٥ %; مسودة قادمة"),
                    member("t-0", TYPED.get(0)),
                    member("t-1", TYPED.get(1)),
                    member("t-2", TYPED.get(2)),
                    member("t-3", TYPED.get(3)),
                    member("t-4", TYPED.get(4)),
                    member("t-5", TYPED.get(5)),
                    member("t-6", TYPED.get(6)),
                    member("t-7", TYPED.get(7)),
                    member("t-8", TYPED.get(8)),
                    member("t-9", TYPED.get(9)),
                    member("none", null)),
                1);
            old.suite(
                SWAPS_ID,
                document(
                    "Swaps",
                    member("s-en", "Replaces ISO/IEC 42001:2023."),
                    member(
                        "s-fr",
                        "Remplace ISO/IEC 42001:2023. Note sur ISO/IEC 42001:2023 : à lire d'abord"),
                    member(
                        "s-zh-reason",
                        "取代 ISO/IEC 23894:2023。关于 ISO/IEC 23894:2023 的备注：建议理由：语义相似度 50%"),
                    member(
                        "s-ar",
                        "يحلّ محلّ ISO/IEC 5338:2023. ملاحظة عن ISO/IEC 5338:2023: سطر\nوسطر")),
                4);
            String published = document("Publiée", member("p-fr", FRENCH));
            old.suite(PUBLISHED_ID, published, 2, published);
            old.suite(TYPED_ID, document("Typed", member("t", "start here")), 5);
          });

  public SuiteNotesAsFactsTest() {
    super(new SuiteNotesAsFacts(), VERSION_25);
  }

  @Override
  void assertUpgraded(Database db, SqlCatalogStore store) {
    List<Member> six = members(db, "SELECT document FROM suite WHERE id = ?", SIX_ID);
    assertThat(six.subList(0, 10))
        .containsExactly(
            reason("a-en", new Reason(List.of("chatbot", "bank"), 0.42, false)),
            reason("a-fr-old", new Reason(List.of("chatbot"), 0.42, true)),
            reason("a-fr", FRENCH_REASON),
            reason("a-es", new Reason(List.of(), 0.61, false)),
            reason("a-ru", new Reason(List.of("банк", "чатбот"), null, true)),
            reason("a-zh", new Reason(List.of("chatbot"), 0.42, true)),
            reason("a-zh-old", new Reason(List.of("chatbot"), 0.07, false)),
            reason("a-ar", new Reason(List.of("chatbot"), 0.42, false)),
            reason("a-ar-isolated", new Reason(List.of("chatbot", "bank"), 1.0, true)),
            reason("a-ar-old", new Reason(List.of(), 0.05, true)));
    assertThat(six.subList(10, six.size()))
        .as("typed notes, and notes close to generated ones, stay as typed")
        .containsExactly(
            member("t-0", TYPED.get(0)),
            member("t-1", TYPED.get(1)),
            member("t-2", TYPED.get(2)),
            member("t-3", TYPED.get(3)),
            member("t-4", TYPED.get(4)),
            member("t-5", TYPED.get(5)),
            member("t-6", TYPED.get(6)),
            member("t-7", TYPED.get(7)),
            member("t-8", TYPED.get(8)),
            member("t-9", TYPED.get(9)),
            member("none", null));
    assertThat(version(db, SIX_ID)).isEqualTo(2);

    assertThat(members(db, "SELECT document FROM suite WHERE id = ?", SWAPS_ID))
        .containsExactly(
            new Member("s-en", "ID s-en", null, "privacy", null, "ISO/IEC 42001:2023"),
            new Member("s-fr", "ID s-fr", "à lire d'abord", "privacy", null, "ISO/IEC 42001:2023"),
            new Member(
                "s-zh-reason",
                "ID s-zh-reason",
                null,
                "privacy",
                new Reason(List.of(), 0.5, false),
                "ISO/IEC 23894:2023"),
            new Member("s-ar", "ID s-ar", "سطر\nوسطر", "privacy", null, "ISO/IEC 5338:2023"));
    assertThat(version(db, SWAPS_ID)).isEqualTo(5);

    assertThat(members(db, "SELECT document FROM suite WHERE id = ?", PUBLISHED_ID))
        .containsExactly(reason("p-fr", FRENCH_REASON));
    assertThat(
            members(
                db,
                "SELECT document FROM suite_publication WHERE suite_id = ? AND version = 1",
                PUBLISHED_ID))
        .containsExactly(reason("p-fr", FRENCH_REASON));
    assertThat(version(db, PUBLISHED_ID)).isEqualTo(3);

    assertThat(members(db, "SELECT document FROM suite WHERE id = ?", TYPED_ID))
        .containsExactly(member("t", "start here"));
    assertThat(version(db, TYPED_ID)).as("nothing changed").isEqualTo(5);
  }

  /** A member as the old version wrote it: its note typed or generated, no reason. */
  public static Member member(String id, String note) {
    return new Member(id, "ID " + id, note, "privacy");
  }

  private static Member reason(String id, Reason why) {
    return new Member(id, "ID " + id, null, "privacy", why);
  }

  public static String document(String title, Member... members) {
    try {
      return Json.mapper()
          .writeValueAsString(
              new Content(title, null, List.of(), List.of(), List.of(members), null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Member> members(Database db, String query, String id) {
    String document = db.jdbi().withHandle(h -> h.select(query, id).mapTo(String.class).one());
    try {
      return Json.mapper().readValue(document, Content.class).members();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int version(Database db, String id) {
    return db.jdbi()
        .withHandle(
            h -> h.select("SELECT version FROM suite WHERE id = ?", id).mapTo(Integer.class).one());
  }
}
