package org.aisx.semantic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aisx.catalog.Standard;
import org.aisx.search.VectorSource;
import org.aisx.store.ChangeLog;
import org.aisx.store.Database;

/**
 * Stored embeddings, one per record and model, in the catalogue's database. A vector counts only
 * while the hash of the text it was computed from equals the hash of the record's current text.
 */
public final class Vectors implements VectorSource {
  private final Database db;

  /**
   * Ids that have a stored vector. The index asks for every record it indexes; during an import of
   * new records none has one, and this answers without hashing text or querying the database (which
   * had made the import of the shared feeds 45 % slower).
   */
  private final Set<String> stored = ConcurrentHashMap.newKeySet();

  /** Where other nodes learn of vectors this one stores (nothing on the embedded store). */
  private final ChangeLog changes;

  public Vectors(Database db) {
    this.db = db;
    this.changes = new ChangeLog(db);
    stored.addAll(hashes().keySet());
  }

  @Override
  public float[] vectorFor(Standard record) {
    if (!stored.contains(record.id())) {
      return null;
    }
    return find(record.id(), Embedder.hash(Embedder.textOf(record))).orElse(null);
  }

  /** The vector of {@code id} computed from text with this hash, if stored. */
  public Optional<float[]> find(String id, String textHash) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT vector FROM embedding WHERE id = :id AND model = :model"
                            + " AND text_hash = :hash")
                    .bind("id", id)
                    .bind("model", Embedder.MODEL)
                    .bind("hash", textHash)
                    .mapTo(byte[].class)
                    .findOne()
                    .map(Vectors::decode));
  }

  /** Every stored record id with the hash of the text its vector was computed from. */
  public Map<String, String> hashes() {
    Map<String, String> out = new HashMap<>();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery("SELECT id, text_hash FROM embedding WHERE model = :model")
                    .bind("model", Embedder.MODEL)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** Stores (or replaces) vectors in one transaction. */
  public void saveAll(Map<String, Computed> vectors) {
    if (vectors.isEmpty()) {
      return;
    }
    db.jdbi()
        .useTransaction(
            h -> {
              for (Map.Entry<String, Computed> e : vectors.entrySet()) {
                h.createUpdate("DELETE FROM embedding WHERE id = :id AND model = :model")
                    .bind("id", e.getKey())
                    .bind("model", Embedder.MODEL)
                    .execute();
                h.createUpdate(
                        "INSERT INTO embedding (id, model, text_hash, vector)"
                            + " VALUES (:id, :model, :hash, :vector)")
                    .bind("id", e.getKey())
                    .bind("model", Embedder.MODEL)
                    .bind("hash", e.getValue().textHash())
                    .bind("vector", encode(e.getValue().vector()))
                    .execute();
              }
              changes.noteDerived(h, vectors.keySet());
            });
    stored.addAll(vectors.keySet());
  }

  /**
   * Learns which of {@code ids} have a stored vector now: another node over the same database
   * stored them (this node learns of it from the {@link ChangeLog}).
   */
  public void refresh(java.util.Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      db.jdbi()
          .useHandle(
              h ->
                  h.createQuery("SELECT id FROM embedding WHERE model = :model AND id IN (<ids>)")
                      .bind("model", Embedder.MODEL)
                      .bindList("ids", chunk)
                      .mapTo(String.class)
                      .forEach(stored::add));
    }
  }

  public long count() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM embedding WHERE model = :model")
                    .bind("model", Embedder.MODEL)
                    .mapTo(Long.class)
                    .one());
  }

  /** A vector and the hash of the text it was computed from. */
  public record Computed(String textHash, float[] vector) {}

  static byte[] encode(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  static float[] decode(byte[] bytes) {
    float[] v = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
