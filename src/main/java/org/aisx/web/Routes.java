package org.aisx.web;

import io.javalin.router.JavalinDefaultRouting;

/**
 * A part of the web layer that adds its own routes to the server: each feature's handler registers
 * the paths it answers, next to the handlers themselves. The few cross-cutting parts (the write
 * limit, the CSRF check, metrics, the audit trail) register the filters they run before or after
 * every request instead. {@code org.aisx.App} builds them all and hands the list to {@link
 * WebServer}, in order: filters run in the order they are registered.
 */
public interface Routes {
  void register(JavalinDefaultRouting router);
}
