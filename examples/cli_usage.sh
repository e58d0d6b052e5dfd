#!/usr/bin/env bash
# The drt-agent command line: one problem, JSON output, a batch from stdin, and the exit code on bad input.
#   bash examples/cli_usage.sh        (with drt-agent on PATH, e.g. inside `bash scripts/dev.sh bash examples/cli_usage.sh`)
set -euo pipefail

echo "== one problem, human output"
drt-agent solve "A-B, B-C, C-F. Is A connected to F?"

echo "== JSON output (one object: answer, steps_used, confidence, exact, witness, ...)"
drt-agent solve --json "gateway->auth, auth->db, cache->db. Is db reachable from gateway?"
echo

echo "== a batch on stdin: plain lines or {\"text\": ..., \"domain\": ...}; one JSON line out per problem"
printf '%s\n' \
  'P-Q, Q-R. Is P connected to R?' \
  '{"text": "P-Q, R-S. Is P connected to S?", "domain": "graph"}' \
  'this line is not a problem' |
  drt-agent solve --batch - | cut -c1-110

echo "== a problem it cannot read exits with code 2 and says why on stderr"
set +e
drt-agent solve "Which way to the station?" 2>&1
echo "exit code: $?"
