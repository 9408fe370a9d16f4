#!/usr/bin/env bash
# The yibao benchmark: start-up, batch throughput against jq and against merely parsing the
# input, and memory on long inputs. Anyone can run it on a fresh machine (it installs hyperfine
# and jq with apt-get when missing; no other network use):
#
#   bench/run.sh            # 1,000,000 cases (and 10,000,000 for the memory check)
#   N=200000 BIG=2000000 JQ_LINES=5000 bench/run.sh     # a quicker run
#
# Inputs are generated deterministically (examples/gen_cases.rs, seeded) under target/bench/
# (or $BENCH_DIR); the 10M-line input is piped, never written. Before timing, jq's outcomes and
# deadline dates are checked against yibao's on a sample. Timings are wall-clock.
# Where valgrind is installed, start-up is also counted in instructions (callgrind), which
# do not vary from run to run as wall time does.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000000}
BIG=${BIG:-10000000}
SEED=${SEED:-2026}
JQ_LINES=${JQ_LINES:-20000}
CHECK_LINES=${CHECK_LINES:-1000}
ON=2026-03-02
DIR=${BENCH_DIR:-target/bench}
mkdir -p "$DIR"

for tool in hyperfine jq; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing $tool" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y "$tool" >&2; else sudo apt-get install -y "$tool" >&2; fi
  fi
done

cargo build --release --locked --bin yibao --example gen_cases >&2
YIBAO=target/release/yibao
GEN=target/release/examples/gen_cases

echo "generating $N cases (seed $SEED)" >&2
"$GEN" "$N" "$SEED" > "$DIR/cases.jsonl"
head -n "$JQ_LINES" "$DIR/cases.jsonl" > "$DIR/jq-cases.jsonl"
head -n "$CHECK_LINES" "$DIR/cases.jsonl" > "$DIR/check-cases.jsonl"
bench/tables.sh "$YIBAO" "$DIR/tables" "$ON"
T=$DIR/tables
JQ=(jq -c --arg on "$ON" --slurpfile places "$T/places.json" --slurpfile cal "$T/calendar.json"
    --slurpfile policy "$T/policy.json" --slurpfile blockers "$T/blockers.json"
    --slurpfile regimes "$T/regimes.json" -f bench/transfer.jq)

# 1. jq must give the same outcomes and dates as yibao before it is timed.
"${JQ[@]}" "$DIR/check-cases.jsonl" | jq -c '[.line, .outcome, .deadlines]' > "$DIR/check-jq.txt"
"$YIBAO" batch "$DIR/check-cases.jsonl" --on "$ON" | jq -c '[.line, .outcome, [.deadlines[]?.date]]' > "$DIR/check-yibao.txt"
if ! diff -q "$DIR/check-jq.txt" "$DIR/check-yibao.txt" >/dev/null; then
  echo "jq and yibao disagree on the sample (line, outcome, deadline dates: jq < > yibao):" >&2
  diff "$DIR/check-jq.txt" "$DIR/check-yibao.txt" | head -20 >&2
  exit 1
fi
echo "jq agrees with yibao on $CHECK_LINES cases" >&2

median() { jq -r ".results[$1].median" "$2"; }

# 2. Start-up: a full transfer check against --version, same run.
TRANSFER="$YIBAO transfer --from 西安 --to 北京 --scheme employee --retired no --origin-stopped yes --destination-enrolled yes --arrears no --account-frozen no --last-paid 2026-01 --paid-from 2026-02 --json --no-input --on $ON"
hyperfine -N -i --warmup 30 --runs 500 --export-json "$DIR/startup.json" "$YIBAO --version" "$TRANSFER" >&2
v=$(median 0 "$DIR/startup.json"); t=$(median 1 "$DIR/startup.json")

# Instructions, where valgrind is installed: unlike wall time, the same on every run.
instr() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ,; }
iv=; it=
if command -v valgrind >/dev/null; then
  iv=$(instr $YIBAO --version); it=$(instr $TRANSFER)
fi

# 3. Throughput: batch, the parse-only floor, jq (on JQ_LINES lines: it is slow).
hyperfine --warmup 1 --runs 3 --export-json "$DIR/batch.json" \
  "$YIBAO batch $DIR/cases.jsonl --on $ON > /dev/null" \
  "$YIBAO batch --parse-only $DIR/cases.jsonl > /dev/null" \
  "$YIBAO batch --full $DIR/cases.jsonl --on $ON > /dev/null" >&2
b=$(median 0 "$DIR/batch.json"); f=$(median 1 "$DIR/batch.json"); u=$(median 2 "$DIR/batch.json")
hyperfine --runs 1 --export-json "$DIR/jq.json" "${JQ[*]} $DIR/jq-cases.jsonl > /dev/null" >&2
j=$(median 0 "$DIR/jq.json")

# 4. Peak memory on N and BIG lines (piped from the generator).
rss() { "$GEN" "$1" "$SEED" | /usr/bin/time -f %M "$YIBAO" batch --on "$ON" 2>&1 >/dev/null | tail -1; }
m1=$(rss "$N"); m2=$(rss "$BIG")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
awk -v iv="$iv" -v it="$it" -v v="$v" -v t="$t" -v b="$b" -v f="$f" -v u="$u" -v j="$j" -v n="$N" -v jl="$JQ_LINES" \
    -v m1="$m1" -v m2="$m2" -v big="$BIG" -v cpu="$cpu" -v cores="$(nproc)" -v day="$(date +%F)" '
function rate(lines, secs) { return lines / secs }
BEGIN {
  printf "\nyibao benchmark — %s, %d cores, %s\n\n", cpu, cores, day
  printf "| figure | measured | target | ratio |\n|---|---|---|---|\n"
  printf "| start-up: transfer --json vs --version (median) | %.2f ms vs %.2f ms | ≤ 1.5× | %.2f× |\n", t*1000, v*1000, t/v
  if (iv != "") printf "| start-up in instructions (callgrind) | %.2f M vs %.2f M | | %.2f× |\n", it/1e6, iv/1e6, it/iv
  printf "| batch, %d mixed cases | %.2f s (%.0f cases/s) | | |\n", n, b, rate(n, b)
  printf "| jq (bench/transfer.jq), %d cases | %.2f s (%.0f cases/s) | | |\n", jl, j, rate(jl, j)
  printf "| batch vs jq (cases/s) | | ≥ 100× | %.0f× |\n", rate(n, b) / rate(jl, j)
  printf "| parse-only floor, %d cases | %.2f s (%.0f cases/s) | | |\n", n, f, rate(n, f)
  printf "| batch vs floor (cases/s) | | ≥ 0.8× | %.2f× |\n", rate(n, b) / rate(n, f)
  printf "| batch --full, %d cases | %.2f s (%.0f cases/s) | | |\n", n, u, rate(n, u)
  printf "| batch --full vs compact (cases/s) | | ≥ 0.3× | %.2f× |\n", rate(n, u) / rate(n, b)
  printf "| peak RSS: %d vs %d lines | %d KB vs %d KB | ≤ +10 %% | %+.1f %% |\n", big, n, m2, m1, (m2 - m1) * 100 / m1
}'
