package io.github.mnistlab.maven.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Every word of the report, from the bundles {@code report_en.properties} and
 * {@code report_zh_CN.properties} (UTF-8). Chinese locales get Simplified Chinese, every other
 * locale English. A key missing from the bundle fails the rendering instead of showing a gap.
 */
public final class ReportText {
    /** The bundles' base name, a class-path resource. */
    public static final String BUNDLE = "io.github.mnistlab.maven.report.report";

    private final Locale locale;
    private final ResourceBundle bundle;

    private ReportText(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    /** The words for {@code requested}: Simplified Chinese for {@code zh*}, English otherwise. */
    public static ReportText of(Locale requested) {
        Locale locale = "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new ReportText(locale, bundle);
    }

    /** The bundle's locale: {@code en} or {@code zh_CN}. */
    public Locale locale() {
        return locale;
    }

    /** The page's {@code lang} attribute: {@code en} or {@code zh-CN}. */
    public String lang() {
        return locale.toLanguageTag();
    }

    /** The word for {@code key}; throws {@link java.util.MissingResourceException} when there is none. */
    public String get(String key) {
        return bundle.getString(key);
    }

    /** The sentence for {@code key} with its {@code {0}}, {@code {1}}… filled in. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }
}
