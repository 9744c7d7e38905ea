/**
 * Attempts: selection, autosave, flags, timer, submit, scoring and results; publishes {@link
 * com.cloudsquad.exam.AttemptSubmitted}. Other modules read attempts only through {@link
 * com.cloudsquad.exam.AttemptRecords} (with {@link com.cloudsquad.exam.Attempt} and its enums) and the
 * console's counts through {@link com.cloudsquad.exam.AttemptFigures};
 * the lifecycle ({@code Attempts}), selection and queries are package-private.
 */
@ApplicationModule(allowedDependencies = {"platform", "catalog", "bank", "account"})
package com.cloudsquad.exam;

import org.springframework.modulith.ApplicationModule;
