package io.quantlake.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Turns a cell's values into Jupyter MIME bundles: the one place that decides how a value looks in a
 * notebook, used both for a trailing expression ({@code execute_result}) and for
 * {@link io.quantlake.notebook.Display#display(Object)} ({@code display_data}).
 */
public final class Rendering {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Rendering() {
    }

    /**
     * The MIME bundle of {@code value}: {@link DisplayData} as is; a {@link RenderedImage} encoded as
     * PNG; a {@code byte[]} starting with the PNG signature as PNG; arrays by
     * {@link Arrays#deepToString}; anything else by {@link String#valueOf(Object)} as text/plain.
     */
    public static DisplayData render(Object value) {
        if (value instanceof DisplayData data) {
            return data;
        }
        if (value instanceof RenderedImage image) {
            return png(encodePng(image));
        }
        if (value instanceof byte[] bytes && isPng(bytes)) {
            return png(bytes);
        }
        return new DisplayData(text(value));
    }

    /** An HTML bundle with a short text/plain fallback for front ends that cannot show HTML. */
    public static DisplayData html(String html) {
        DisplayData data = new DisplayData("<HTML, " + html.length() + " chars>");
        data.putHTML(html);
        return data;
    }

    /** A PNG bundle (base64 in the message, as Jupyter requires). */
    public static DisplayData png(byte[] png) {
        if (!isPng(png)) {
            throw new IllegalArgumentException("image(byte[]) expects PNG bytes starting with 89 50 4E 47 0D 0A 1A 0A,"
                    + " got " + hexPrefix(png) + " (" + png.length + " bytes)");
        }
        DisplayData data = new DisplayData("<PNG image, " + png.length + " bytes>");
        data.putData(MIMEType.IMAGE_PNG, Base64.getEncoder().encodeToString(png));
        return data;
    }

    /** The text/plain form of a value: {@code "null"}, arrays element by element, else {@code toString()}. */
    static String text(Object value) {
        if (value != null && value.getClass().isArray()) {
            String deep = Arrays.deepToString(new Object[] {value});
            return deep.substring(1, deep.length() - 1);
        }
        return String.valueOf(value);
    }

    private static boolean isPng(byte[] bytes) {
        return bytes.length >= PNG_SIGNATURE.length
                && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
    }

    private static byte[] encodePng(RenderedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalArgumentException("no PNG writer accepts image type " + image.getClass().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a " + image.getWidth() + "x" + image.getHeight() + " image as PNG", e);
        }
        return out.toByteArray();
    }

    private static String hexPrefix(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
        }
        return hex.length() == 0 ? "no bytes" : hex.toString();
    }
}
