#!/usr/bin/env bash
# Runs fuzz targets one after another, each for SECONDS, and appends a line per target to
# fuzz/results.tsv: date, target, seconds, executions, findings, artifacts.
#
#   fuzz/run.sh SECONDS [TARGET...]     (no TARGET: every target in fuzz/Cargo.toml)
#
# Each target fuzzes fuzz/corpus/TARGET (grown, kept locally) from fuzz/seeds/TARGET (made by
# fuzz/seed.sh, run here when fuzz/seeds is missing). libFuzzer stops at the first crash,
# timeout (-timeout=10 s per input) or out-of-memory (-rss_limit_mb=2048, which also limits a
# single allocation); the input is written to fuzz/artifacts/TARGET/ and the run goes on with
# the next target. The full libFuzzer output is kept in fuzz/logs/.
#
# Environment: FUZZ_BUILD_FLAGS (default "-O -a": release with debug assertions, so that
# integer overflow panics; add "-s none" to build without AddressSanitizer),
# CARGO_BUILD_JOBS (default 1), FUZZ_NICE (default 10), FUZZ_ARGS (more libFuzzer flags).
set -uo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
    echo "usage: fuzz/run.sh SECONDS [TARGET...]" >&2
    exit 2
fi
seconds=$1
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(sed -n 's/^name = "\([a-z_]*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^dyad-fuzz$')
fi
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
read -ra build_flags <<< "${FUZZ_BUILD_FLAGS:--O -a}"
read -ra extra <<< "${FUZZ_ARGS:-}"
nice_level=${FUZZ_NICE:-10}

[ -d fuzz/seeds ] || fuzz/seed.sh
mkdir -p fuzz/logs
results=fuzz/results.tsv
[ -f $results ] || printf 'date\ttarget\tseconds\texecutions\tfindings\tartifacts\n' > $results

# build first, so that the seconds recorded are fuzzing time, not build time; the targets then
# run from the binaries built here (not through `cargo fuzz run`, which would rebuild them, for
# half an hour on a busy machine, whenever a source file changed during a long run)
if ! nice -n "$nice_level" cargo +nightly fuzz build "${build_flags[@]}" > fuzz/logs/build.log 2>&1; then
    echo "build failed: see fuzz/logs/build.log" >&2
    exit 2
fi
triple=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin_dir=fuzz/target/$triple/release

status=0
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" "fuzz/seeds/$t" "fuzz/artifacts/$t"
    case $t in
        pipeline) max_len=(-max_len=65536) ;;
        models) max_len=() ;;  # the committed models are megabytes: libFuzzer takes the largest seed
        *) max_len=(-max_len=65536) ;;
    esac
    stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    log="fuzz/logs/$t-${stamp//:/}.log"
    marker=$(mktemp)
    start=$(date +%s)
    nice -n "$nice_level" "$bin_dir/$t" -artifact_prefix="fuzz/artifacts/$t/" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        "${max_len[@]}" "${extra[@]}" "fuzz/corpus/$t" "fuzz/seeds/$t" > "$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    # the artifacts this run wrote (crash-, oom-, timeout-, leak-...)
    mapfile -t found < <(find "fuzz/artifacts/$t" -type f -newer "$marker" | sort)
    rm -f "$marker"
    [ "$rc" -eq 0 ] || [ ${#found[@]} -gt 0 ] || found=("exit-$rc:$log")
    artifacts=$(IFS=,; echo "${found[*]}")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$stamp" "$t" "$took" "${execs:-?}" "${#found[@]}" \
        "${artifacts:--}" >> $results
    printf '%-10s %5ss %12s execs  %s finding(s) %s\n' "$t" "$took" "${execs:-?}" \
        "${#found[@]}" "$artifacts"
    [ ${#found[@]} -eq 0 ] || status=1
done
exit $status
