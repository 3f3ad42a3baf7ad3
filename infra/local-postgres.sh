#!/usr/bin/env bash
# Starts (installing when missing) a local PostgreSQL from Debian's packages and creates the
# creditseg role and database. Prints the DATABASE_URL to use. Run as root (or with sudo).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "installing PostgreSQL from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /etc/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi

for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2; exit 1; }

(cd / && runuser -u postgres -- psql -q -v ON_ERROR_STOP=1) < "$here/init.sql" >/dev/null
echo "PostgreSQL $version is running. Use:"
echo "  export DATABASE_URL=postgres://creditseg:creditseg@127.0.0.1:5432/creditseg"
