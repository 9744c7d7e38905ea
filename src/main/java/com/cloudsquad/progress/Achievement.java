package com.cloudsquad.progress;

/** What a candidate can earn, each once (per certification where it names one). */
enum Achievement {
    FIRST_TEST("First test", "Submitted a first test."),
    FIRST_PASS("First pass", "Passed a readiness test or mock exam."),
    STREAK_7("7-day streak", "Answered 10+ questions a day for 7 days in a row."),
    STREAK_30("30-day streak", "Answered 10+ questions a day for 30 days in a row."),
    MOCK_90("90 % on a mock", "Got 90 % or more right in a mock exam."),
    ANSWERED_100("100 questions", "Answered 100 questions."),
    ANSWERED_1000("1,000 questions", "Answered 1,000 questions."),
    ALL_DOMAINS_80("Every domain at 80 %", "Reached 80 % mastery in every domain of a certification.");

    private final String label;
    private final String description;

    Achievement(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
