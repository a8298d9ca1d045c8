package org.aisx.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-visible strings of one language, from {@code messages_xx.properties}. */
public final class Messages {
  private final ResourceBundle bundle;
  private final Locale locale;

  Messages(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            "i18n.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  public String get(String key, Object... args) {
    return new MessageFormat(get(key), locale).format(args);
  }

  /** The language code, for {@code <html lang>}. */
  public String lang() {
    return locale.getLanguage();
  }

  /** Text direction, for {@code <html dir>}. */
  public String dir() {
    return locale.getLanguage().equals("ar") ? "rtl" : "ltr";
  }

  public Locale locale() {
    return locale;
  }
}
