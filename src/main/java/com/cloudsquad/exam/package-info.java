/** Attempts: selection, autosave, flags, timer, submit, scoring and results; publishes AttemptSubmitted. */
@ApplicationModule(allowedDependencies = {"platform", "catalog", "bank", "account"})
package com.cloudsquad.exam;

import org.springframework.modulith.ApplicationModule;
