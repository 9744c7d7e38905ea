package com.cloudsquad.exam;

/**
 * The difficulty (1 easy – 3 hard) a domain drill should aim at for a candidate. Exam defines it
 * and progress implements it (progress knows the candidate's mastery; exam must not depend on
 * progress). Without a bean, drills keep the bank's mix.
 */
public interface DrillDifficulty {

    int difficultyFor(long accountId, long domainId);
}
