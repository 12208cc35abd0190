#!/usr/bin/env bash
# Robustness (issue #5): every file in ../shared/data that holds text runs through
# `dyad code` with the Phoenix dictionaries; no run may crash. Run from ctest as
# `shared_data_test.sh DYAD_BINARY SOURCE_DIR` (also under the ASan + UBSan build).
#
#   news/wikinews/*.csv                       csv, as read by `dyad code`
#   petrarch/samples/*.xml, validate/PETR.UnitTest.records*.xml   petrarch
#   ud/**/*.conllu                            every `# text = ` line as plain-text articles
#                                             of 500 lines, one sentence a line, and again
#                                             as JSON Lines, one record per sentence (there
#                                             the English test drops a few short ones)
#   plover/*.json                             the records' "text" fields as JSON Lines
#   cameo/*.csv                               each text column (name, description,
#                                             usage_notes, example) read as the CSV `text`
#   every file but the treebanks, as raw bytes (dictionaries, CountryInfo, configs,
#   licences, and the files above with their markup)              --input-format text
#
# Then the same news with --dict examples/dictionaries. A run must exit 0 or 1 (1: some
# records skipped or the dictionaries had problems, with messages) and its stderr must
# hold no sanitizer report; the events it writes must be the events its summary counts.
# Exits 77 (ctest SKIP_RETURN_CODE) when ../shared/data is absent. $DYAD_SHARED_DATA
# names another data directory.
#
# With DYAD_SANITIZED_BUILD=1 (set by tests/CMakeLists.txt in the DYAD_SANITIZE build,
# where coding is ~12 times slower) each text is coded once instead of twice: the
# treebank sentences only as text articles, and the .csv, .xml and .json files only in
# their own format, not again as raw bytes. Every sentence of every file still runs.
set -u
dyad=$1
source_dir=$2
once=${DYAD_SANITIZED_BUILD:-}
data=${DYAD_SHARED_DATA:-$source_dir/../shared/data}
if [ ! -d "$data" ]; then
  echo "skipped: ../shared/data absent ($data not found)"
  exit 77
fi
data=$(cd "$data" && pwd)
dict="$data/petrarch/phoenix"
if [ ! -d "$dict" ]; then
  echo "skipped: $dict absent"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
runs=0
total_sentences=0
total_events=0
start=$SECONDS

printf '%-58s %4s %8s %7s %9s %6s %7s\n' "input" "exit" "records" "skipped" "sentences" "events" "seconds"

# code NAME DICT [dyad code options...] -- INPUTS...
code() {
  local name=$1 dict_dir=$2
  shift 2
  local options=()
  while [ "$1" != "--" ]; do options+=("$1"); shift; done
  shift
  runs=$((runs + 1))
  local began=${EPOCHREALTIME/./}
  "$dyad" code --dict "$dict_dir" --threads 2 --format jsonl "${options[@]}" "$@" \
    >"$work/out" 2>"$work/err"
  local status=$?
  local micros=$((${EPOCHREALTIME/./} - began))
  local summary counts sentences='?' events='?' records='?' skipped='?' problem=''
  summary=$(grep -E '^dyad code: [0-9]+ sentences, [0-9]+ events' "$work/err" | tail -1)
  counts=$(grep -E '^dyad code: [0-9]+ records? read' "$work/err" | tail -1)
  if [[ $summary =~ ^dyad\ code:\ ([0-9]+)\ sentences,\ ([0-9]+)\ events ]]; then
    sentences=${BASH_REMATCH[1]}
    events=${BASH_REMATCH[2]}
  fi
  if [[ $counts =~ ([0-9]+)\ records?\ read,\ [0-9]+\ coded,\ ([0-9]+)\ skipped ]]; then
    records=${BASH_REMATCH[1]}
    skipped=${BASH_REMATCH[2]}
  fi
  if [ "$status" -gt 1 ]; then
    problem="exit status $status"
    [ "$status" -gt 128 ] && problem="$problem (signal $((status - 128)))"
  elif grep -Eq 'runtime error|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer' "$work/err"; then
    problem="sanitizer report"
  elif [ "$sentences" = "?" ] || [ "$records" = "?" ]; then
    problem="no summary line"
  elif [ "$(grep -c '"type":"event"' "$work/out")" -ne "$events" ]; then
    problem="$(grep -c '"type":"event"' "$work/out") event records written, summary says $events"
  elif grep -qv '^{' "$work/out"; then
    problem="output line that is not a JSON object"
  fi
  printf '%-58s %4s %8s %7s %9s %6s %4d.%02d\n' "${name:0:58}" "$status" "$records" "$skipped" "$sentences" "$events" \
    $((micros / 1000000)) $((micros / 10000 % 100))
  if [ -n "$problem" ]; then
    failures=$((failures + 1))
    echo "FAIL $name: $problem; dyad code ${options[*]} $*"
    grep -Ev ': (warning|error): ' "$work/err" | head -60 | sed 's/^/  | /'
  else
    [ "$sentences" != "?" ] && total_sentences=$((total_sentences + sentences))
    [ "$events" != "?" ] && total_events=$((total_events + events))
  fi
}

