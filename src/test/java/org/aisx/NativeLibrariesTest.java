package org.aisx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's native libraries are unpacked once into the data directory and loaded from there, not
 * unpacked again into the temporary directory at every start ({@link NativeLibraries}).
 */
class NativeLibrariesTest {
  @TempDir Path natives;

  static final String SQLITE =
      org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath()
          + "/"
          + org.sqlite.util.LibraryLoaderUtil.getNativeLibName();

  @Test
  void aLibraryIsUnpackedWholeOnceAndFoundThereAfterwards() throws Exception {
    Path dir =
        NativeLibraries.unpackOnce(
            natives, "sqlite", org.sqlite.SQLiteJDBCLoader.class, List.of(SQLITE));
    assertThat(dir).isNotNull().startsWith(natives);
    assertThat(dir.getFileName().toString()).matches("sqlite-[0-9a-f]{8}");
    Path lib = dir.resolve(org.sqlite.util.LibraryLoaderUtil.getNativeLibName());
    try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(SQLITE)) {
      assertThat(Files.readAllBytes(lib)).isEqualTo(in.readAllBytes());
    }
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1); // no partial file left
    }
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(lib, old);

    assertThat(
            NativeLibraries.unpackOnce(
                natives, "sqlite", org.sqlite.SQLiteJDBCLoader.class, List.of(SQLITE)))
        .isEqualTo(dir);
    assertThat(Files.getLastModifiedTime(lib)).as("not written again").isEqualTo(old);
  }

  @Test
  void aLibraryThatIsNotInAJarKeepsItsDefault() {
    // The bundled corpus is in target/classes here: not a jar entry, so no CRC to name it by.
    assertThat(NativeLibraries.unpackOnce(natives, "x", App.class, List.of("/corpus/starter.json")))
        .isNull();
    assertThat(NativeLibraries.unpackOnce(natives, "x", App.class, List.of("/no/such/library.so")))
        .isNull();
    assertThat(natives).isEmptyDirectory();
  }
}
