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

  /**
   * The id of the record {@code value} names as people type an identifier ({@code ISO/IEC 42005},
   * {@code 42001}), as the search ranks the records a query names by identifier: the current
   * edition (else the newest other edition) of the one publication it names most closely; empty
   * when it names none, or several publications as closely. An index that cannot tell names none.
   */
  default java.util.Optional<String> namedRecord(String value) {
    return java.util.Optional.empty();
  }
}
