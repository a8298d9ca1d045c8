package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.aisx.Fuzzing;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.taxonomy.Taxonomy;

/**
 * Fuzzing of the feed readers (issue 18) with Jazzer: whatever the bytes, each reader gives records
 * that pass the record's validation or are refused by it with named problems, named rejections, or
 * an {@link IOException} with a message (the import's "document" rejection, which stops that file);
 * never another exception. A rejection that only wraps an unexpected exception ("cannot map record:
 * java.lang...") counts as one.
 *
 * <p>The unit tests ({@code mvn test}) replay each target's corpus in {@code
 * src/test/resources/org/aisx/ingest/FeedParsersFuzzTestInputs/<target>/} (the seeds are small
 * fixtures; what fuzzing found is added there). {@code mvn verify} then fuzzes each target for
 * {@link Fuzzing#BOUNDED} in its own failsafe execution (pom.xml, {@code fuzz-<target>}); one
 * alone: {@code mvn -o failsafe:integration-test@fuzz-csv failsafe:verify@fuzz-csv} after {@code
 * mvn -o test-compile}, longer with {@code -Djazzer.internal.arg.0=fuzz
 * -Djazzer.internal.arg.1=-max_total_time=300} (BENCHMARKS.md, "Fuzzing (issue 18)").
 */
class FeedParsersFuzzTest {
  private static final StandardReader VALIDATOR =
      new StandardReader(Taxonomy.bundled(Json.mapper()));

  /** The input as the importer gives it to a line-based reader. */
  private static InputStream input(byte[] bytes) {
    return Inputs.lineLimited(new ByteArrayInputStream(bytes), Inputs.MAX_LINE_BYTES);
  }

  private static void validated(Standard s) {
    try {
      VALIDATOR.read(s);
    } catch (CatalogException.Invalid e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }

  private static void named(String where, String reason) {
    assertThat(where).isNotBlank();
    assertThat(reason).isNotBlank().doesNotStartWith("cannot map record: java.lang.");
  }

  private static void feedRecord(FeedRecord r) {
    if (r instanceof FeedRecord.Mapped m) {
      validated(m.standard());
    } else if (r instanceof FeedRecord.Rejected x) {
      named(x.where(), x.reason());
    }
  }

  /** An input failure the importer reports by the exception's message. */
  private static void documentRejected(IOException e) {
    assertThat(e.getMessage()).as(e.toString()).isNotBlank();
  }

  @FuzzTest(maxDuration = Fuzzing.BOUNDED)
  void relaton(byte[] bytes) {
    new RelatonReader("fuzz", VALIDATOR::read)
        .read(
            input(bytes),
            outcome -> {
              if (outcome instanceof RelatonReader.Outcome.Rejected r) {
                named("record " + r.recordNumber(), r.reason());
              } else if (outcome instanceof RelatonReader.Outcome.Mapped m) {
                validated(m.standard());
              }
            });
  }

  @FuzzTest(maxDuration = Fuzzing.BOUNDED)
  void rfcIndex(byte[] bytes) {
    try {
      new RfcIndexReader("fuzz").read(input(bytes), FeedParsersFuzzTest::feedRecord);
    } catch (IOException e) {
      documentRejected(e);
    }
  }

  @FuzzTest(maxDuration = Fuzzing.BOUNDED)
  void isoOpenData(byte[] bytes) {
    try {
      // With the identifier of some ISO ids, so that the replaces/replacedBy lookups run.
      new IsoOpenDataReader(
              "fuzz",
              isoId -> isoId % 3 == 0 ? Optional.of("ISO " + isoId + ":2020") : Optional.empty())
          .read(input(bytes), FeedParsersFuzzTest::feedRecord);
    } catch (IOException e) {
      documentRejected(e);
    }
  }

  @FuzzTest(maxDuration = Fuzzing.BOUNDED)
  void csv(byte[] bytes) {
    try {
      new CsvReader("fuzz").read(input(bytes), FeedParsersFuzzTest::feedRecord);
    } catch (IOException e) {
      documentRejected(e);
    }
  }

  @FuzzTest(maxDuration = Fuzzing.BOUNDED)
  void ris(byte[] bytes) {
    try {
      new RisReader("fuzz").read(input(bytes), FeedParsersFuzzTest::feedRecord);
    } catch (IOException e) {
      documentRejected(e);
    }
  }
}
