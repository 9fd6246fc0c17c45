#!/bin/sh
# Loads the blog into the database realapp_blog (dropped and created again) as the application
# does at start-up: Spring Boot runs Liquibase (spring.liquibase.change-log
# classpath:/db/changelog/db.changelog-master.xml, no contexts, so every changeset runs, the
# seeded categories included). Liquibase is the one on the application's own class path
# (spring-boot-starter-liquibase under Spring Boot 4.0.7: liquibase-core 5.0.3).
# Needs upstream/ (realapps/vendor.sh blog) and the local build's classpath.txt (see SOURCE.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
java=${REALAPPS_JAVA:-java}
psql="psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres"
$psql -d postgres -c "DROP DATABASE IF EXISTS realapp_blog" -c "CREATE DATABASE realapp_blog"
LIQUIBASE_ANALYTICS_ENABLED=false LIQUIBASE_SHOW_BANNER=false \
    $java -cp "$(cat "$here/build/target/classpath.txt")" liquibase.integration.commandline.LiquibaseCommandLine \
    --url=jdbc:postgresql://127.0.0.1:5432/realapp_blog --username=postgres \
    --search-path="$here/upstream/services/api/src/main/resources" \
    --changelog-file=db/changelog/db.changelog-master.xml update
