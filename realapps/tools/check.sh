#!/bin/sh
# Runs the current Retort's check on one application: realapps/tools/check.sh NAME [ARGS...]
# (default ARGS: check -v). Uses NAME/retort.properties, whose entities.classpath names the local
# build's classes and ${env:REALAPPS_CLASSPATH}: the application's runtime class path from
# NAME/build/target/classpath.txt, comma-separated. Needs cli/target/retort.jar (mvnl -B -q
# -DskipTests package -pl cli -am) and REALAPPS_JAVA for applications compiled for Java 21 or 25.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
name=${1:?usage: check.sh NAME [ARGS...]}
shift
[ $# -gt 0 ] || set -- check -v
mkdir -p "$here/$name/build/migrations"
REALAPPS_CLASSPATH=$(tr ':' ',' < "$here/$name/build/target/classpath.txt")
export REALAPPS_CLASSPATH
exec "${REALAPPS_JAVA:-java}" -jar "$here/../cli/target/retort.jar" -c "$here/$name/retort.properties" "$@"
