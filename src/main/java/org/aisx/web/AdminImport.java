package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.aisx.account.Permission;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;

/**
 * The admin upload page: a feed file in any import format, imported with the same summary as the
 * command line. For admins only (SPEC §6); the form carries the session's CSRF token.
 */
public final class AdminImport implements Routes {
  static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
  private static final int MAX_SOURCE = 200;
  private static final Map<String, Importer.Format> FORMATS =
      Params.options(Importer.Format.values(), Importer.Format::wire);

  private final Importer importer;
  private final Access access;
  private final I18n i18n;
  private final PageRenderer pages;

  public AdminImport(Importer importer, Access access, I18n i18n, PageRenderer pages) {
    this.importer = importer;
    this.access = access;
    this.i18n = i18n;
    this.pages = pages;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/admin/import", this::form);
    router.post("/admin/import", this::upload);
  }

  void form(Context ctx) {
    access.require(ctx, Permission.IMPORT_FEED);
    Messages t = i18n.forRequest(ctx);
    pages.render(
        ctx,
        "import.jte",
        new PageModels.ImportPage(
            pages.layout(ctx, t, t.get("import.title")), access.formToken(ctx), null, null));
  }

  void upload(Context ctx) throws IOException {
    access.require(ctx, Permission.IMPORT_FEED);
    Messages t = i18n.forRequest(ctx);
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      throw CatalogException.BadParameter.of("file", "problem.chooseFile");
    }
    Params form = Params.form(ctx);
    Importer.Format format = form.choice("format", FORMATS, Importer.Format.AUTO);
    String source = form.text("source");
    if (source == null) {
      source = file.filename();
    }
    if (source.length() > MAX_SOURCE) {
      throw CatalogException.BadParameter.of(
          "source", "invalid.tooLong", String.valueOf(MAX_SOURCE));
    }
    String safeName = file.filename().replaceAll("[^A-Za-z0-9._-]", "_");
    Path dir = Files.createTempDirectory("aisx-upload");
    Path saved = dir.resolve(safeName.isEmpty() ? "upload" : safeName);
    try (InputStream in = file.content()) {
      Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
      ImportSummary summary =
          importer.importFiles(
              format, List.of(saved), source, Progress.SILENT, t.get("import.formatNotRecognised"));
      AuditRecorder.note(
          ctx,
          "import",
          file.filename(),
          "format " + format + ", source " + source + ": " + summary);
      pages.render(
          ctx,
          "import.jte",
          new PageModels.ImportPage(
              pages.layout(ctx, t, t.get("import.title")),
              access.formToken(ctx),
              summary,
              file.filename()));
    } finally {
      Files.deleteIfExists(saved);
      Files.deleteIfExists(dir);
    }
  }
}
