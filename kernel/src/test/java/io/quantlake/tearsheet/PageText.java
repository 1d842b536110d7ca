package io.quantlake.tearsheet;

/** Reading a rendered {@link ReportPage} back in tests (also used by research-core's tear sheet tests). */
public final class PageText {
    private PageText() {
    }

    /** The text of the JSON script of chart {@code id} (e.g. {@code chart-1}) in a page's HTML. */
    public static String chartJson(String html, String id) {
        String open = "<script type=\"application/json\" id=\"" + id + "-data\">";
        int start = html.indexOf(open) + open.length();
        return html.substring(start, html.indexOf("</script>", start));
    }
}
