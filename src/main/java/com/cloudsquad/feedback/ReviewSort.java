package com.cloudsquad.feedback;

/** The orders of the public reviews page. */
public enum ReviewSort {
    NEWEST("Newest", "created_at DESC, id DESC"),
    HIGHEST("Highest", "stars DESC, created_at DESC, id DESC"),
    LOWEST("Lowest", "stars ASC, created_at DESC, id DESC");

    private final String label;
    private final String orderBy;

    ReviewSort(String label, String orderBy) {
        this.label = label;
        this.orderBy = orderBy;
    }

    public String label() {
        return label;
    }

    String orderBy() {
        return orderBy;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static ReviewSort of(String value) {
        for (ReviewSort sort : values()) {
            if (sort.key().equals(value)) {
                return sort;
            }
        }
        return NEWEST;
    }
}
