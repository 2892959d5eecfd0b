#!/bin/sh
# A long fuzz run, the kind issue 6 asks for: JOBS libFuzzer processes (one per core, each its own process:
# libFuzzer's -fork mode restarts a job every few minutes and ran at half the rate here) share one corpus
# folder until together they have run RUNS inputs under ASan+UBSan. Prints each process's executions, the
# total and any finding (saved under OUT/artifacts); exits 1 on a finding.
#   tests/fuzz/long_run.sh NAME [RUNS] [OUT]     e.g. tests/fuzz/long_run.sh image_decode 10000000
# NAME: parser, qr_bitstream or image_decode (build/fuzz/NAME_fuzz, from the fuzz preset). RUNS defaults
# to 10 000 000; OUT (default /var/tmp/cccd-fuzz/NAME) keeps the corpus between runs. MAX_SECONDS (env)
# stops the processes earlier; the total then says how far they got.
# Runs add up: OUT/ledger.tsv gets a line per run (date, code key, commit, inputs, finding), and the
# script prints the sum over every run on the same code. The code key names what the fuzzer is built
# from (git objects of src/, CMakeLists.txt, CMakePresets.json and the target's .cpp), so a commit that
# changes none of them keeps the count and any that does starts a new one. Uncommitted changes there
# make the run "dirty": reported, never added.
set -eu
cd "$(dirname "$0")/../.."
name=${1:?usage: tests/fuzz/long_run.sh NAME [RUNS] [OUT]}
runs=${2:-10000000}
out=${3:-/var/tmp/cccd-fuzz/$name}
fuzzer=build/fuzz/${name}_fuzz
[ -x "$fuzzer" ] || { echo "$fuzzer missing: cmake --preset fuzz && cmake --build --preset fuzz" >&2; exit 2; }
sources="src CMakeLists.txt CMakePresets.json tests/fuzz/${name}_fuzz.cpp"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
# shellcheck disable=SC2086
if [ "$commit" = '?' ] || ! git diff --quiet HEAD -- $sources 2>/dev/null; then
  key=dirty
else
  key=$(for p in $sources; do git rev-parse "HEAD:$p"; done | sha256sum | cut -c1-12)
fi
jobs=$(nproc)
max_len=4096; [ "$name" = image_decode ] && max_len=16384  # as in .ci/test
mkdir -p "$out/corpus" "$out/artifacts"
echo "$name: $jobs processes x $((runs / jobs)) inputs, corpus $out/corpus, commit $commit, code key $key"
k=0
while [ $k -lt "$jobs" ]; do
  "$fuzzer" -runs=$((runs / jobs)) -max_total_time="${MAX_SECONDS:-0}" -max_len=$max_len -print_final_stats=1 -artifact_prefix="$out/artifacts/" \
    "$out/corpus" "tests/fuzz/seeds/$name" >"$out/job$k.log" 2>&1 &
  k=$((k + 1))
done
wait || true
total=0 k=0 found=0
while [ $k -lt "$jobs" ]; do
  n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/job$k.log")
  echo "process $k: ${n:-?} inputs"
  total=$((total + ${n:-0}))
  grep -q -E "ERROR: |runtime error|deadly signal" "$out/job$k.log" && found=1 && grep -m3 -E "ERROR: |runtime error|Test unit written" "$out/job$k.log"
  k=$((k + 1))
done
echo "$name: $total inputs in all$([ $found = 1 ] && echo ', FINDINGS above' || echo ', no finding')"
if [ "$key" = dirty ]; then
  echo "not added to $out/ledger.tsv: uncommitted changes in $sources"
else
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$key" "$commit" "$total" "$found" >>"$out/ledger.tsv"
  awk -F'\t' -v key="$key" '$2 == key { n += $4; runs++; f += $5 }
    END { printf "on this code (key %s): %d inputs over %d runs, %d with findings\n", key, n, runs, f }' "$out/ledger.tsv"
fi
exit $found
