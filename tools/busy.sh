#!/usr/bin/env bash
# Runs a command while N busy loops (default 2, or $BUSY) occupy the CPUs, to prove that tests wait on
# conditions rather than on timing. Stops the loops when it exits, however it exits; returns the
# command's exit code. Usage: tools/busy.sh [-n N] COMMAND [ARG...]
#   e.g. bash tools/busy.sh bash -c 'npm test && npm test && npm test'
set -uo pipefail

n=${BUSY:-2}
if [ "${1:-}" = "-n" ]; then
  n=$2
  shift 2
fi
if [ $# -eq 0 ] || ! [[ "$n" =~ ^[0-9]+$ ]]; then
  echo "usage: tools/busy.sh [-n N] COMMAND [ARG...]" >&2
  exit 2
fi

loops=()
child=
stop() {
  [ -n "$child" ] && kill -- "-$child" 2>/dev/null
  [ ${#loops[@]} -gt 0 ] && kill "${loops[@]}" 2>/dev/null
  wait 2>/dev/null
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for _ in $(seq 1 "$n"); do
  while :; do :; done &
  loops+=($!)
done
echo "[busy] $n busy loops running (pids ${loops[*]}): $*" >&2

# In its own process group, waited for: a signal to this script then stops the command's whole tree at
# once (with the command in the foreground, bash would run the traps only after it ended).
set -m
"$@" &
child=$!
set +m
wait "$child"
status=$?
child=
echo "[busy] exit code $status" >&2
exit "$status"
