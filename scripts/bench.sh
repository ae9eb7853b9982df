#!/usr/bin/env bash
# Benchmarks: each workload in benches/workloads run by `deluge run` and by
# its Python equivalent, in the same command, so the ratio is measured on
# the same machine state. Prints median wall times and deluge/python ratios,
# the start-up cost, `deluge check` on a 100-line script, the parse
# throughput on a generated multi-megabyte script, and a scripted `deluge lsp`
# session with the keystroke latency in a 2,000-line file. (The same
# keystroke in-process: cargo bench -p deluge-lsp --bench keystroke.)
#
# Usage: scripts/bench.sh [RUNS]   (default 11 runs per measurement)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-11}"

cargo build --release --quiet -p deluge-cli
deluge="target/release/deluge"
work="benches/workloads"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# median_ms RUNS CMD...: median wall time of CMD in milliseconds.
median_ms() {
  python3 - "$@" <<'PY'
import subprocess, sys, time, statistics
runs = int(sys.argv[1]); cmd = sys.argv[2:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - t) * 1000)
print(f"{statistics.median(times):.1f}")
PY
}

printf '%-16s %12s %12s %8s\n' workload "deluge ms" "python ms" ratio
for w in loop strings topping loop_x10 strings_x10 topping_x10; do
  base="${w%_x10}"
  scale=1
  [[ "$w" == *_x10 ]] && scale=10
  d=$(median_ms "$runs" "$deluge" run --max-statements 0 "$work/$w.dg")
  p=$(median_ms "$runs" python3 "$work/$base.py" "$scale")
  r=$(python3 -c "print(f'{$d/$p:.2f}')")
  printf '%-16s %12s %12s %8s\n' "$w" "$d" "$p" "$r"
done

d=$(median_ms "$runs" "$deluge" run "$work/trivial.dg")
p=$(median_ms "$runs" python3 -c pass)
printf '%-16s %12s %12s %8s\n' trivial "$d" "$p" "$(python3 -c "print(f'{$d/$p:.2f}')")"

# `deluge check` on a script of about 100 lines (the topping workload).
c=$(median_ms "$runs" "$deluge" check --format short "$work/topping.dg")
echo "deluge check, $(wc -l < "$work/topping.dg") lines: ${c} ms (median, including process start)"

# Parse throughput: a generated script of several megabytes.
for _ in $(seq 1 600); do cat "$work/topping.dg" "$work/strings.dg" "$work/loop.dg"; done | grep -v "^return" > "$tmp/big.dg"
bytes=$(wc -c < "$tmp/big.dg")
b=$(median_ms 5 "$deluge" check --format short "$tmp/big.dg")
python3 -c "print(f'deluge check on {$bytes/1e6:.1f} MB: {$b:.0f} ms median = {$bytes/1e6/($b/1000):.1f} MB/s (parse + static checks + process start)')"

# deluge test: a generated suite of 1,000 small test cases (10 files of 100),
# each calling one zoho.bigin task answered by the local simulator, which is
# seeded afresh for every case.
suite="$tmp/suite"
mkdir -p "$suite/tests"
printf '{ "seed": "sandbox.json" }\n' > "$suite/deluge.json"
cat > "$suite/sandbox.json" <<'JSON'
{ "bigin": { "modules": { "Contacts": [
  { "id": "4000000000001", "First_Name": "Ann", "Last_Name": "Smith", "Email": "ann@example.test" }
] } } }
JSON
for f in $(seq -w 1 10); do
  for t in $(seq -w 1 100); do
    printf 'void test_%s()\n{\n\tr = zoho.bigin.getRecordById("Contacts", "4000000000001");\n\tassertEquals("Ann", r.get("data").get(0).get("First_Name"));\n}\n' "$t"
  done > "$suite/tests/gen_${f}_test.dg"
done
"$deluge" test "$suite" | tail -1 | grep -q '^1000 passed, 0 failed$' || { echo "the generated suite does not pass"; exit 1; }
t=$(median_ms 5 "$deluge" test "$suite")
echo "deluge test, 1000 cases each calling a simulated zoho.bigin task: ${t} ms (median, $(nproc) cores)"

# The cost of one invokeurl over the raw HTTP round trip to a loopback
# server (target: under 0.2 ms).
cargo run --release --quiet -p deluge-connect --example invoke_overhead

# The Bigin-to-Books scenario offline, first case: process start, the
# project file, the seed, token refreshes and four simulated requests.
s=$(median_ms "$runs" "$deluge" run examples/bigin-books-sync/sync_contact.dg --offline \
  --arg 'contact={"Contacts.ID":"4000000000001"}')
echo "bigin-books-sync offline, first case: ${s} ms (median, including process start; target < 10 ms)"

# The same through a script: 1,000 zoho.crm.getRecordById calls in a loop
# (task, router, simulator and value conversion) against the same loop
# without the call; the difference over 1,000 is one call's cost.
cat > "$tmp/seed.json" <<'JSON'
{ "crm": { "modules": { "Leads": [ { "id": "4000000000001", "Last_Name": "Smith" } ] } } }
JSON
printf 'for each index i in repeat(",", 999)\n{\n\tr = zoho.crm.getRecordById("Leads", "4000000000001");\n}\n' > "$tmp/calls.dg"
printf 'for each index i in repeat(",", 999)\n{\n\tr = "4000000000001";\n}\n' > "$tmp/base.dg"
c=$(median_ms "$runs" "$deluge" run "$tmp/calls.dg" --offline --seed "$tmp/seed.json" --max-statements 0)
b=$(median_ms "$runs" "$deluge" run "$tmp/base.dg" --offline --seed "$tmp/seed.json" --max-statements 0)
python3 -c "print(f'1,000 simulated zoho.crm.getRecordById from a script: {$c} ms against {$b} ms without the call = {($c-$b):.1f} us per call (target < 50 us)')"

# The simulator: one CRM getRecordById (GET /crm/v2/Leads/{id}) through the
# simulator layer in a store of 1,000 leads (criterion; target < 50 µs).
cargo bench --quiet -p deluge-sandbox --bench simulator -- crm_get_record_by_id 2>/dev/null \
  | grep -E "^crm_get_record_by_id|time:" | head -2
# Language server over stdio: a short session (diagnostics, hover,
# completion, formatting), then keystrokes in a 2,000-line file.
python3 scripts/lsp-session.py "$deluge" 200
