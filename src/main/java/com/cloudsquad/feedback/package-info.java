/** Platform reviews and ratings, question problem reports. */
@ApplicationModule(allowedDependencies = {"platform", "bank"})
package com.cloudsquad.feedback;

import org.springframework.modulith.ApplicationModule;
