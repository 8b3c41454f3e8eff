#!/usr/bin/env bash
# Run the suite on SQLite and on a real PostgreSQL, in parallel (two cores), then report both.
# PostgreSQL: $TEST_DATABASE_URL, else a throwaway cluster from the local binaries.
# With CI=true a missing PostgreSQL is a failure, never a skip.
set -uo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD/src" WAARBORG_ENV=test
mkdir -p var
work=$(mktemp -d /tmp/waarborg-test.XXXXXX)
cleanup() { [ -n "${cluster:-}" ] && scripts/pg-throwaway.sh stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT

pg_url=${TEST_DATABASE_URL:-}
if [ -z "$pg_url" ]; then
  if pg_url=$(scripts/pg-throwaway.sh start "$work/pg" 2>"$work/pg.err"); then
    cluster=1
  else
    pg_url=""
    if [ "${CI:-}" = "true" ]; then
      echo "PostgreSQL is mandatory with CI=true, and none could be started:" >&2; cat "$work/pg.err" >&2; exit 1
    fi
    echo "WARNING: no PostgreSQL available ($(cat "$work/pg.err")); running the SQLite leg only" >&2
  fi
fi

report() { [ -n "${PROMISES:-}" ] && echo "--promises-report=var/promises-$1.json"; }
# Each leg keeps its own var dir (keys, backups) and its own pytest temporary root, so the two never share files
# (two runs cleaning up one /tmp/pytest-of-USER race, and the warning that raises fails a run).
WAARBORG_HOME="$work/var-sqlite" DATABASE_URL="sqlite:///$work/sqlite.db" \
  .venv/bin/python -m pytest -p no:cacheprovider --basetemp="$work/tmp-sqlite" $(report sqlite) "$@" >"$work/sqlite.out" 2>&1 &
sqlite_pid=$!
pg_status=0
if [ -n "$pg_url" ]; then
  WAARBORG_HOME="$work/var-pg" DATABASE_URL="$pg_url" WAARBORG_TEST_POSTGRES=1 \
    .venv/bin/python -m pytest -p no:cacheprovider --basetemp="$work/tmp-pg" $(report postgres) "$@" >"$work/pg.out" 2>&1 &
  pg_pid=$!
  wait $pg_pid; pg_status=$?
fi
wait $sqlite_pid; sqlite_status=$?
echo "=== SQLite leg ==="; cat "$work/sqlite.out"
if [ -n "$pg_url" ]; then echo "=== PostgreSQL leg ==="; cat "$work/pg.out"; fi
if [ $sqlite_status -ne 0 ] || [ $pg_status -ne 0 ]; then
  echo "FAILED: sqlite exit $sqlite_status, postgresql exit $pg_status"; exit 1
fi
