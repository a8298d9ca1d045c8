package org.aisx.landscape;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.editions.EditionKey;
import org.aisx.editions.Twins;
import org.aisx.search.SearchIndex;
import org.aisx.semantic.Embedder;
import org.aisx.semantic.Vectors;
import org.aisx.store.Database;
import org.aisx.store.Leases;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The catalogue grouped into topics by meaning, and the duplication signals among them (SPEC §8),
 * computed in the background and served from the last result meanwhile.
 *
 * <p>Topics: spherical k-means (cosine) over the records' embeddings (the vectors of {@code
 * semantic/Vectors}, as the index holds them), k-means++ seeding with a fixed seed, k = round(√(n /
 * 2)) clamped to [{@value #MIN_K}, {@value #MAX_K}] (the rule of thumb, written down in
 * docs/landscape.md with what it gives on the starter catalogue). Each topic is labelled by its
 * characteristic words, c-TF-IDF over English titles and abstracts against the whole catalogue.
 *
 * <p>Duplication signals: pairs of in-force or draft records of different bodies whose cosine
 * similarity is at least {@link #DUPLICATE_FLOOR}, each record's nearest other-body neighbours
 * taken from the index, leaving out pairs already linked as the same text ({@code identical}) or as
 * an adoption.
 *
 * <p>Several nodes over one database compute them once: a computation is kept in the database
 * ({@link TopicSnapshots}) with the store's mark and the model it describes; a node computes only
 * when the kept one no longer describes the catalogue and it holds the {@value #LEASE_JOB} lease,
 * and the others serve the kept one, noticing a new one at their next poll of the change log. A
 * restart of an unchanged catalogue serves the kept computation and computes nothing.
 */
public final class Topics implements AutoCloseable {
  static final int MIN_K = 2;
  static final int MAX_K = 40;
  static final long SEED = 15;
  static final int MAX_ITERATIONS = 30;

  /** Vectors k-means is fitted on at most (a fixed-seed sample); all are then assigned. */
  static final int FIT_SAMPLE = 20_000;

  /** Words that label a topic. */
  static final int LABEL_WORDS = 4;

  /**
   * The cosine similarity from which two records of different bodies are flagged as possible
   * duplicated work. Fixed before judging (docs/landscape.md): well above the 0.64 at which a
   * record counts as close in meaning at all, so that a flagged pair is about the same subject.
   */
  public static final double DUPLICATE_FLOOR = 0.85;

  /** Other-body neighbours looked at per record for duplication signals. */
  static final int NEIGHBOURS = 5;

  /**
   * What a kept computation must have been made by to be served: the embedding model and the
   * version of these rules. A change of either makes the kept one stale, so a catalogue opened by a
   * build whose rules changed (2: parts of series published as common text are not duplication
   * signals; 3: a document its body publishes twice is one side of a pair, {@link Twins}; 4: and
   * one member of one topic, its card naming the records folded into it) computes again instead of
   * serving the old answer.
   */
  static final String COMPUTED_BY = Embedder.MODEL + "; topics rules 4";

  private static final Set<Status> CURRENT = Set.of(Status.IN_FORCE, Status.DRAFT);
  private static final Set<RelationType> LINKED =
      Set.of(RelationType.IDENTICAL, RelationType.ADOPTS, RelationType.ADOPTED_BY);

  /** Words that say nothing about a topic in a catalogue of standards. */
  private static final CharArraySet STOP = CharArraySet.unmodifiableSet(stopWords());

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Topics.class);

  /** The job lease under which one node at a time computes the topics. */
  static final String LEASE_JOB = "topics";

  /**
   * How long the lease lasts: longer than one computation over the whole shared-feed catalogue
   * (about six minutes of a core, BENCHMARKS.md, "The default mode over the whole shared-feed
   * catalogue"), so that it outlasts any computation; it is released when one ends, so a node that
   * dies while computing keeps the others waiting at most this long.
   */
  static final Duration LEASE_TERM = Duration.ofMinutes(20);

  /** How long a node that found another one computing waits before looking again. */
  public static final long RETRY_MILLIS = 60_000;

  /** While records wait for vectors, a computation is followed by this many times its time idle. */
  static final long CATCH_UP_SPACING = 9;

  /** {@link #staleIn}: the kept computation describes the catalogue until the next write. */
  static final long NEVER = Long.MAX_VALUE;

  private final CatalogStore store;
  private final Catalog catalog;
  private final SearchIndex index;
  private final Vectors vectors;
  private final TopicSnapshots snapshots;
  private final Leases.Lease lease;
  private final String node;
  private final Clock clock;
  private final long debounceMillis;
  private final long retryMillis;
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "landscape-topics");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
          });

  private volatile Snapshot current;

  /** The header of the kept computation served ({@link #current}), null before one is. */
  private volatile TopicSnapshots.Header adopted;

  /** The version of the kept computation last looked at, read or not. */
  private volatile long seen;

  private final AtomicBoolean adopting = new AtomicBoolean();
  private final AtomicInteger computations = new AtomicInteger();

  /** Writes told so far: a look a write asked for is never dropped. */
  private final AtomicLong asked = new AtomicLong();

  private ScheduledFuture<?> pending;
  private Progress progress = Progress.SILENT;

  /**
   * Topics over the records of {@code store} as {@code index} holds them, with their vectors from
   * {@code vectors}; each computation is kept in {@code db} for every node over it and computed
   * under a lease from {@code leases}, so that one node at a time computes them. Writes are
   * clustered once they have paused for {@code debounceMillis}; a node that finds another computing
   * looks again after {@code retryMillis} ({@link #RETRY_MILLIS} in service).
   */
  public Topics(
      Database db,
      ObjectMapper json,
      CatalogStore store,
      Catalog catalog,
      SearchIndex index,
      Vectors vectors,
      Leases leases,
      Clock clock,
      long debounceMillis,
      long retryMillis) {
    this.store = store;
    this.catalog = catalog;
    this.index = index;
    this.vectors = vectors;
    this.snapshots = new TopicSnapshots(db, json);
    this.lease = leases.on(LEASE_JOB, LEASE_TERM);
    this.node = leases.holder();
    this.clock = clock;
    this.debounceMillis = debounceMillis;
    this.retryMillis = retryMillis;
  }

  /**
   * A record as a topic lists it; {@code also}: the records of its body folded into it, the same
   * document under another identifier ({@link Twins}), as duplication signals name them.
   */
  public record Member(
      String id,
      String identifier,
      String title,
      String sdo,
      String committee,
      Status status,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Twins.Twin> also) {
    public Member {
      also = also == null ? List.of() : List.copyOf(also);
    }
  }

  /** One topic: its number (from 1), its characteristic words, its records. */
  public record Topic(int number, List<String> words, List<Member> members) {
    public Topic {
      words = List.copyOf(words);
      members = List.copyOf(members);
    }

    public int size() {
      return members.size();
    }

    /** Bodies by the number of the topic's records they issued, most first. */
    public Map<String, Long> bodies() {
      return ranked(members.stream().map(Member::sdo).filter(b -> b != null).toList());
    }

    /** The committees with in-force or draft records in the topic, most records first. */
    public Map<String, Long> activeCommittees() {
      return ranked(
          members.stream()
              .filter(m -> m.committee() != null && CURRENT.contains(m.status()))
              .map(Member::committee)
              .toList());
    }

    public double draftShare() {
      return members.isEmpty()
          ? 0
          : (double) members.stream().filter(m -> m.status() == Status.DRAFT).count()
              / members.size();
    }

    /** The same topic with only the members in {@code ids}. */
    public Topic restrictedTo(Set<String> ids) {
      return new Topic(number, words, members.stream().filter(m -> ids.contains(m.id())).toList());
    }
  }

  /** Two records of different bodies close in meaning, not linked as one text or an adoption. */
  public record Pair(Member a, Member b, double similarity) {
    /** Whether either record belongs to {@code committee}. */
    public boolean involves(String committee) {
      return committee.equals(a.committee()) || committee.equals(b.committee());
    }
  }

  /**
   * One computation: when, over how many records with embeddings (and how many had none yet), the k
   * chosen, the topics largest first and the duplication signals most similar first.
   */
  public record Snapshot(
      Instant computed,
      int embedded,
      long withoutVector,
      int k,
      List<Topic> topics,
      List<Pair> duplicates,
      long millis) {
    public Snapshot {
      topics = List.copyOf(topics);
      duplicates = List.copyOf(duplicates);
    }

    public Optional<Topic> topic(int number) {
      return topics.stream().filter(t -> t.number() == number).findFirst();
    }
  }

  /** The last computation, this node's or another's, if one has finished. */
  public Optional<Snapshot> current() {
    return Optional.ofNullable(current);
  }

  /** Whether a computation, or a look at whether one is due, is queued or running here. */
  public synchronized boolean pending() {
    return pending != null && !pending.isDone();
  }

  /** How many computations this node has run since it started (for operators and tests). */
  public int computations() {
    return computations.get();
  }

  /**
   * Serves the kept computation at once, whichever node made it; computes in the background when it
   * no longer describes the catalogue, and again after each burst of writes ({@link #changed}).
   */
  public synchronized void start(Progress progress) {
    this.progress = progress;
    adoptKept();
    TopicSnapshots.Header h = adopted;
    long wait = staleIn(h, store.lastEventSeq(), vectors.count(), clock.millis(), debounceMillis);
    if (wait == NEVER) {
      LOG.info(
          "topics as computed by {} at {} over {} records: the catalogue has not changed since",
          h.computedBy(),
          h.computedAt(),
          current.embedded());
      return;
    }
    later(wait);
  }

  /**
   * How long the kept computation {@code h} (null: none) still describes a store whose last event
   * is {@code storeMark} and which holds {@code vectorsNow} vectors: 0 when it must be computed
   * now, {@link #NEVER} until a write. While records wait for their vectors and the embedding job
   * is storing them, a computation counts for {@value #CATCH_UP_SPACING} times its own time (at
   * least the debounce delay), so that clustering takes at most a tenth of a core while the job
   * catches up: over 69,000 records one computation takes about a minute, and recomputing as soon
   * as one ended kept a core busy for as long as the embedding job ran, slowing both it and the
   * searches.
   */
  static long staleIn(
      TopicSnapshots.Header h, long storeMark, long vectorsNow, long nowMillis, long debounce) {
    if (h == null || !COMPUTED_BY.equals(h.model()) || h.storeMark() != storeMark) {
      return 0;
    }
    if (h.withoutVector() == 0 || h.vectors() == vectorsNow) {
      return NEVER;
    }
    long until =
        h.computedAt().toEpochMilli() + Math.max(debounce, h.tookMillis() * CATCH_UP_SPACING);
    return Math.max(0, until - nowMillis);
  }

  /**
   * Called at every poll of the change log (several nodes): when another node has kept a new
   * computation, serves it (read on the topics thread, not the caller's), and drops a look queued
   * here that it makes needless.
   */
  public void poll() {
    if (snapshots.version() != seen && adopting.compareAndSet(false, true)) {
      try {
        worker.execute(
            () -> {
              try {
                adoptNewer();
              } finally {
                adopting.set(false);
              }
            });
      } catch (RejectedExecutionException e) {
        adopting.set(false); // stopping
      }
    }
  }

  /**
   * Serves another node's newer computation; when it describes the catalogue, the look queued here
   * (a retry while that node computed) is not needed, unless a write asked for it since.
   */
  private void adoptNewer() {
    long asked = this.asked.get();
    adoptKept();
    if (staleIn(adopted, store.lastEventSeq(), vectors.count(), clock.millis(), debounceMillis)
        == NEVER) {
      synchronized (this) {
        if (asked == this.asked.get()
            && pending != null
            && pending.getDelay(TimeUnit.MILLISECONDS) > 0) {
          pending.cancel(false);
        }
      }
    }
  }

  /** Serves the kept computation when it is newer than the one served. */
  private void adoptKept() {
    long version = snapshots.version();
    if (version == 0 || version == seen) {
      return;
    }
    seen = version;
    try {
      snapshots
          .latest()
          .ifPresent(
              s -> {
                current = s.snapshot();
                adopted = s.header();
              });
    } catch (RuntimeException e) {
      LOG.warn("{}; the topics are computed again", e.getMessage(), e);
    }
  }

  /** A record was written: recompute once writes have paused for the debounce delay. */
  public void changed(Standard written) {
    asked.incrementAndGet();
    later(debounceMillis, true);
  }

  /** Records were written through another node: as {@link #changed}. */
  public void written(Collection<String> ids) {
    if (!ids.isEmpty()) {
      asked.incrementAndGet();
      later(debounceMillis, true);
    }
  }

  /** Looks again after {@code delayMillis}, unless a look is due sooner. */
  private void later(long delayMillis) {
    later(delayMillis, false);
  }

  /**
   * Looks again after {@code delayMillis}; {@code replace}: in place of a look already queued (a
   * write: its burst must pause first), else unless one is due sooner.
   */
  private synchronized void later(long delayMillis, boolean replace) {
    if (worker.isShutdown()) {
      return;
    }
    if (pending != null && !pending.isDone()) {
      long queued = pending.getDelay(TimeUnit.MILLISECONDS);
      if (queued > 0) { // queued, not this very look running
        if (!replace && queued <= delayMillis) {
          return;
        }
        pending.cancel(false);
      }
    }
    try {
      pending = worker.schedule(this::tend, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("not looking at the topics again: the service is stopping");
    }
  }

  /**
   * Brings the topics up to date: serves another node's newer computation; when none describes the
   * catalogue, computes under the lease and keeps the result for every node; when another node
   * holds the lease, looks again later in case it stops before it ends.
   */
  private void tend() {
    try {
      if (!dueNow(look())) {
        return;
      }
      if (!lease.hold()) {
        LOG.debug("another node computes the topics; looking again in {} ms", retryMillis);
        later(retryMillis);
        return;
      }
      Snapshot s;
      try {
        // Again under the lease: another node may have kept a computation between the first look
        // and taking the lease (it released the lease when it ended).
        Look now = look();
        if (!dueNow(now)) {
          return;
        }
        TopicSnapshots.Header was = adopted;
        LOG.info(
            "computing the topics: the store is at event {} with {} vectors; the kept computation"
                + " {}",
            now.storeMark(),
            now.vectors(),
            was == null
                ? "is missing"
                : "(version "
                    + was.version()
                    + " by "
                    + was.computedBy()
                    + ") was at event "
                    + was.storeMark()
                    + " with "
                    + was.vectors()
                    + " vectors and "
                    + was.withoutVector()
                    + " records without one");
        s = compute(progress);
        computations.incrementAndGet();
        current = s;
        TopicSnapshots.Header kept =
            snapshots.keep(now.storeMark(), COMPUTED_BY, now.vectors(), node, s);
        adopted = kept;
        seen = kept.version();
      } finally {
        release();
      }
      if (s.withoutVector() > 0) {
        later(Math.max(debounceMillis, s.millis() * CATCH_UP_SPACING));
      }
    } catch (CancellationException e) {
      LOG.debug("topic clustering stopped: the service is stopping");
    } catch (RuntimeException e) {
      LOG.error("computing the topic clusters failed; the last result is served", e);
    }
  }

  /**
   * Whether {@code look} calls for a computation now; if not, queues the next look when one is due.
   */
  private boolean dueNow(Look look) {
    if (look.delay() == 0) {
      return true;
    }
    if (look.delay() != NEVER) {
      later(look.delay());
    }
    return false;
  }

  /** What a look at the store found: its last event, its vectors, and {@link #staleIn}'s delay. */
  private record Look(long storeMark, long vectors, long delay) {}

  /**
   * Serves another node's newer computation, then reads the store's mark (before any computation: a
   * write during it moves the mark, so the computation is not taken to describe that write) and how
   * long the served computation still describes the store.
   */
  private Look look() {
    adoptKept();
    long storeMark = store.lastEventSeq();
    long vectorsNow = vectors.count();
    return new Look(
        storeMark,
        vectorsNow,
        staleIn(adopted, storeMark, vectorsNow, clock.millis(), debounceMillis));
  }

  private void release() {
    try {
      lease.release();
    } catch (RuntimeException e) {
      LOG.warn("cannot release the topics lease: {}", e.toString());
    }
  }

  /**
   * Stops a computation when its thread is interrupted ({@link #close} on a stop): each loop over
   * the records calls this, so that a SIGTERM during clustering does not wait for the whole pass.
   */
  static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("interrupted");
    }
  }

  /** Computes the topics and duplication signals now, on this thread. */
  public Snapshot compute(Progress progress) {
    return compute(progress, DUPLICATE_FLOOR);
  }

  /** {@link #compute(Progress)} flagging pairs from {@code floor} (evaluations try others). */
  Snapshot compute(Progress progress, double floor) {
    long started = System.nanoTime();
    List<Member> all = new ArrayList<>();
    List<float[]> allVectors = new ArrayList<>();
    Set<String> folded = new HashSet<>();
    long without =
        index.forEachEmbedded(
            e -> {
              stopIfInterrupted();
              var h = e.hit();
              all.add(
                  new Member(
                      h.id(),
                      h.identifier(),
                      h.titleIn("en"),
                      h.sdo(),
                      h.committee(),
                      h.status(),
                      h.alsoPublishedAs()));
              allVectors.add(e.vector());
              if (e.folded()) {
                folded.add(h.id());
              }
            });
    // A document its body publishes twice is one member, its card, which names the records folded
    // into it ({@link Twins}), as result lists show it; a folded record whose card has no vector
    // yet stands for the document meanwhile.
    Set<String> named = new HashSet<>();
    for (Member m : all) {
      if (!folded.contains(m.id())) {
        m.also().forEach(t -> named.add(t.id()));
      }
    }
    folded.retainAll(named);
    List<Member> members = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!folded.contains(all.get(i).id())) {
        members.add(all.get(i));
        vectors.add(allVectors.get(i));
      }
    }
    int n = members.size();
    progress.start("Clustering topics", n);
    if (n == 0) {
      progress.finish("no embedded records to cluster");
      return new Snapshot(clock.instant(), 0, without, 0, List.of(), List.of(), 0);
    }
    int k = chooseK(n);
    float[][] points = vectors.toArray(new float[0][]);
    float[][] centroids = KMeans.fit(points, k, SEED, FIT_SAMPLE, MAX_ITERATIONS);
    int[] assigned = KMeans.assign(points, centroids);
    progress.advance(n / 2, n / 2);
    List<List<Member>> groups = new ArrayList<>();
    for (int c = 0; c < centroids.length; c++) {
      groups.add(new ArrayList<>());
    }
    Map<String, Integer> clusterOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      groups.get(assigned[i]).add(members.get(i));
      clusterOf.put(members.get(i).id(), assigned[i]);
    }
    List<List<String>> words = labels(clusterOf, centroids.length, folded);
    List<Topic> topics = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < centroids.length; c++) {
      if (!groups.get(c).isEmpty()) {
        order.add(c);
      }
    }
    order.sort(Comparator.comparingInt((Integer c) -> -groups.get(c).size()).thenComparing(c -> c));
    int number = 1;
    for (int c : order) {
      List<Member> sorted = new ArrayList<>(groups.get(c));
      sorted.sort(Comparator.comparing(Member::identifier));
      topics.add(new Topic(number++, words.get(c), sorted));
    }
    List<Pair> duplicates = duplicates(members, points, progress, floor);
    long millis = (System.nanoTime() - started) / 1_000_000;
    progress.finish(topics.size() + " topics, " + duplicates.size() + " duplication signals");
    return new Snapshot(clock.instant(), n, without, k, topics, duplicates, millis);
  }

  /** The rule for k: √(n / 2), rounded, within [MIN_K, MAX_K] and at most n. */
  static int chooseK(int n) {
    int k = (int) Math.round(Math.sqrt(n / 2.0));
    return Math.min(n, Math.max(MIN_K, Math.min(MAX_K, k)));
  }

  // ---- labels: c-TF-IDF

  /**
   * Per cluster, its most characteristic words: c-TF-IDF (as BERTopic defines it), the frequency of
   * a word in the cluster's titles and abstracts times log(1 + A / f), where f is the word's
   * frequency over the whole catalogue's titles and abstracts and A the average number of words per
   * cluster. Words that occur in fewer than two of the cluster's records are left out. The records
   * {@code folded} into their card are its text, counted once, as the card's.
   */
  private List<List<String>> labels(Map<String, Integer> clusterOf, int k, Set<String> folded) {
    Map<String, Long> catalogue = new HashMap<>();
    List<Map<String, Long>> inCluster = new ArrayList<>();
    List<Map<String, Integer>> recordsWith = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      inCluster.add(new HashMap<>());
      recordsWith.add(new HashMap<>());
    }
    long[] totalWords = new long[1];
    try (Analyzer analyzer = new StandardAnalyzer(STOP)) {
      store.forEach(
          s -> {
            stopIfInterrupted();
            if (folded.contains(s.id())) {
              return;
            }
            List<String> tokens = tokens(analyzer, text(s));
            Integer c = clusterOf.get(s.id());
            for (String t : tokens) {
              catalogue.merge(t, 1L, Long::sum);
              if (c != null) {
                inCluster.get(c).merge(t, 1L, Long::sum);
                totalWords[0]++;
              }
            }
            if (c != null) {
              for (String t : new HashSet<>(tokens)) {
                recordsWith.get(c).merge(t, 1, Integer::sum);
              }
            }
          });
    }
    double average = (double) totalWords[0] / Math.max(1, k);
    List<List<String>> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      Map<String, Integer> spread = recordsWith.get(c);
      Map<String, Double> weight = new HashMap<>();
      // A cluster of one record has no word in two of its records: it is named by its own words.
      int least = spread.values().stream().anyMatch(v -> v >= 2) ? 2 : 1;
      inCluster
          .get(c)
          .forEach(
              (t, tf) -> {
                if (spread.getOrDefault(t, 0) >= least) {
                  weight.put(t, tf * Math.log(1 + average / catalogue.get(t)));
                }
              });
      out.add(
          weight.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(LABEL_WORDS)
              .map(Map.Entry::getKey)
              .toList());
    }
    return out;
  }

  private static String text(Standard s) {
    String title = s.titleIn("en");
    String summary = Standard.pick(s.summary(), "en");
    return (title == null ? "" : title) + "\n" + (summary == null ? "" : summary);
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        if (t.length() > 2 && Character.isLetter(t.charAt(0)) && !STOP.contains(t)) {
          out.add(t);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    for (String w :
        List.of(
            "part",
            "parts",
            "standard",
            "standards",
            "document",
            "documents",
            "edition",
            "amendment",
            "corrigendum",
            "annex",
            "version",
            "general",
            "using",
            "based",
            "use",
            "also",
            "can",
            "may",
            "within",
            "including",
            "provides",
            "specifies",
            "describes",
            "defines",
            "recommendation",
            "specification",
            "requirements",
            "guidelines",
            "international",
            "iso",
            "iec",
            "ieee",
            "itu",
            "ietf",
            "jtc",
            "its",
            "which",
            "from",
            "other",
            "new",
            "used",
            "well",
            "these",
            "all",
            "how",
            "each",
            "more",
            "has",
            "have",
            "been",
            "between",
            "technical",
            "report",
            "series",
            "clause",
            "supplement",
            "framework",
            "overview",
            "information",
            "technology",
            "recommended",
            "practice",
            "draft",
            "guide",
            "trial",
            "active",
            "project",
            "purpose",
            "scope")) {
      set.add(w);
    }
    return set;
  }

  // ---- duplication signals

  private List<Pair> duplicates(
      List<Member> members, float[][] points, Progress progress, double floor) {
    Map<String, Member> byId = new HashMap<>();
    members.forEach(m -> byId.put(m.id(), m));
    Map<String, Pair> pairs = new LinkedHashMap<>();
    int n = members.size();
    for (int i = 0; i < n; i++) {
      stopIfInterrupted();
      Member m = members.get(i);
      if (!CURRENT.contains(m.status()) || m.sdo() == null) {
        continue;
      }
      for (SearchIndex.Neighbour nb :
          index.nearest(points[i], NEIGHBOURS, Set.of(m.sdo()), CURRENT)) {
        Member other = byId.get(nb.hit().id());
        if (other == null
            || nb.similarity() < floor
            || other.sdo() == null
            || other.sdo().equals(m.sdo())) {
          continue;
        }
        Member a = m.id().compareTo(other.id()) < 0 ? m : other;
        Member b = a == m ? other : m;
        pairs.putIfAbsent(a.id() + "\u0000" + b.id(), new Pair(a, b, nb.similarity()));
      }
      if (i % 500 == 0) {
        progress.advance(n / 2 + i / 2, n / 2 + i / 2);
      }
    }
    List<Pair> found = new ArrayList<>();
    for (Pair p : pairs.values()) {
      if (!linked(p.a().id(), p.b().id()) && !linked(p.b().id(), p.a().id())) {
        found.add(p);
      }
    }
    Comparator<Pair> order =
        Comparator.comparingDouble(Pair::similarity)
            .reversed()
            .thenComparing(p -> p.a().id())
            .thenComparing(p -> p.b().id());
    found.sort(order);
    // A document its body publishes twice (a W3C latest version and its dated edition) is one
    // side of one pair, named by its card with the other identifier: the most similar pair of
    // each card and other record is kept.
    Map<String, Member> cards = new HashMap<>();
    Map<String, Pair> folded = new LinkedHashMap<>();
    for (Pair p : found) {
      Member x = card(p.a(), byId, cards);
      Member y = card(p.b(), byId, cards);
      Member a = x.id().compareTo(y.id()) < 0 ? x : y;
      Member b = a == x ? y : x;
      folded.putIfAbsent(a.id() + "\u0000" + b.id(), new Pair(a, b, p.similarity()));
    }
    List<Pair> out = new ArrayList<>(folded.values());
    out.sort(order);
    return out;
  }

  /**
   * The member that stands for {@code m} in a duplication signal: the card {@code m} is folded
   * into, when it has a vector too, else {@code m}; with the records folded into it ({@link
   * Twins}).
   */
  private Member card(Member m, Map<String, Member> byId, Map<String, Member> cards) {
    return cards.computeIfAbsent(
        m.id(),
        id -> {
          Optional<Standard> s = catalog.find(id);
          if (s.isEmpty()) {
            return m;
          }
          Member card = Twins.foldedInto(s.get()).map(t -> byId.get(t.id())).orElse(null);
          if (card == null) {
            List<Twins.Twin> also = Twins.alsoPublishedAs(s.get());
            return also.isEmpty() ? m : withAlso(m, also);
          }
          return catalog
              .find(card.id())
              .map(c -> withAlso(card, Twins.alsoPublishedAs(c)))
              .orElse(card);
        });
  }

  private static Member withAlso(Member m, List<Twins.Twin> also) {
    return new Member(m.id(), m.identifier(), m.title(), m.sdo(), m.committee(), m.status(), also);
  }

  /**
   * Whether {@code from} says it is the same text as {@code to}, or adopts or is adopted by it, or
   * is part of a series of which {@code from} is such a text: the link names the other record's id,
   * or an identifier of a publication in the other record's series ({@link EditionKey#seriesOf}).
   * So an undated link ("ISO/IEC 6048-1") holds for the dated edition and the draft it names, and
   * parts of two series published as common text (ITU-T T.840.x | ISO/IEC 6048-x) are one joint
   * work, not duplicated work, whichever parts are compared.
   */
  private boolean linked(String from, String to) {
    Optional<Standard> source = catalog.find(from);
    Optional<Standard> target = catalog.find(to);
    if (source.isEmpty() || target.isEmpty()) {
      return false;
    }
    String series = EditionKey.seriesOf(target.get().identifier(), target.get().sdo());
    for (Relation r : source.get().relations()) {
      if (LINKED.contains(r.type())
          && (to.equals(r.targetId()) || series.equals(EditionKey.seriesOf(r.target(), null)))) {
        return true;
      }
    }
    for (Identifier i : source.get().identifiers()) {
      String type = i.type() == null ? "" : i.type().toUpperCase(Locale.ROOT);
      if (EditionKey.TWIN_IDENTIFIER_TYPES.contains(type)
          && series.equals(EditionKey.seriesOf(i.value(), null))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Long> ranked(List<String> values) {
    Map<String, Long> counts = new HashMap<>();
    values.forEach(v -> counts.merge(v, 1L, Long::sum));
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