# Text inputs made from the data files.
mkdir -p "$work/in"

# UD treebanks: `# text = ` lines as plain-text articles of 500 sentences, one a line ...
for conllu in $(find "$data" -name '*.conllu' | sort); do
  base=$(basename "$conllu" .conllu)
  mkdir -p "$work/in/$base.text"
  sed -n 's/^# text = //p' "$conllu" | split -l 500 -d -a 3 --additional-suffix=.txt - "$work/in/$base.text/part-"
  # ... and JSON Lines, one record per sentence (id = sent_id).
  [ -n "$once" ] && continue
  LC_ALL=C awk -v base="$base" '
    /^# sent_id = / { id = substr($0, 13) }
    /^# text = / {
      t = substr($0, 10)
      gsub(/\\/, "\\\\", t); gsub(/"/, "\\\"", t); gsub(/\t/, "\\t", t); gsub(/\r/, "\\r", t)
      gsub(/\\/, "\\\\", id); gsub(/"/, "\\\"", id)
      printf "{\"id\":\"%s:%s\",\"date\":\"2019-01-04\",\"text\":\"%s\"}\n", base, id, t
      id = ""
    }' "$conllu" >"$work/in/$base.jsonl"
done

# PLOVER gold records: id, date and text of every record that has a text. The file is
# pretty-printed JSON with one field per line; record fields are indented two spaces and
# their values are JSON strings already.
for json in $(find "$data" -name '*.json' | sort); do
  base=$(basename "$json" .json)
  awk '
    function value(line) { sub(/^  "[a-zA-Z]+": /, "", line); sub(/,[ \r]*$/, "", line); return line }
    /^ \{/ { id = ""; date = ""; text = "" }
    /^  "id": "/ { id = value($0) }
    /^  "date": "/ { date = value($0) }
    /^  "text": "/ { text = value($0) }
    /^ \}/ { if (text != "") printf "{\"id\":%s,\"date\":%s,\"text\":%s}\n", id == "" ? "\"\"" : id, date == "" ? "\"\"" : date, text }
  ' "$json" >"$work/in/$base.jsonl"
done

# CAMEO code table: each text column in turn named `text` (and the unnamed row number `id`).
for csv in $(find "$data/cameo" -name '*.csv' 2>/dev/null | sort); do
  base=$(basename "$csv" .csv)
  for column in name description usage_notes example; do
    if head -1 "$csv" | grep -q "\"$column\""; then
      sed '1s/^""/"id"/; 1s/"text"/"text_"/; 1s/"'"$column"'"/"text"/' "$csv" >"$work/in/$base.$column.csv"
    fi
  done
done

# 1. Every data file in its own format.
for f in $(find "$data/news" -name '*.csv' | sort); do code "${f#"$data"/}" "$dict" -- "$f"; done
for f in $(find "$data/petrarch" \( -path '*/samples/*.xml' -o -name 'PETR.UnitTest.records*.xml' \) | sort); do
  code "${f#"$data"/}" "$dict" --input-format petrarch -- "$f"
done
for d in "$work"/in/*.text; do
  code "$(basename "$d") ($(find "$d" -type f | wc -l) articles)" "$dict" --input-format text -- "$d"
done
for f in "$work"/in/*.jsonl; do
  code "$(basename "$f") (from the data)" "$dict" --input-format jsonl -- "$f"
done
for f in "$work"/in/*.csv; do
  code "$(basename "$f") (text column)" "$dict" --input-format csv -- "$f"
done

# 2. Every file as plain text (the treebanks are covered above, sentence by sentence).
for f in $(find "$data" -type f ! -name '*.conllu' | sort); do
  [ -n "$once" ] && [[ $f == *.csv || $f == *.xml || $f == *.json ]] && continue
  code "${f#"$data"/} (as text)" "$dict" --input-format text -- "$f"
done

# 3. The news with the small example dictionaries (Dyad's own format).
code "news/wikinews (examples/dictionaries)" "$source_dir/examples/dictionaries" -- "$data/news/wikinews"

[ -n "$once" ] && echo "(sanitizer build: each text coded once; the treebanks as text only, .csv/.xml/.json in their own format only)"
echo "$runs runs, $failures failed: $total_sentences sentences, $total_events events in $((SECONDS - start)) s"
[ "$failures" -eq 0 ]
