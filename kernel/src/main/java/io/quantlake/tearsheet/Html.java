package io.quantlake.tearsheet;

/** HTML text escaping for element content and double-quoted attribute values. */
public final class Html {
    private Html() {
    }

    /**
     * Escapes {@code &}, {@code <}, {@code >}, {@code "} and {@code '} as character references, so that the
     * result is inert both as element content and inside a quoted attribute. {@code null} is an error.
     */
    public static String escape(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to escape must not be null");
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String ref = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (ref != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (ref != null) {
                    out.append(ref);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Makes JSON text safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} (which JSON
     * allows only inside strings) become {@code \u003c}, {@code \u003e} and {@code \u0026}, so no
     * {@code </script>} or {@code <!--} can end or alter the element. The JSON value is unchanged.
     */
    static String scriptSafeJson(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
