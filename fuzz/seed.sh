#!/usr/bin/env bash
# Builds the seed corpora fuzz/seeds/<target>/ from the repository's fixtures, examples and
# models. The copies are not committed (fuzz/.gitignore): run this before fuzz/run.sh (run.sh
# runs it when fuzz/seeds is missing). Files over 64 KiB are skipped, except models.
#
#   fuzz/seed.sh            rebuild every target's seeds
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seeds=fuzz/seeds
max=65536
rm -rf "$seeds"
for t in jsonl html feed dateline time text conllu models user_dict pipeline store; do
    mkdir -p "$seeds/$t"
done

# copy FILE TARGET...: FILE into each target's seeds unless it is too big; the name keeps the
# path so that seeds from different folders cannot collide.
copy() {
    local f=$1
    shift
    [ -f "$f" ] || return 0
    [ "$(stat -c %s "$f")" -le $max ] || return 0
    local name=${f//\//_}
    for t in "$@"; do cp "$f" "$seeds/$t/$name"; done
}

shopt -s nullglob globstar
for f in crates/*/tests/fixtures/**/*.jsonl examples/*.jsonl; do copy "$f" jsonl store; done
for f in crates/*/tests/fixtures/**/*.html tests/extract/pages/*.html; do copy "$f" html; done
for f in crates/*/tests/fixtures/**/*.{rss,atom,rdf,xml}; do copy "$f" feed; done
for f in crates/*/tests/fixtures/**/*.conllu; do copy "$f" conllu; done
for f in crates/*/tests/fixtures/**/*.txt tests/extract/pages/*.body.txt examples/*.txt; do
    copy "$f" time text pipeline
done

# each JSONL line on its own: a document, a dateline (the text's first 300 bytes), text
for f in examples/*.jsonl; do
    base=${f//\//_}
    i=0
    while IFS= read -r line; do
        i=$((i + 1))
        printf '%s\n' "$line" > "$seeds/jsonl/$base.$i"
        cp "$seeds/jsonl/$base.$i" "$seeds/store/$base.$i"
        body=$(printf '%s' "$line" | python3 -c 'import json,sys; print(json.loads(sys.stdin.read()).get("text",""))' 2>/dev/null || true)
        [ -n "$body" ] || continue
        printf '%s' "$body" | head -c 300 > "$seeds/dateline/$base.$i"
        printf '%s' "$body" | head -c $max > "$seeds/pipeline/$base.$i"
    done < "$f"
done
for f in tests/extract/pages/*.body.txt examples/*.txt; do
    head -c 300 "$f" > "$seeds/dateline/${f//\//_}"
done
printf 'KYIV, Ukraine (AP) — Russia attacked.' > "$seeds/dateline/ap"
printf 'UNITED NATIONS, Sept. 20 (Reuters) - The council met.' > "$seeds/dateline/reuters"
printf 'BEIRUT, June 25 /PRNewswire/ -- A statement.' > "$seeds/dateline/prn"
printf 'Rebels attacked on Tuesday, active since 2014, and again last week in early March 2023.' > "$seeds/time/inline"

# user dictionaries: the documented example, and lines of the embedded files as overlay lines
printf '%s\n' '# comments and blank lines are ignored' \
    $'actor\tperson\tARMGOV@20180508-\tnikol pashinyan|pashinyan' \
    $'actor\tgroup\tSDNREB\trapid support forces|rsf' \
    $'agent\tMIL\twagner contractors|mercenaries' \
    $'place\tregion\tZangezur Corridor\tZangezur|Syunik corridor\tARM\t39.2\t46.4' \
    $'class\task\tbeseech|implore' \
    $'title\tMIL\trear admiral|rear adm.' \
    $'sectors\tarmed\tPMC' > "$seeds/user_dict/example.tsv"
overlay() {
    local kind=$1 file=$2
    grep -v '^#' "$file" | grep -v '^[[:space:]]*$' | head -n 40 | sed "s/^/$kind\t/" \
        > "$seeds/user_dict/$kind.tsv"
}
overlay actor data/dict/extra-actors.tsv
overlay agent data/dict/extra-agents.tsv
overlay class data/dict/verb-classes.tsv
overlay title data/dict/titles.tsv
overlay sectors data/dict/sector-sets.tsv

# models: the committed ones (megabytes: kept whole, the format's frame needs them whole) and
# tiny ones trained on the CoNLL-U fixtures by fuzz/mkseeds (a few KiB each)
for f in data/models/*.bin; do cp "$f" "$seeds/models/${f//\//_}"; done
conllu=(crates/*/tests/fixtures/**/*.conllu)
if [ ${#conllu[@]} -gt 0 ]; then
    CARGO_TARGET_DIR="$root/fuzz/target/mkseeds" CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} \
        cargo run -q --release --manifest-path fuzz/mkseeds/Cargo.toml -- \
        "$seeds/models" "${conllu[@]}" > /dev/null
fi

for t in "$seeds"/*/; do
    printf '%-10s %4d seeds\n' "$(basename "$t")" "$(find "$t" -type f | wc -l)"
done
