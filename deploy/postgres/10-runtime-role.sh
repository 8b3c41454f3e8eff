#!/usr/bin/env bash
# compose.yaml: the postgres image runs this once, on an empty data directory. The image's own user
# (POSTGRES_USER) owns the database and runs the migrations; the platform runs as waarborg_app, which
# `waarborg migrate --grant waarborg_app` gives row rights only.
set -euo pipefail
password=$(cat /run/secrets/db_app_password)
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v password="$password" <<'SQL'
CREATE ROLE waarborg_app LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
GRANT CONNECT ON DATABASE waarborg TO waarborg_app;
SQL
