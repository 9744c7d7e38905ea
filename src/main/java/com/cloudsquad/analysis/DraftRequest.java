package com.cloudsquad.analysis;

/** What an admin asks the model to draft: questions for one domain of one certification. */
public record DraftRequest(
        String certificationCode, String certificationName, String domain, int difficulty, int count, String topic) {}
