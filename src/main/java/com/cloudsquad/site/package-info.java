/** The home page with its public counters, and the admin shell. */
@ApplicationModule(allowedDependencies = {"platform", "account", "catalog", "exam", "feedback"})
package com.cloudsquad.site;

import org.springframework.modulith.ApplicationModule;
