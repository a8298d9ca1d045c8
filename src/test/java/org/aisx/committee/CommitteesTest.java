package org.aisx.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The register kept in memory, and the version that pages and kept answers are keyed by. */
class CommitteesTest {

  /** A store holding a list in memory, counting its reads. */
  static final class ListStore implements CommitteeStore {
    List<Committee> committees = new ArrayList<>();
    int reads;

    @Override
    public List<Saved> saveAll(List<Committee> saved) {
      List<Saved> out = new ArrayList<>();
      for (Committee c : saved) {
        committees.removeIf(x -> x.slug().equals(c.slug()));
        committees.add(c);
        out.add(Saved.UPDATED);
      }
      return out;
    }

    @Override
    public Optional<Committee> find(String slug) {
      return committees.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    @Override
    public Map<String, Committee> findAll(Collection<String> slugs) {
      return Map.of();
    }

    @Override
    public Optional<Committee> byIsoId(long isoId) {
      return Optional.empty();
    }

    @Override
    public List<Committee> children(long isoId) {
      return List.of();
    }

    @Override
    public List<Committee> all() {
      reads++;
      return List.copyOf(committees);
    }

    @Override
    public long count() {
      return committees.size();
    }
  }

  static Committee committee(String reference, String title) {
    return new Committee(
        reference, 1L, title, "Active", null, null, null, null, null, null, null, reference);
  }

  @Test
  void theRegisterReadAgainUnchangedKeepsItsVersionAndAChangedOneMovesIt() {
    ListStore store = new ListStore();
    store.committees.add(committee("ISO/IEC JTC 1/SC 42", "Artificial intelligence"));
    AtomicLong now = new AtomicLong();
    Committees committees = new Committees(store, now::get);

    long first = committees.version();
    assertThat(committees.find("ISO/IEC JTC 1/SC 42")).isPresent();
    now.addAndGet(120_000_000_000L);
    committees.reloadIfOlderThan(60_000_000_000L);
    // Read again (another node may have imported), found the same: pages kept for it stay kept.
    assertThat(committees.version()).isEqualTo(first);
    assertThat(store.reads).isEqualTo(2);

    committees.saveAll(List.of(committee("ISO/IEC JTC 1/SC 42", "AI")));
    assertThat(committees.version()).isGreaterThan(first);
    assertThat(committees.find("ISO/IEC JTC 1/SC 42").orElseThrow().title()).isEqualTo("AI");
  }
}
