/** Versioned questions, admin forms, import/export and item statistics. */
@ApplicationModule(allowedDependencies = {"platform", "catalog"})
package com.cloudsquad.bank;

import org.springframework.modulith.ApplicationModule;
