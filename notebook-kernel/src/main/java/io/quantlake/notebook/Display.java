package io.quantlake.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rich output for notebook cells: the static methods a cell calls to show HTML, images or any value
 * inline. The QuantLake kernel imports them in every session ({@code import static
 * io.quantlake.notebook.Display.*;}), so a cell simply writes {@code html("<b>hi</b>")}.
 *
 * <p>Each call publishes one {@code display_data} message to the cell's output at once, in the order
 * of the calls, before the cell's trailing expression value (if any). Outside the kernel (no
 * {@link #attach attached} sink) every method throws, so that a notebook helper used by mistake in
 * a batch job fails loudly instead of printing nothing.
 */
public final class Display {
    private static volatile Consumer<DisplayData> sink;

    private Display() {
    }

    /**
     * Shows {@code value} as the kernel renders a trailing expression: a {@link java.awt.image.RenderedImage}
     * or PNG bytes as {@code image/png}, a {@link DisplayData} as is, anything else as {@code text/plain}.
     */
    public static void display(Object value) {
        publish(Rendering.render(value));
    }

    /** Shows an HTML fragment ({@code text/html}, with its text as the {@code text/plain} fallback). */
    public static void html(String html) {
        Objects.requireNonNull(html, "html(String): html must not be null");
        publish(Rendering.html(html));
    }

    /** Shows a PNG image; {@code png} must start with the PNG signature {@code 89 50 4E 47 0D 0A 1A 0A}. */
    public static void image(byte[] png) {
        Objects.requireNonNull(png, "image(byte[]): png must not be null");
        publish(Rendering.png(png));
    }

    /**
     * Connects the display methods to a running kernel; called once by the kernel at start-up, not by
     * cells. {@code null} detaches.
     */
    public static void attach(Consumer<DisplayData> kernelSink) {
        sink = kernelSink;
    }

    private static void publish(DisplayData data) {
        Consumer<DisplayData> target = sink;
        if (target == null) {
            throw new IllegalStateException("io.quantlake.notebook.Display needs the QuantLake Jupyter kernel"
                    + " (no kernel attached in this JVM); use it only in notebook cells");
        }
        target.accept(data);
    }
}
