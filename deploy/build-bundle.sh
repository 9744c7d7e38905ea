#!/usr/bin/env sh
# Builds the Elastic Beanstalk source bundle: target/cloudsquad-eb-bundle.zip
# (Procfile, .platform/, app.jar = the production jar without the embedded MariaDB).
# Tests are skipped here: run ./mvnw verify (CI does) on the commit you deploy.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
bundle=target/cloudsquad-eb-bundle.zip
echo "$bundle ($(du -h "$bundle" | cut -f1))"
