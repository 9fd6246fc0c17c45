#!/bin/sh
# Loads Cargo Tracker into the database realapp_cargotracker (dropped and created again) as the
# application does when WildFly deploys it: its persistence unit asks for schema generation
# "create", so Hibernate creates the schema (the script tools/export-schema.sh cargotracker writes
# to build/hibernate-schema.sql), then the application's SampleDataGenerator, a CDI bean observing
# Startup, stores the sample locations, voyages, cargos and handling events (build/data runs it
# outside WildFly, wiring its collaborators by hand).
# Needs upstream/ (realapps/vendor.sh cargotracker) and the local build (see SOURCE.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
java=${REALAPPS_JAVA:-java}
psql="psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres"
$psql -d postgres -c "DROP DATABASE IF EXISTS realapp_cargotracker" -c "CREATE DATABASE realapp_cargotracker"
$psql -d realapp_cargotracker -f "$here/build/hibernate-schema.sql"
$java -cp "$here/build/data:$here/build/target/classes:$(cat "$here/build/target/classpath.txt")" \
    SampleData jdbc:postgresql://127.0.0.1:5432/realapp_cargotracker
