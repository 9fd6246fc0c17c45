#!/bin/sh
# Loads RealWorld into the database realapp_realworld (dropped and created again) as the application
# creates it: Spring Boot's SQL initialisation runs src/main/resources/schema.sql (every statement
# CREATE TABLE IF NOT EXISTS; ddl-auto is none). The application ships no data.
# Needs upstream/ (realapps/vendor.sh realworld).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
psql="psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres"
$psql -d postgres -c "DROP DATABASE IF EXISTS realapp_realworld" -c "CREATE DATABASE realapp_realworld"
$psql -d realapp_realworld -f "$here/upstream/src/main/resources/schema.sql"
