/** Users, roles, registration, login (with throttling), profile and the password policy. */
@ApplicationModule(allowedDependencies = "platform")
package com.cloudsquad.account;

import org.springframework.modulith.ApplicationModule;
