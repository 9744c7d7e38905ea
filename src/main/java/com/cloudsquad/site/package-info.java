/** The home page, the admin shell and (later) the public counters. */
@ApplicationModule(allowedDependencies = {"platform", "account", "catalog", "exam"})
package com.cloudsquad.site;

import org.springframework.modulith.ApplicationModule;
