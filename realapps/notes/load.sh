#!/bin/sh
# Loads the JPA smoke test into the database realapp_notes (dropped and created again) as the
# application does at start-up: Hibernate creates the schema for its entities and settings and
# then runs import.sql. Both are in the script Hibernate writes for them, build/hibernate-schema.sql
# (tools/export-schema.sh notes).
# Needs the local build (see SOURCE.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
psql="psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres"
$psql -d postgres -c "DROP DATABASE IF EXISTS realapp_notes" -c "CREATE DATABASE realapp_notes"
$psql -d realapp_notes -f "$here/build/hibernate-schema.sql"
