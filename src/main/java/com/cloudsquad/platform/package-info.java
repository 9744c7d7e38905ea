/**
 * Infrastructure every module may use: the embedded default database, the datasource mapping for
 * Elastic Beanstalk, the clock and randomness, scheduling, the lean session store, and how pages
 * write times ({@link com.cloudsquad.platform.DisplayTime}), and the admin audit log
 * ({@link com.cloudsquad.platform.AdminAudit}) every admin action is written to. Holds no business rules.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.cloudsquad.platform;

import org.springframework.modulith.ApplicationModule;
