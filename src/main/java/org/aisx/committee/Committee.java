package org.aisx.committee;

import java.util.List;
import org.aisx.catalog.Slug;

/**
 * A technical committee as ISO's register describes it (ISO Open Data's committees list, ODC-By
 * 1.0): its reference ("ISO/IEC JTC 1/SC 42"), its English title, status ("Active", "Suspended"),
 * secretariat (the member body's acronym), the day it was created, its scope as plain text, its
 * parent and children by ISO's numeric ids, and whom it liaises with: other committees by
 * reference, organizations by acronym. Everything but the reference may be absent.
 *
 * @param isoId ISO's numeric id of the committee, which {@code parentId} and {@code childIds} name
 * @param created the day it was created, ISO-8601 ({@code 2017-11-21})
 * @param sortKey the register's order ({@code ISO/TC 1} before {@code ISO/TC 10})
 */
public record Committee(
    String reference,
    Long isoId,
    String title,
    String status,
    String secretariat,
    String created,
    String scope,
    Long parentId,
    List<Long> childIds,
    List<String> liaisons,
    List<String> organizations,
    String sortKey) {

  public Committee {
    if (reference == null || Slug.of(reference).isEmpty()) {
      throw new IllegalArgumentException("a committee needs a reference with letters or digits");
    }
    childIds = childIds == null ? List.of() : List.copyOf(childIds);
    liaisons = liaisons == null ? List.of() : List.copyOf(liaisons);
    organizations = organizations == null ? List.of() : List.copyOf(organizations);
    sortKey = sortKey == null ? reference : sortKey;
  }

  /** The committee's key and address: the slug of its reference ({@code iso-iec-jtc-1-sc-42}). */
  public String slug() {
    return slugOf(reference);
  }

  /**
   * The key of a committee named {@code reference} in any spelling (case, spaces, slashes): {@code
   * ISO/IEC JTC 1/SC 42}, {@code iso iec jtc 1 sc 42} and {@code iso-iec-jtc-1-sc-42} are one.
   */
  public static String slugOf(String reference) {
    return Slug.of(reference);
  }
}
