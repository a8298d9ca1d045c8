package org.aisx.catalog;

/** What the catalogue needs from its search index: keep it in step with the store. */
public interface CatalogIndex {

  /** Adds or replaces the record's document; visible to searches after {@link #publish}. */
  void upsert(Standard record);

  /**
   * Adds the document of a record the store did not have before this write (so the index, derived
   * from the store, has no document for it either); cheaper than {@link #upsert} in a bulk load.
   */
  default void add(Standard record) {
    upsert(record);
  }

  /** Makes all changes so far durable and searchable, noting the store's event mark. */
  void publish(long storeMark);
}
