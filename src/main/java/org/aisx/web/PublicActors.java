package org.aisx.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.aisx.account.Accounts;
import org.aisx.account.Role;
import org.aisx.catalog.HistoryEvent;

/**
 * Who made a change, as the one asking may see it (issue 18): the history of a record, the change
 * log and its Atom feeds name staff by their accounts' e-mail addresses, which are not public. An
 * admin sees them; everyone else sees the account's bodies ("IEEE") or, for an account of no body,
 * its role ("coordinator"). Actors that are not accounts ("import", the classifier) are shown as
 * they are. The one place that decides it: every page, API answer and feed that shows an actor
 * takes its events through here.
 */
public final class PublicActors {
  private final Accounts accounts;
  private final Access access;
  private final I18n i18n;

  public PublicActors(Accounts accounts, Access access, I18n i18n) {
    this.accounts = accounts;
    this.access = access;
    this.i18n = i18n;
  }

  /** {@code events} as the viewer of {@code ctx} may see them. */
  List<HistoryEvent> forViewer(Context ctx, List<HistoryEvent> events) {
    boolean admin = access.user(ctx).map(u -> u.role() == Role.ADMIN).orElse(false);
    return admin ? events : forPublic(events, language(ctx));
  }

  /** {@code events} as anyone may see them (a feed, read by anyone who has its address). */
  List<HistoryEvent> forPublic(List<HistoryEvent> events, Messages t) {
    Map<String, String> names = new HashMap<>();
    return events.stream()
        .map(
            e ->
                isAccount(e.actor())
                    ? new HistoryEvent(
                        e.seq(),
                        e.recordId(),
                        e.at(),
                        e.kind(),
                        e.field(),
                        e.oldValue(),
                        e.newValue(),
                        names.computeIfAbsent(e.actor(), a -> publicName(a, t)),
                        e.source(),
                        e.revision())
                    : e)
        .toList();
  }

  /**
   * Actors' names as the viewer of {@code ctx} may see them (an admin the addresses, everyone else
   * {@link #publicName}), each account looked up once: for the taxonomy's and the glossary's
   * histories, suites' publications and the field policy's versions.
   */
  UnaryOperator<String> names(Context ctx) {
    boolean admin = access.user(ctx).map(u -> u.role() == Role.ADMIN).orElse(false);
    if (admin) {
      return UnaryOperator.identity();
    }
    Messages t = language(ctx);
    Map<String, String> names = new HashMap<>();
    return actor -> isAccount(actor) ? names.computeIfAbsent(actor, a -> publicName(a, t)) : actor;
  }

  /**
   * The language a role is named in for {@code ctx}: the page's; null for the JSON API, whose
   * answers name it by its code ({@code coordinator}) in every language, as openapi.json says.
   */
  Messages language(Context ctx) {
    return ctx.path().startsWith("/api/") ? null : i18n.forRequest(ctx);
  }

  /**
   * The public name of one actor (an account's e-mail, or another actor as it is): an account's
   * bodies, or its role in {@code t}'s language (by its code when {@code t} is null, for the API).
   */
  String publicName(String actor, Messages t) {
    if (!isAccount(actor)) {
      return actor;
    }
    return accounts
        .user(actor)
        .map(u -> u.bodies().isEmpty() ? role(u.role(), t) : String.join("/", u.bodies()))
        .orElse(role(Role.CONTRIBUTOR, t));
  }

  private static String role(Role role, Messages t) {
    return t == null ? role.wire() : t.get("role." + role.wire());
  }

  /** Accounts are named by e-mail address; nothing else the catalogue records has an "@". */
  private static boolean isAccount(String actor) {
    return actor != null && actor.indexOf('@') >= 0;
  }
}
