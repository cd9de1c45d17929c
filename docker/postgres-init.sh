#!/bin/sh
# Run once by the postgres image on its first start (an empty data volume), from /docker-entrypoint-initdb.d/.
# One role and one database per subgraph: each loket is the controller of its own data, so each subgraph
# connects as its own role, owns its own database, and cannot connect to another's (CONNECT is revoked from
# PUBLIC); their data meets only through the gateway. Each subgraph creates its tables with its own drizzle
# migrations when it starts.
#
# The passwords come from <NAME>_DB_PASSWORD (BRP_DB_PASSWORD, ...), set in docker-compose.yml.
# LOKETLINK_DB_PREFIX puts a prefix before every role and database name (the deployment test uses one).
# Keep the list equal to SUBGRAPHS in subgraphs/kit/config.ts (test/deployment.test.ts checks it).
set -eu
prefix="${LOKETLINK_DB_PREFIX:-}"
for subgraph in brp wmo cjg werkplein wijkteam beleid; do
  variable="$(echo "$subgraph" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="$(printenv "$variable" || true)"
  if [ -z "$password" ]; then
    echo "postgres-init: $variable is not set" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v name="$prefix$subgraph" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
