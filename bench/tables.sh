#!/usr/bin/env bash
# Writes the tables bench/transfer.jq reads, from the rules files (never typed by hand):
#   bench/tables.sh YIBAO OUT_DIR ON
# places.json   typed place (code, Chinese name, pinyin) → pooling-area code, from rules/regions.txt
# calendar.json rest days and make-up working days, from rules/calendar/*.toml
# blockers.json the blocker ids of rules/transfer.toml and their `when` tags
# regimes.json  provinces whose moves inside them follow a regime (rules/pooling.toml:
#               auto_transfer, balance_stays) and the day each begins
# policy.json   per pooling area: time limits and waiting-period values, and whether each rests
#               only on a reported source, as `yibao rules show CODE --json --on ON` resolves them
set -euo pipefail
yibao=$1 out=$2 on=$3
cd "$(dirname "$0")/.."
mkdir -p "$out"

awk -F'\t' '
  # ’ is matched as a whole (in a bracket, a byte-wise awk would drop bytes of Chinese text).
  function key(s) { s = tolower(s); gsub(/[ '\''.-]/, "", s); gsub(/’/, "", s); return s }
  # Names of cities, prefectures and provinces come before county names (as in yibao).
  function add(k, code, county) {
    if (k == "") return
    if (county) { if (k in cpool && cpool[k] != code) cbad[k] = 1; else cpool[k] = code }
    else if (k in pool && pool[k] != code) bad[k] = 1; else pool[k] = code
  }
  /^#/ || NF < 2 || $1 !~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/ { next }
  FNR == NR { exists[$1] = 1; next }
  {
    code = $1; prov = substr(code, 1, 2) "0000"; pref = substr(code, 1, 4) "00"
    county = !(code ~ /00$/ || substr(code, 3, 2) == "90")
    if (code ~ /0000$/) area = (code == "110000" || code == "120000" || code == "310000" || code == "500000") ? code : ""
    else if (!county) area = code
    else { up = (pref in exists) ? pref : prov; area = (up in exists) ? up : code }
    if (area == "") next
    add(code, area, 0); add(key($2), area, county)
    if (!county) { add(key($3), area, 0); add(key($4), area, 0) }
  }
  END {
    printf "{"; sep = ""
    for (k in pool) if (!(k in bad)) { printf "%s\"%s\":\"%s\"", sep, k, pool[k]; sep = "," }
    for (k in cpool) if (!(k in cbad) && !(k in pool) && !(k in bad)) { printf "%s\"%s\":\"%s\"", sep, k, cpool[k]; sep = "," }
    print "}"
  }' rules/regions.txt rules/regions.txt > "$out/places.json"

# rest = [FIRST, LAST] is a range; work = [DAY, …] a list.
cat rules/calendar/*.toml | awk '
  /^rest *=/ { gsub(/[][ ,]+/, " "); print "rest", $3, $4 }
  /^work *=/ { gsub(/[][ ,]+/, " "); for (i = 3; i <= NF; i++) print "work", $i }' |
jq -R -s '
  def days($a; $b): [($a | strptime("%Y-%m-%d") | mktime), ($b | strptime("%Y-%m-%d") | mktime)] as [$x, $y]
    | [range($x; $y + 1; 86400) | strftime("%Y-%m-%d")];
  [split("\n")[] | select(length > 0) | split(" ")]
  | { rest: ([.[] | select(.[0] == "rest") | days(.[1]; .[2])[]] | map({(.): true}) | add),
      work: ([.[] | select(.[0] == "work") | .[1]] | map({(.): true}) | add) }' > "$out/calendar.json"

awk '
  function flush() { if (id != "") printf "{\"id\":\"%s\",\"when\":[%s]}\n", id, when; id = ""; when = "" }
  /^\[\[/ { flush(); inb = ($0 == "[[blocker]]"); next }
  inb && /^id *=/ { split($0, a, "\""); id = a[2] }
  inb && /^when *=/ { sub(/^when *= *\[/, ""); sub(/\].*/, ""); when = $0 }
  END { flush() }' rules/transfer.toml | jq -s . > "$out/blockers.json"

awk '
  /^\[(auto_transfer|balance_stays)\.[0-9]+\]/ { split($0, a, /[.\]]/); prov = a[2]; next }
  /^\[/ { prov = "" }
  prov != "" && /since *=/ && /value *= *true/ {
    match($0, /since *= *[0-9-]+/); since = substr($0, RSTART, RLENGTH); sub(/since *= */, "", since)
    printf "{\"province\":\"%s\",\"since\":\"%s\"}\n", prov, since
  }' rules/pooling.toml | jq -s . > "$out/regimes.json"

# The policy of every pooling area the places name (about 370 short runs of yibao).
jq -r '[.[]] | unique[]' "$out/places.json" | while read -r code; do
  "$yibao" rules show "$code" --json --on "$on" | jq -c --arg code "$code" '
    (.values | map({(.key): .}) | add) as $v
    | def reported(k): $v[k].evidence == "reported";
      {($code): {
        out: $v["transfer.out_working_days"].value,
        in: $v["transfer.in_working_days"].value,
        gap_max: $v["waiting.employee_gap_max_months"].value,
        gap_max_reported: reported("waiting.employee_gap_max_months"),
        cross_min: $v["waiting.cross_scheme_min_years"].value,
        cross_min_reported: reported("waiting.cross_scheme_min_years"),
        resident_reported: ([ "fixed_months", "months_per_missed_year", "free_missed_years",
            "floor_missed_years", "floor_months", "repair_months_per_year" ]
          | any(reported("waiting.resident_" + .)))
      }}'
done | jq -s 'add' > "$out/policy.json"
