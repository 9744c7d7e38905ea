package com.cloudsquad.bank;

/**
 * What the admin list shows: every field optional, all kept in the URL.
 *
 * @param sort one of "updated", "id", "difficulty", "status"; a leading "-" sorts descending
 */
public record QuestionFilter(
        String text,
        Long certification,
        Long domain,
        Integer difficulty,
        QuestionStatus status,
        String tag,
        String sort,
        int page,
        int size) {

    public static final int DEFAULT_SIZE = 25;

    public QuestionFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(java.util.Locale.ROOT);
        sort = sort == null || sort.isBlank() ? "-updated" : sort;
        page = Math.max(page, 0);
        size = size <= 0 || size > 200 ? DEFAULT_SIZE : size;
    }

    /** The URL query of this filter on another page: what links and the browser history carry. */
    public String query(int otherPage) {
        StringBuilder query = new StringBuilder();
        append(query, "q", text);
        append(query, "certification", certification);
        append(query, "domain", domain);
        append(query, "difficulty", difficulty);
        append(query, "status", status);
        append(query, "tag", tag);
        append(query, "sort", "-updated".equals(sort) ? null : sort);
        append(query, "page", otherPage == 0 ? null : otherPage);
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }

    /** The export URL's query: this filter's selection in one format. */
    public String exportQuery(String format) {
        String query = query(0);
        return "?format=" + format + (query.isEmpty() ? "" : "&" + query.substring(1));
    }

    private static void append(StringBuilder query, String name, Object value) {
        if (value != null) {
            query.append('&')
                    .append(name)
                    .append('=')
                    .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public static QuestionFilter all() {
        return new QuestionFilter(null, null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }
}
