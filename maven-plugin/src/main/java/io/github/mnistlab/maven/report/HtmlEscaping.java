package io.github.mnistlab.maven.report;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * The template engine's event handler that HTML-escapes every value a template inserts, in text and
 * in quoted attributes alike. The only exception is a {@link Raw} value: a fragment the report drew
 * itself (an SVG chart, a picture's data URI), which a template opts into explicitly.
 */
public final class HtmlEscaping implements ReferenceInsertionEventHandler {
    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value instanceof Raw raw) {
            return raw.html();
        }
        return value == null ? null : escape(value.toString());
    }

    /** {@code text} with {@code & < > " '} replaced by character references. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
