/**
 * Infrastructure every module may use: the embedded default database, the datasource mapping for
 * Elastic Beanstalk, the clock, web error handling. Holds no business rules.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.cloudsquad.platform;

import org.springframework.modulith.ApplicationModule;
