package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.aisx.account.Permission;
import org.aisx.catalog.CatalogException;
import org.aisx.ingest.ImportJobs;
import org.aisx.ingest.Importer;

/**
 * The admin upload page: a feed file in any import format, imported in the background ({@link
 * ImportJobs}, one import at a time) while a page of its own follows it and then shows the same
 * summary as the command line. For admins only (SPEC §6); the form carries the session's CSRF
 * token.
 */
public final class AdminImport implements Routes {
  static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
  private static final int MAX_SOURCE = 200;

  /** How often a running import's page reloads itself (the messages say "every 2 seconds"). */
  static final int REFRESH_SECONDS = 2;

  private static final Map<String, Importer.Format> FORMATS =
      Params.options(Importer.Format.values(), Importer.Format::wire);

  private final ImportJobs jobs;
  private final Access access;
  private final AuditRecorder audit;
  private final I18n i18n;
  private final PageRenderer pages;

  public AdminImport(
      ImportJobs jobs, Access access, AuditRecorder audit, I18n i18n, PageRenderer pages) {
    this.jobs = jobs;
    this.access = access;
    this.audit = audit;
    this.i18n = i18n;
    this.pages = pages;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/admin/import", this::form);
    router.post("/admin/import", this::upload);
    router.get("/admin/import/{job}", this::job);
  }

  void form(Context ctx) {
    access.require(ctx, Permission.IMPORT_FEED);
    renderForm(ctx, null);
  }

  private void renderForm(Context ctx, ImportJobs.Job busy) {
    Messages t = i18n.forRequest(ctx);
    pages.render(
        ctx,
        "import.jte",
        new PageModels.ImportPage(
            pages.layout(ctx, t, t.get("import.title")),
            access.formToken(ctx),
            jobs.recent(),
            busy));
  }

  /**
   * Saves the upload and starts importing it: 303 to the import's page, or 409 with the form naming
   * the import that runs when one does. Whatever is wrong with the form is refused before anything
   * is saved.
   */
  void upload(Context ctx) throws IOException {
    String admin = access.require(ctx, Permission.IMPORT_FEED).email();
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
    jobs.checkSource(source);
    var running = jobs.running();
    if (running.isPresent()) {
      refuse(ctx, running.get(), file.filename());
      return;
    }
    String safeName = file.filename().replaceAll("[^A-Za-z0-9._-]", "_");
    Path dir = ImportJobs.saveDirectory();
    Path saved = dir.resolve(safeName.isEmpty() ? "upload" : safeName);
    ImportJobs.Job job;
    try {
      try (InputStream in = file.content()) {
        Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
      }
      String detail = "format " + format + ", source " + source;
      AuditRecorder.Later later = audit.later(ctx);
      job =
          jobs.start(
              new ImportJobs.Request(
                  saved,
                  file.filename(),
                  format,
                  source,
                  admin,
                  t.get("import.formatNotRecognised")),
              (ended, how) ->
                  later.record(
                      "import",
                      ended.request().fileName(),
                      how == ImportJobs.Phase.DONE && !ended.summary().failed() ? "ok" : "failed",
                      detail + ": " + result(ended, how)));
      AuditRecorder.note(ctx, "import-started", file.filename(), detail + ", job " + job.id());
    } catch (ImportJobs.Busy busy) {
      // Another upload started its import while this one was being saved.
      delete(saved, dir);
      refuse(ctx, busy.running(), file.filename());
      return;
    } catch (IOException | RuntimeException e) {
      delete(saved, dir);
      throw e;
    }
    ctx.redirect("/admin/import/" + job.id(), HttpStatus.SEE_OTHER);
  }

  private void refuse(Context ctx, ImportJobs.Job running, String fileName) {
    AuditRecorder.note(
        ctx, "import-refused", fileName, "an import is running: " + running.request().fileName());
    ctx.status(HttpStatus.CONFLICT);
    renderForm(ctx, running);
  }

  private static String result(ImportJobs.Job job, ImportJobs.Phase how) {
    return switch (how) {
      case DONE -> String.valueOf(job.summary());
      case STOPPED -> "stopped by the service's shutdown after " + job.records() + " records";
      case INTERRUPTED ->
          "interrupted after " + job.records() + " records: another node took the import's lease";
      default -> "failed after " + job.records() + " records: " + job.error();
    };
  }

  private static void delete(Path saved, Path dir) throws IOException {
    Files.deleteIfExists(saved);
    Files.deleteIfExists(dir);
  }

  /** An import's page: its progress while it runs (reloading itself), then its summary. */
  void job(Context ctx) {
    access.require(ctx, Permission.IMPORT_FEED);
    ImportJobs.Job job =
        jobs.get(ctx.pathParam("job"))
            .orElseThrow(() -> new CatalogException.NotFound("import " + ctx.pathParam("job")));
    Messages t = i18n.forRequest(ctx);
    PageModels.Layout layout =
        pages.layout(ctx, t, t.get("import.jobTitle", job.request().fileName()));
    if (job.phase().running()) {
      layout = layout.refreshingEvery(REFRESH_SECONDS);
    }
    pages.render(ctx, "import-job.jte", new PageModels.ImportJobPage(layout, job));
  }
}
