/**
 * Analysis reports per attempt (by Bedrock when configured, by rules otherwise) and AI-drafted
 * questions; listens to {@link com.cloudsquad.exam.AttemptSubmitted} and reads attempts only
 * through {@link com.cloudsquad.exam.AttemptRecords}. Spring AI stays behind {@link
 * com.cloudsquad.analysis.AnalysisModel}.
 */
@ApplicationModule(allowedDependencies = {"platform", "exam", "bank", "catalog", "account"})
package com.cloudsquad.analysis;

import org.springframework.modulith.ApplicationModule;
