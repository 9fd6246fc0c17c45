#!/bin/sh
# Loads Genie into the database realapp_genie (dropped and created again) as the application does at
# start-up: Spring Boot runs Flyway (genie-web-defaults.yml: spring.flyway.locations
# classpath:db/migration/{vendor}, that is db/migration/postgresql, baselineOnMigrate true,
# baselineVersion 3.2.0, which an empty database never uses) with the Flyway of the application's
# class path (Spring Boot 3.4.6: Flyway 10.20.1). The migrations ship no sample data.
# Needs upstream/ (realapps/vendor.sh genie) and the local build's classpath.txt (see SOURCE.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
java=${REALAPPS_JAVA:-java}
psql="psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres"
$psql -d postgres -c "DROP DATABASE IF EXISTS realapp_genie" -c "CREATE DATABASE realapp_genie"
$java -cp "$(cat "$here/build/target/classpath.txt")" org.flywaydb.commandline.Main \
    -url=jdbc:postgresql://127.0.0.1:5432/realapp_genie -user=postgres \
    "-locations=filesystem:$here/upstream/genie-web/src/main/resources/db/migration/postgresql" \
    -baselineOnMigrate=true -baselineVersion=3.2.0 "-baselineDescription=Base Version" migrate
