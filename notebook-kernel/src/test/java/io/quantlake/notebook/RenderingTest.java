package io.quantlake.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderingTest {
    private static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};

    @Test
    void plainValuesAreText() {
        assertEquals("42", Rendering.render(42).getData(MIMEType.TEXT_PLAIN));
        assertEquals("null", Rendering.render(null).getData(MIMEType.TEXT_PLAIN));
        assertEquals("[1, 2]", Rendering.render(new int[] {1, 2}).getData(MIMEType.TEXT_PLAIN));
        assertEquals("[[a], [b, c]]", Rendering.render(new String[][] {{"a"}, {"b", "c"}}).getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void htmlBundleHasHtmlAndATextFallback() {
        DisplayData data = Rendering.html("<b>x</b>");
        assertEquals("<b>x</b>", data.getData(MIMEType.TEXT_HTML));
        assertEquals("<HTML, 8 chars>", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void pngBytesAreBase64Encoded() {
        DisplayData data = Rendering.png(PNG_HEADER);
        assertArrayEquals(PNG_HEADER, Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG)));
        assertTrue(Rendering.render(PNG_HEADER).hasDataForType(MIMEType.IMAGE_PNG), "PNG bytes as a value render as an image");
        assertFalse(Rendering.render(new byte[] {1, 2}).hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    void imagesAreEncodedAsPng() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        byte[] png = Base64.getDecoder().decode((String) Rendering.render(image).getData(MIMEType.IMAGE_PNG));
        assertArrayEquals(java.util.Arrays.copyOf(PNG_HEADER, 8), java.util.Arrays.copyOf(png, 8));
    }

    @Test
    void nonPngBytesAreRejectedWithTheirSignature() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rendering.png(new byte[] {(byte) 0xFF, (byte) 0xD8, 1}));
        assertEquals("image(byte[]) expects PNG bytes starting with 89 50 4E 47 0D 0A 1A 0A, got FF D8 01 (3 bytes)", e.getMessage());
    }
}
