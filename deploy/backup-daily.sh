#!/bin/sh
# Daily backup: a consistent copy taken while the server runs, checked, and the audit log's head hash written to a log
# kept outside the database (copy it off the machine, e.g. mail it): a later rewrite of the whole log shows there.
# Cron: 30 2 * * * gongkai /usr/local/lib/gongkai/backup-daily.sh
set -eu
DIR=${GONGKAI_BACKUPS:-/var/backups/gongkai}
DB=${GONGKAI_DATABASE:-/var/lib/gongkai/gongkai.sqlite}
FILE="$DIR/gongkai-$(date +%F-%H%M).backup"
LOG="$DIR/backup.log"
mkdir -p "$DIR"
if [ -n "${DATABASE_URL:-}" ]; then DBFLAG=""; else DBFLAG="--database $DB"; fi
# shellcheck disable=SC2086
gongkai backup "$FILE" $DBFLAG >> "$LOG"
# shellcheck disable=SC2086
if gongkai verify $DBFLAG > "$FILE.verify" 2>&1; then status=ok; else status=PROBLEM; fi
echo "$(date -Is) $status $(grep 'head hash' "$FILE.verify")" >> "$LOG"
# Keep 30 days of backups.
find "$DIR" -name 'gongkai-*.backup*' -mtime +30 -delete
[ "$status" = ok ]
