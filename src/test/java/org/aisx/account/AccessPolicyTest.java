package org.aisx.account;

import static org.aisx.account.AccessPolicy.Decision.ALLOW;
import static org.aisx.account.AccessPolicy.Decision.FORBIDDEN;
import static org.aisx.account.AccessPolicy.Decision.SIGN_IN_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.aisx.account.AccessPolicy.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role × every permission × the bodies a write touches: the contributor's own body, another
 * body, both, and none. The expected table is written out here by hand from SPEC §6, not derived
 * from the policy's code.
 */
class AccessPolicyTest {
  static final AccessPolicy POLICY = new AccessPolicy();

  /** The bodies a write can touch, seen from a contributor of ITU-T. */
  enum Scope {
    OWN(List.of("ITU-T")),
    OWN_OTHER_SPELLING(List.of(" itu-t ")),
    OTHER(List.of("ISO/IEC")),
    OWN_AND_OTHER(List.of("ITU-T", "ISO/IEC")),
    NONE(List.of());

    final List<String> bodies;

    Scope(List<String> bodies) {
      this.bodies = bodies;
    }
  }

  static User account(Role role) {
    Set<String> bodies = role == Role.CONTRIBUTOR ? Set.of("ITU-T", "IETF") : Set.of();
    return new User("id-" + role, role.wire() + "@example.org", role, bodies, Instant.EPOCH);
  }

  /** Writes a contributor may make for their own bodies only. */
  static final Set<Permission> BODY_SCOPED =
      EnumSet.of(Permission.SUBMIT_CREATE, Permission.SUBMIT_UPDATE, Permission.DECIDE_RELATION);

  /** Writes any contributor may make, whatever their bodies. */
  static final Set<Permission> ANY_CONTRIBUTOR = EnumSet.of(Permission.SUBMIT_RESOURCE);

  static final Set<Permission> COMMITTEE =
      EnumSet.of(
          Permission.REMOVE_RESOURCE,
          Permission.VIEW_REVIEW_QUEUE,
          Permission.DECIDE_SUBMISSION,
          Permission.EDIT_RECORD,
          Permission.EDIT_TAXONOMY,
          Permission.EDIT_FIELD_POLICY,
          Permission.CONFIRM_CLASSIFICATION,
          Permission.CONFIRM_MAPPINGS,
          Permission.PUBLISH_SUITE);
  static final Set<Permission> OPERATIONS =
      EnumSet.of(Permission.MANAGE_ACCOUNTS, Permission.IMPORT_FEED, Permission.READ_AUDIT_TRAIL);

  /** The table: what each role gets for each permission, and for contributors, each scope. */
  static Decision expected(Role role, Permission p, Scope scope) {
    return switch (role) {
      case PUBLIC -> SIGN_IN_REQUIRED;
      case CONTRIBUTOR ->
          ANY_CONTRIBUTOR.contains(p)
                  || (BODY_SCOPED.contains(p)
                      && (scope == Scope.OWN || scope == Scope.OWN_OTHER_SPELLING))
              ? ALLOW
              : FORBIDDEN;
      case COORDINATOR -> OPERATIONS.contains(p) ? FORBIDDEN : ALLOW;
      case ADMIN -> ALLOW;
    };
  }

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (Role role : Role.values()) {
      for (Permission p : Permission.values()) {
        for (Scope scope : Scope.values()) {
          all.add(Arguments.of(role, p, scope, expected(role, p, scope)));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} on {2}: {3}")
  @MethodSource("matrix")
  void everyRoleEveryWriteEveryBody(Role role, Permission p, Scope scope, Decision expected) {
    User user = role == Role.PUBLIC ? null : account(role);
    assertThat(POLICY.decide(user, p, scope.bodies)).isEqualTo(expected);
  }

  @Test
  void theTableCoversEveryPermission() {
    Set<Permission> covered = EnumSet.noneOf(Permission.class);
    covered.addAll(BODY_SCOPED);
    covered.addAll(ANY_CONTRIBUTOR);
    covered.addAll(COMMITTEE);
    covered.addAll(OPERATIONS);
    assertThat(covered).containsExactlyInAnyOrder(Permission.values());
    // Only the submission writes and decisions on held relations are scoped to a contributor's
    // bodies.
    for (Permission p : Permission.values()) {
      assertThat(p.bodyScoped()).as(p.name()).isEqualTo(BODY_SCOPED.contains(p));
    }
  }

  @Test
  void aContributorOfSeveralBodiesMayWriteForEachButNotMoveARecordOutOfThem() {
    User both = account(Role.CONTRIBUTOR);
    for (Map.Entry<List<String>, Decision> e :
        Map.of(
                List.of("ITU-T"), ALLOW,
                List.of("IETF"), ALLOW,
                List.of("ITU-T", "IETF"), ALLOW,
                List.of("IETF", "IEEE"), FORBIDDEN,
                List.of("ITU"), FORBIDDEN)
            .entrySet()) {
      assertThat(POLICY.decide(both, Permission.SUBMIT_UPDATE, e.getKey()))
          .as(e.getKey().toString())
          .isEqualTo(e.getValue());
    }
  }
}
