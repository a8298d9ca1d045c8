package org.aisx.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aisx.committee.CommitteeStore.Saved;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the register of committees must do on every database the store runs on. */
abstract class CommitteeStoreContract {
  CommitteeStore store;

  /** Opens a fresh, empty store for one test. */
  abstract CommitteeStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  static final Committee JTC1 =
      new Committee(
          "ISO/IEC JTC 1",
          45020L,
          "Information technology",
          "Active",
          "ANSI",
          "1987-01-01",
          "Standardization in the field of information technology.",
          null,
          List.of(6794475L, 45306L),
          List.of("ISO/TC 37"),
          List.of("ITU"),
          "ISO/IEC JTC 001");

  static final Committee SC42 =
      new Committee(
          "ISO/IEC JTC 1/SC 42",
          6794475L,
          "Artificial intelligence",
          "Active",
          "ANSI",
          "2017-11-21",
          "Standardization in the area of Artificial Intelligence\n\n• Serve as the focus",
          45020L,
          List.of(),
          List.of("ISO/IEC JTC 1", "ISO/IEC JTC 1/SC 27"),
          List.of("ETSI", "ITU"),
          "ISO/IEC JTC 001/~SC 042");

  static final Committee SC27 =
      new Committee(
          "ISO/IEC JTC 1/SC 27",
          45306L,
          "Information security, cybersecurity and privacy protection",
          "Active",
          "DIN",
          "1989-01-01",
          null,
          45020L,
          null,
          null,
          null,
          "ISO/IEC JTC 001/~SC 027");

  @Test
  void aNewRegisterIsEmpty() {
    assertThat(store.count()).isZero();
    assertThat(store.all()).isEmpty();
    assertThat(store.find("iso-iec-jtc-1")).isEmpty();
    assertThat(store.findAll(List.of("iso-iec-jtc-1"))).isEmpty();
  }

  @Test
  void committeesComeBackWithEveryFieldByTheirSlugAndIsoId() {
    assertThat(store.saveAll(List.of(SC42, JTC1, SC27)))
        .containsExactly(Saved.CREATED, Saved.CREATED, Saved.CREATED);
    assertThat(store.count()).isEqualTo(3);
    assertThat(store.find("iso-iec-jtc-1-sc-42")).contains(SC42);
    assertThat(store.byIsoId(45020L)).contains(JTC1);
    assertThat(store.byIsoId(1L)).isEmpty();
    assertThat(store.findAll(List.of("iso-iec-jtc-1", "iso-iec-jtc-1-sc-27", "itu-t-sg13")))
        .containsOnlyKeys("iso-iec-jtc-1", "iso-iec-jtc-1-sc-27")
        .containsEntry("iso-iec-jtc-1-sc-27", SC27);
    // In the register's order (its sort keys), not the order they were saved in.
    assertThat(store.all()).containsExactly(JTC1, SC27, SC42);
    assertThat(store.children(45020L)).containsExactly(SC27, SC42);
    assertThat(store.children(6794475L)).isEmpty();
  }

  @Test
  void savingAgainUpdatesWhatChangedAndLeavesTheRestUnchanged() {
    store.saveAll(List.of(JTC1, SC42));
    Committee renamed =
        new Committee(
            SC42.reference(),
            SC42.isoId(),
            "Artificial intelligence systems",
            "Suspended",
            SC42.secretariat(),
            SC42.created(),
            SC42.scope(),
            SC42.parentId(),
            SC42.childIds(),
            SC42.liaisons(),
            SC42.organizations(),
            SC42.sortKey());
    assertThat(store.saveAll(List.of(JTC1, renamed, SC27)))
        .containsExactly(Saved.UNCHANGED, Saved.UPDATED, Saved.CREATED);
    assertThat(store.count()).isEqualTo(3);
    assertThat(store.find(SC42.slug())).contains(renamed);
    // The same committee twice in one save: the second is the entry.
    assertThat(store.saveAll(List.of(SC42, renamed))).containsExactly(Saved.UPDATED, Saved.UPDATED);
    assertThat(store.find(SC42.slug())).contains(renamed);
  }
}
