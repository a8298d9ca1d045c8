package org.aisx.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.aisx.catalog.HistoryEvent;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AtomFeedTest {
  @Test
  void charactersXmlCannotCarryAreDroppedAndTheRestEscaped() throws Exception {
    String hostile = "a\u0000b\u0008c\uFFFEd\uD800e & <x> \"q\" 'a' ]]> \uD83D\uDE00";
    AtomFeed feed =
        new AtomFeed(
            "urn:uuid:00000000-0000-0000-0000-000000000000",
            hostile,
            null,
            "http://h/f\"><x>",
            "http://h/",
            Instant.parse("2026-01-01T00:00:00.123Z"),
            "en",
            List.of(
                new AtomFeed.Entry(
                    "urn:uuid:1",
                    hostile,
                    Instant.EPOCH,
                    "http://h/s",
                    hostile,
                    hostile,
                    List.of("k"))));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document d =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(feed.xml().getBytes(StandardCharsets.UTF_8)));
    String expected = "abcde & <x> \"q\" 'a' ]]> \uD83D\uDE00";
    assertThat(d.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo(expected);
    assertThat(d.getElementsByTagNameNS("*", "summary").item(0).getTextContent())
        .isEqualTo(expected);
    assertThat(d.getElementsByTagNameNS("*", "x").getLength()).isZero();
    assertThat(d.getElementsByTagNameNS("*", "updated").item(0).getTextContent())
        .isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void eventsGroupIntoOneChangePerWriteWithAStableId() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    List<HistoryEvent> newestFirst =
        List.of(
            new HistoryEvent(4, "b", t, HistoryEvent.Kind.CREATED, null, null, null, "x", "s", 1),
            new HistoryEvent(
                3, "a", t, HistoryEvent.Kind.FIELD_CHANGED, "title", "1", "2", "x", "s", 2),
            new HistoryEvent(
                2,
                "a",
                t,
                HistoryEvent.Kind.STATUS_CHANGED,
                "status",
                "draft",
                "in-force",
                "x",
                "s",
                2),
            new HistoryEvent(1, "a", t, HistoryEvent.Kind.CREATED, null, null, null, "x", "s", 1));
    List<Change> changes = Watch.group(newestFirst);
    assertThat(changes).extracting(Change::recordId).containsExactly("b", "a", "a");
    assertThat(changes.get(1).events()).hasSize(2);
    assertThat(changes.get(1).has(HistoryEvent.Kind.STATUS_CHANGED)).isTrue();
    assertThat(changes.get(1).atomId())
        .isEqualTo(new Change("a", 2, newestFirst.subList(1, 2), null).atomId())
        .isNotEqualTo(changes.get(2).atomId());
  }
}
