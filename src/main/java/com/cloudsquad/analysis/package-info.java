/** Bedrock reports per attempt and AI-drafted questions; listens to exam events. */
@ApplicationModule(allowedDependencies = {"platform", "exam", "bank"})
package com.cloudsquad.analysis;

import org.springframework.modulith.ApplicationModule;
