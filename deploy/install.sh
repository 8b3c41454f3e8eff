#!/usr/bin/env bash
# Install or upgrade Waarborg: the one script behind compose's `install` service, the systemd unit
# waarborg-install.service and the HTTPS topology test (tests/topology), so the three cannot drift apart.
#
# It reads its configuration as every waarborg command does (the environment, then WAARBORG_CONFIG or
# /etc/waarborg/waarborg.env); beyond the platform's own variables it uses:
#   WAARBORG_OWNER_DATABASE_URL(_FILE)  the role that owns the tables: only migrations run as it
#   WAARBORG_DATABASE_ROLE              the role the platform runs as (DATABASE_URL's): row rights only
#   WAARBORG_POLICY                     the policy file, activated when no policy is active yet
#   WAARBORG_COLLECTSTATIC=0            static files are already collected (the container image)
#   WAARBORG                            the waarborg command (default: waarborg on the PATH)
# Steps: migrate as the owner and grant row rights, collect static files, activate the policy when none is
# active, then `waarborg check --deploy`. It stops at the first failing step, naming what is wrong.
set -euo pipefail
waarborg=${WAARBORG:-waarborg}

echo "== migrate (as the owner of the tables)"
"$waarborg" migrate
if [ "${WAARBORG_COLLECTSTATIC:-1}" != 0 ]; then
  echo "== static files"
  "$waarborg" collectstatic
fi
echo "== policy (WAARBORG_POLICY, only when none is active: later versions are the operator's)"
"$waarborg" policy activate --if-none
echo "== deployment checks"
"$waarborg" check --deploy
echo "== installed: start (or restart) the web, worker and scheduler services"
