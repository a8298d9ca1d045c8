package org.aisx.web;

import java.util.List;
import org.aisx.search.Hit;

/** The models of the committee pages ({@link CommitteeRoutes}). */
public final class CommitteePageModels {
  private CommitteePageModels() {}

  /**
   * A committee named on a page: its reference, its title when the register has it, and its page's
   * address when there is one (null: neither the register nor the catalogue knows it).
   */
  public record Named(String reference, String title, String url) {}

  /**
   * A committee's page: what the register says of it ({@code inRegister}; all null or empty
   * otherwise), and a page of the catalogue's records of it, newest first.
   */
  public record CommitteePage(
      PageModels.Layout layout,
      String reference,
      boolean inRegister,
      String title,
      String status,
      String secretariat,
      String created,
      String scope,
      Named parent,
      List<Named> subcommittees,
      List<Named> liaisons,
      List<String> organizations,
      List<Hit> records,
      long total,
      int page,
      int lastPage,
      String prevUrl,
      String nextUrl,
      // The last page, linked from a page past it.
      String lastUrl,
      // The search of the catalogue filtered on the committee (null: no record names it).
      String searchUrl) {

    public Messages t() {
      return layout.t();
    }

    /**
     * The register's state of the committee ("Active", "Suspended") in the page's language ({@code
     * committee.state.<state>}); null for a state this version has no name for, which the page
     * shows as the register gives it, in English.
     */
    public String statusLabel() {
      if (status == null) {
        return null;
      }
      String key = "committee.state." + org.aisx.catalog.Slug.of(status);
      return t().has(key) ? t().get(key) : null;
    }

    /** The scope's paragraphs. */
    public List<String> scopeParagraphs() {
      return scope == null ? List.of() : List.of(scope.split("\n\n"));
    }

    /** Whether a record is a draft (marked in the list). */
    public boolean draft(Hit h) {
      return h.status() == org.aisx.catalog.Status.DRAFT;
    }
  }
}
