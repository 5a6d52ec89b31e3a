package org.cathodekit.notebook;

import java.util.Map;
import java.util.Objects;

/**
 * One kernel-neutral display bundle: an HTML rendering, its plain-text fallback and output metadata
 * (JSON-able maps, lists, strings and numbers). {@link Display} hands it to whichever kernel runs
 * the notebook as a {@code display_data} message with {@code text/html} and {@code text/plain}.
 *
 * @param html     the {@code text/html} body (may be empty for a metadata-only output)
 * @param plain    the {@code text/plain} fallback
 * @param metadata the output's metadata (copied, unmodifiable)
 */
public record Rich(String html, String plain, Map<String, Object> metadata) {
    public Rich {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(plain, "plain");
        metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
    }

    /** A bundle without metadata. */
    public static Rich of(String html, String plain) {
        return new Rich(html, plain, Map.of());
    }
}
