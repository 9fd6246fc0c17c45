#!/bin/sh
# Hibernate's own schema for an application: creates the database realapp_NAME_hibernate from the
# application's entities with its own Hibernate and settings (NAME/hibernate.properties), and
# writes Hibernate's script to NAME/build/hibernate-schema.sql.
# Usage: realapps/tools/export-schema.sh NAME [VARIANT KEY=VALUE...]
# With a VARIANT, the database is realapp_NAME_VARIANT and the script NAME/build/VARIANT-schema.sql,
# made with the settings KEY=VALUE added (for example: nobv jakarta.persistence.validation.mode=none).
# Needs the application compiled locally: NAME/build/target/classes and classpath.txt (see
# NAME/SOURCE.md), and this directory built (tools/target/realapps-tools-0.jar).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
name=${1:?usage: export-schema.sh NAME [VARIANT KEY=VALUE...]}
variant=${2:-hibernate}
[ $# -ge 2 ] && shift 2 || shift $#
app=$here/$name
db=realapp_${name}_$variant
script=$app/build/$variant-schema.sql
java=${REALAPPS_JAVA:-java}
psql="psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres"
$psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
settings=$(mktemp)
trap 'rm -f "$settings"' EXIT
{
    cat "$app/hibernate.properties"
    echo "jakarta.persistence.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$db"
    echo "jakarta.persistence.jdbc.user=postgres"
    echo "jakarta.persistence.schema-generation.database.action=create"
    echo "jakarta.persistence.schema-generation.scripts.action=create"
    echo "jakarta.persistence.schema-generation.scripts.create-target=$script"
    echo "hibernate.hbm2ddl.delimiter=;"
    echo "hibernate.format_sql=false"
    for setting in "$@"; do echo "$setting"; done
} > "$settings"
rm -f "$script"
classes=$app/build/target/classes
scan=$classes
grep -q '^realapps.unit=' "$app/hibernate.properties" && scan=
$java -cp "$here/tools/target/realapps-tools-0.jar:$classes:$(cat "$app/build/target/classpath.txt")" \
    dev.retort.realapps.HibernateSchema "$settings" $scan
echo "$db created; Hibernate's script in $script"
