/**
 * What operators see of the running app: a request id and the account id in every log line of a
 * request, slow requests logged, attempt counters, and the CloudWatch metrics export.
 */
@ApplicationModule(allowedDependencies = {"platform", "account", "exam"})
package com.cloudsquad.observability;

import org.springframework.modulith.ApplicationModule;
