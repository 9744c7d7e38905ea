/** Certifications (SAA-C03, CLF-C02, …), their domains and weights, and exam rules. */
@ApplicationModule(allowedDependencies = "platform")
package com.cloudsquad.catalog;

import org.springframework.modulith.ApplicationModule;
