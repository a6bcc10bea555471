#!/usr/bin/env bash
# The Debian package, installed on this machine as an admin would (docs/operations.md): builds it
# (scripts/package, reusing build/package), installs it with apt-get, checks the files and the
# unit (systemd-analyze verify; security's exposure score printed), starts the INSTALLED binary
# with the INSTALLED config as systemd would (a plain process: systemd is not PID 1 here) with
# its state in a temporary folder, and checks /readyz, /metrics (promtool), a structured log line,
# the audit rows of create → export → delete, and a backup that restores. Then purges the package.
# Output is TAP ("ok N - ..." / "not ok N - ..."), one line per check, and "# pass N" / "# fail N".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pass=0 fail=0 n=0
check() {  # check NAME COMMAND...: one TAP line
    local name=$1
    shift
    n=$((n + 1))
    if "$@" >"$WORK/check.out" 2>&1; then
        pass=$((pass + 1)); echo "ok $n - $name"
    else
        fail=$((fail + 1)); echo "not ok $n - $name"; sed 's/^/#   /' "$WORK/check.out" | tail -20
    fi
}
finish() {
    [[ -n ${PID:-} ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    if dpkg -s journeyboard >/dev/null 2>&1; then apt-get purge -y -q journeyboard >/dev/null 2>&1; fi
    rm -rf "$WORK"
    echo "# pass $pass"
    echo "# fail $fail"
}
WORK=$(mktemp -d)
trap finish EXIT

deb=$("$ROOT/scripts/package" 2>"$WORK/package.log" | tail -n1)
if [[ ! -f $deb ]]; then
    n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - scripts/package builds the .deb"
    tail -30 "$WORK/package.log" | sed 's/^/#   /'
    exit 1
fi
check "the package is named journeyboard_<version>_amd64.deb" bash -c "[[ \$(basename '$deb') =~ ^journeyboard_[0-9.]+_amd64\.deb$ ]]"
check "its dependencies come from dpkg-shlibdeps" bash -c "dpkg-deb -f '$deb' Depends | grep -q libsqlite3"
check "the config is a conffile" bash -c "dpkg-deb -e '$deb' '$WORK/control' && grep -qx /etc/journeyboard/journeyboard.conf '$WORK/control/conffiles'"
if dpkg -s journeyboard >/dev/null 2>&1; then apt-get purge -y -q journeyboard >/dev/null 2>&1; fi
check "apt-get installs it" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb"
for f in /usr/bin/journeyboard /usr/share/journeyboard/web/index.html /etc/journeyboard/journeyboard.conf \
         /lib/systemd/system/journeyboard.service /usr/share/doc/journeyboard/operations.md; do
    check "it installs $f" test -f "$f"
done
check "it installs the templates" bash -c "ls /usr/share/journeyboard/templates/*.json"
check "systemd-analyze verify passes on the unit" systemd-analyze verify /lib/systemd/system/journeyboard.service
if systemd-analyze security --offline=yes /lib/systemd/system/journeyboard.service >"$WORK/security.txt" 2>&1; then
    echo "# systemd-analyze security: $(grep -i 'overall exposure' "$WORK/security.txt")"
else
    echo "# systemd-analyze security did not run here: $(tail -n1 "$WORK/security.txt")"
fi
check "--version names the version and commit" bash -c "/usr/bin/journeyboard --version | grep -q 'commit '"
check "the installed binary reads the installed config by default" bash -c \
    "/usr/bin/journeyboard --check-config | grep -qx 'db = /var/lib/journeyboard/journeyboard.db  # /etc/journeyboard/journeyboard.conf:[0-9]*'"

# As systemd would start it, but the state in $WORK (the environment wins over the file).
STATE=$WORK/state
mkdir -p "$STATE"
METRICS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
JOURNEYBOARD_DB=$STATE/journeyboard.db JOURNEYBOARD_BACKUP_DIR=$STATE/backups JOURNEYBOARD_PORT=0 \
    JOURNEYBOARD_METRICS_BIND=127.0.0.1:$METRICS_PORT \
    /usr/bin/journeyboard --config /etc/journeyboard/journeyboard.conf >"$WORK/stdout" 2>"$WORK/stderr" &
PID=$!
for _ in $(seq 100); do grep -q "listening on" "$WORK/stdout" && break; sleep 0.1; done
URL=$(sed -n 's/^Journeyboard listening on //p' "$WORK/stdout")
check "the installed server starts with the installed config" test -n "$URL"
check "GET /readyz answers 200 ready" bash -c "curl -fsS ${URL}readyz | grep -q ready"
check "GET /metrics on --metrics-bind passes promtool check metrics" bash -c \
    "curl -fsS http://127.0.0.1:$METRICS_PORT/metrics >'$WORK/metrics' && grep -q journeyboard_rooms_live '$WORK/metrics' && promtool check metrics <'$WORK/metrics'"
check "a structured log line on stderr" grep -qE '^time=[0-9T:.-]+Z level=info component=server msg=listening ' "$WORK/stderr"

created=$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{"title":"Pakkettest"}' "${URL}api/workshops")
id=$(jq -r .workshopId <<<"$created") key=$(jq -r .facilitatorKey <<<"$created")
check "an export with the key" curl -fsS -o /dev/null -H "Authorization: Bearer $key" "${URL}api/workshops/$id/export/improvements.csv"
check "a backup of the running server" /usr/bin/journeyboard backup "$WORK/copy.db" --config /etc/journeyboard/journeyboard.conf --db "$STATE/journeyboard.db"
check "delete with the key" curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $key" "${URL}api/workshops/$id"
sleep 0.5
/usr/bin/journeyboard audit --db "$STATE/journeyboard.db" >"$WORK/audit.tsv" 2>&1
check "the audit trail holds create, export and delete" bash -c \
    "[[ \$(awk -F'\t' -v id='$id' '\$2 == id { print \$4 \" \" \$5 }' '$WORK/audit.tsv' | paste -sd,) == 'workshop.create ok,export ok,workshop.delete ok' ]]"
check "the audit lines are in the log" grep -q "component=audit msg=workshop.delete workshop=$id" "$WORK/stderr"
check "a scheduled backup was made at start" bash -c "ls '$STATE'/backups/journeyboard-*.db"
check "the key is in no log line" bash -c "! grep -q -- '$key' '$WORK/stderr'"
kill "$PID"; wait "$PID"; status=$?; PID=
check "SIGTERM stops it with status 0" test "$status" = 0

# Restore: stop, replace, start; the workshop deleted after the backup is back.
rm -f "$STATE"/journeyboard.db-wal "$STATE"/journeyboard.db-shm
cp "$WORK/copy.db" "$STATE/journeyboard.db"
JOURNEYBOARD_DB=$STATE/journeyboard.db JOURNEYBOARD_BACKUP_DIR= JOURNEYBOARD_PORT=0 JOURNEYBOARD_METRICS_BIND= \
    /usr/bin/journeyboard --config /etc/journeyboard/journeyboard.conf >"$WORK/stdout2" 2>"$WORK/stderr2" &
PID=$!
for _ in $(seq 100); do grep -q "listening on" "$WORK/stdout2" && break; sleep 0.1; done
URL=$(sed -n 's/^Journeyboard listening on //p' "$WORK/stdout2")
check "the restored database serves the workshop again" curl -fsS -o /dev/null -H "Authorization: Bearer $key" "${URL}api/workshops/$id/export/improvements.csv"
kill "$PID"; wait "$PID"; PID=

check "apt-get purge removes it" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q journeyboard
check "nothing of it is left in /usr/bin or /etc" bash -c "[[ ! -e /usr/bin/journeyboard && ! -e /etc/journeyboard/journeyboard.conf ]]"
((fail == 0))
