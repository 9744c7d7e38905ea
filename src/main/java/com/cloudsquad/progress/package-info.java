/** XP, streaks, achievements, per-domain mastery and the dashboard; listens to exam events. */
@ApplicationModule(allowedDependencies = {"platform", "exam", "account", "catalog"})
package com.cloudsquad.progress;

import org.springframework.modulith.ApplicationModule;
