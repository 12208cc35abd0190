#!/usr/bin/env bash
# End-to-end checks of the dyad command: exit statuses, messages and summaries, run
# from ctest as `cli_test.sh DYAD_BINARY SOURCE_DIR`.
set -u
dyad=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
# The small dictionaries written for the examples, unless a test names others.
export DYAD_DICT="$source_dir/examples/dictionaries"

check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi
}

# 1. The demo: every bundled example is read and none is skipped.
"$dyad" code "$source_dir/examples" >"$work/out" 2>"$work/err"
status=$?
check "examples exit 0" test "$status" -eq 0
check "examples summary says nothing skipped" grep -q ", 0 skipped" "$work/err"
"$dyad" code --format table "$source_dir/examples/text" >"$work/out" 2>"$work/err"
check "examples table has a total line" grep -Eq '^[0-9]+ events$' "$work/out"
check "examples table codes Lavrov's criticism" grep -Eq '^-  +RUSGOV +USAGOV +111 ' "$work/out"
"$dyad" code --format table --threads 1 "$source_dir/examples/text" >"$work/one" 2>/dev/null
check "table the same on one thread" cmp -s "$work/out" "$work/one"

# With no --dict and no DYAD_DICT, Dyad's own dictionaries (data/dict) are used.
env -u DYAD_DICT "$dyad" code --format table "$source_dir/examples/text" >"$work/own" 2>"$work/err"
check "no --dict: exits 0" test "$?" -eq 0
check "no --dict: Lavrov's criticism" grep -Eq '^-  +RUSGOV +USAGOV +111 ' "$work/own"

# 2. One broken JSON line among good ones: named by file:line, skipped, the rest coded.
printf '%s\n' \
  '{"id":"a1","date":"2020-03-01","title":"Talks","text":"Russia criticized China on Monday. They agreed to meet again."}' \
  '{"id":"a2","date":"2020-03-02","text":"Truncated record' \
  '{"id":"a3","date":"2020-03-03","text":"India accused China on Tuesday."}' >"$work/mixed.jsonl"
"$dyad" code --format jsonl "$work/mixed.jsonl" >"$work/out" 2>"$work/err"
status=$?
check "broken line gives exit 1" test "$status" -eq 1
check "broken line named as file:2" grep -q "mixed.jsonl:2:" "$work/err"
check "summary counts 3 read, 2 coded, 1 skipped" grep -q "3 records read, 2 coded, 1 skipped" "$work/err"
check "good records still come out" test "$(grep -c '"article_id"' "$work/out")" -eq 2
check "jsonl starts with a header record" grep -q '"schema_version"' <(head -1 "$work/out")
check "jsonl event of a1" grep -q '"article_id":"a1".*"cameo":"111"' "$work/out"
check "jsonl event of a3" grep -q '"article_id":"a3".*"cameo":"112"' "$work/out"
"$dyad" code --dict "$work/no-dict" "$work/mixed.jsonl" >/dev/null 2>"$work/err"
status=$?
check "missing dictionary directory exits 2" test "$status" -eq 2
check "missing dictionary directory is named" grep -q "no-dict" "$work/err"
"$dyad" code --out "$work/events.jsonl" "$work/mixed.jsonl" >/dev/null 2>&1
check "--out writes the file" test "$(grep -c '"type":"event"' "$work/events.jsonl")" -eq 2
check "--out leaves no partial file" test ! -e "$work/events.jsonl.partial"

# 3. Standard input, with a story date given on the command line.
printf 'Sanctions imposed\n\nThe European Union imposed new sanctions on Tuesday. Moscow condemned the move.\n' |
  "$dyad" split --input-format text --date 2021-05-04 >"$work/out" 2>"$work/err"
status=$?
check "stdin split exit 0" test "$status" -eq 0
check "stdin split gives two sentences" test "$(wc -l <"$work/out")" -eq 2
check "split reports code-point offsets" grep -q '"start":0' "$work/out"

# 4. Bad flags are refused with a message naming the flag.
"$dyad" code --input-format nope "$work/mixed.jsonl" >/dev/null 2>"$work/err"
status=$?
check "unknown input format refused" test "$status" -ne 0
check "message names --input-format" grep -q -- "--input-format" "$work/err"
"$dyad" code --date 2019-13-01 "$work/mixed.jsonl" >/dev/null 2>"$work/err"
status=$?
check "bad --date refused" test "$status" -ne 0
check "message names --date" grep -q -- "--date" "$work/err"

# 5. A path that does not exist is an error, not a silent empty run.
"$dyad" code "$work/no-such-file.txt" >/dev/null 2>"$work/err"
status=$?
check "missing file gives non-zero exit" test "$status" -ne 0
check "missing file is named" grep -q "no-such-file.txt" "$work/err"

# 6. dyad parse: CoNLL-U out, the same for any number of threads; a missing model is named.
"$dyad" parse --threads 1 "$source_dir/examples/text" >"$work/one" 2>"$work/err"
status=$?
check "parse exit 0" test "$status" -eq 0
check "parse writes CoNLL-U with a root per sentence" \
  test "$(grep -c $'\troot\t' "$work/one")" -eq "$(grep -c '^# text = ' "$work/one")"
"$dyad" parse --threads 2 "$source_dir/examples/text" >"$work/two" 2>/dev/null
check "parse output identical with 2 threads" cmp -s "$work/one" "$work/two"
awk 'BEGIN { RS = ""; ORS = "\n\n" } NR <= 3' "$work/one" | grep -v '^# newdoc' >"$work/words.conllu"
"$dyad" parse --input-format conllu "$work/words.conllu" >"$work/again" 2>/dev/null
check "conllu input keeps its words" test "$(grep -c $'^[0-9]*\t' "$work/again")" -eq "$(grep -c $'^[0-9]*\t' "$work/words.conllu")"
"$dyad" parse --model "$work/none.dyadmodel" "$source_dir/examples/text" >/dev/null 2>"$work/err"
status=$?
check "missing model gives non-zero exit" test "$status" -ne 0
check "missing model is named" grep -q "none.dyadmodel" "$work/err"

# 8. Dictionaries: check reports file:line problems; convert writes the native format
#    and verifies it reads back the same.
mkdir -p "$work/dict"
printf '%s\n' '--- CRITICIZE [111] ---' 'CRITICIZE' '- * $ [111' '- * + [112]' '- * $ + [345]' >"$work/dict/t.verbs.txt"
printf '%s\n' 'RUSSIA [RUS]' 'VLADIMIR_PUTIN_ [RUSGOV 20000507-99991231]' >"$work/dict/t.actors.txt"
"$dyad" dict check "$work/dict" >"$work/out" 2>"$work/err"
status=$?
check "dict check with an error exits 1" test "$status" -eq 1
check "dict check names the bad line" grep -q "t.verbs.txt:3: error" "$work/out"
check "dict check warns about a code CAMEO lacks" grep -q "t.verbs.txt:5: warning: code 345 is not a CAMEO code" "$work/out"
check "dict check summary counts" grep -q "1 errors, 1 warnings" "$work/err"
"$dyad" dict convert --from petrarch "$work/dict" --to "$work/native" >"$work/out" 2>"$work/err"
check "dict convert verifies the round trip" grep -q "verified" "$work/err"
check "dict convert writes verbs.dyad" test -s "$work/native/verbs.dyad"
"$dyad" dict check "$work/native" >"$work/out" 2>"$work/err"
status=$?
check "converted set checks clean" test "$status" -eq 0
"$dyad" dict check "$work/nowhere" >/dev/null 2>"$work/err"
status=$?
check "dict check of a missing directory exits 2" test "$status" -eq 2
# dyad dict stats: counts of examples/dictionaries (derived by hand in
# src/dyad/dict/dict_stats_test.cc) and of Dyad's own set (every ISO 3166 country).
"$dyad" dict stats "$source_dir/examples/dictionaries" >"$work/out" 2>"$work/err"
status=$?
check "dict stats exits 0" test "$status" -eq 0
check "dict stats counts verbs" grep -q "^verbs: 14 blocks, 23 verbs, 8 patterns" "$work/out"
check "dict stats counts ACCUSE verbs and patterns" grep -Eq "^  ACCUSE +5 +1$" "$work/out"
check "dict stats counts countries" grep -Eq "^  countries +15$" "$work/out"
check "dict stats counts GOV agents" grep -Eq "^  GOV +14$" "$work/out"
"$dyad" dict stats "$source_dir/data/dict" >"$work/out" 2>"$work/err"
check "dict stats of data/dict counts every ISO country" grep -Eq "^  countries +(249|2[5-9][0-9])$" "$work/out"
"$dyad" dict stats "$work/nowhere" >/dev/null 2>"$work/err"
status=$?
check "dict stats of a missing directory exits 2" test "$status" -eq 2

# 9. SQLite (issue #7): --out FILE.db; a second run adds nothing, --resume skips every
#    article; dyad query counts per period and dyad; files that are no database are named.
"$dyad" code --date 2016-09-19 --out "$work/events.db" "$source_dir/examples/text" >/dev/null 2>"$work/err"
status=$?
check "code into a database exits 0" test "$status" -eq 0
check "database run adds the 7 articles" grep -q "events.db: added 7 articles" "$work/err"
holds() { grep -o "it holds .*" "$1"; }
holds "$work/err" >"$work/holds1"
check "database holds events" grep -Eq "it holds 7 articles, [1-9][0-9]* events, [1-9][0-9]* mentions" "$work/holds1"
"$dyad" query "$work/events.db" --format csv >"$work/query1" 2>"$work/err"
check "query of the first run exits 0" test $? -eq 0
"$dyad" code --date 2016-09-19 --out "$work/events.db" "$source_dir/examples/text" >/dev/null 2>"$work/err"
check "second run adds nothing" grep -q "added 0 articles, 0 events, 0 mentions" "$work/err"
holds "$work/err" >"$work/holds2"
check "second run leaves the counts" cmp -s "$work/holds1" "$work/holds2"
"$dyad" query "$work/events.db" --format csv >"$work/query2" 2>/dev/null
check "second run leaves the query result" cmp -s "$work/query1" "$work/query2"
"$dyad" code --resume --date 2016-09-19 --out "$work/events.db" "$source_dir/examples/text" >/dev/null 2>"$work/err"
check "--resume skips every article" grep -q "7 articles already in .*events.db skipped" "$work/err"
check "--resume codes nothing" grep -q "7 records read, 0 coded, 0 skipped" "$work/err"
"$dyad" query "$work/events.db" --from 2016-09-01 --to 2016-10-31 --actor RUS --actor USA --by month \
  --format csv >"$work/out" 2>"$work/err"
status=$?
check "query exits 0" test "$status" -eq 0
check "query has a csv header" grep -q "^period,source,target,events,mentions,goldstein_sum" "$work/out"
check "query counts Lavrov's criticism in RUS-USA" grep -Eq "^2016-09,RUS,USA,[1-9][0-9]*,[1-9][0-9]*,-" "$work/out"
check "query rows are RUS-USA dyads only" test "$(grep -cv -e '^period' -e ',RUS,USA,' -e ',USA,RUS,' "$work/out")" -eq 0
"$dyad" query --actor RUS --actor USA "$work/events.db" --from 2016-09-01 --to 2016-10-31 --by month \
  --format csv >"$work/again" 2>/dev/null
check "query flags before the database" cmp -s "$work/out" "$work/again"
"$dyad" query "$work/events.db" --by week >"$work/out" 2>/dev/null
check "query table has a total line" grep -Eq '^[0-9]+ rows?, [0-9]+ events?' "$work/out"
"$dyad" query "$source_dir/examples/text/01_geneva_talks.txt" >/dev/null 2>"$work/err"
status=$?
check "query of a text file exits 2" test "$status" -eq 2
check "query names a file that is no database" grep -q "01_geneva_talks.txt: not a Dyad database" "$work/err"
"$dyad" query "$work/none.db" >/dev/null 2>"$work/err"
check "query names a missing database" grep -q "none.db: no such file" "$work/err"
"$dyad" code --resume --out "$work/events.jsonl" "$work/mixed.jsonl" >/dev/null 2>"$work/err"
status=$?
check "--resume without a database refused" test "$status" -ne 0
check "message names --resume" grep -q -- "--resume" "$work/err"

# 10. Large archives (issue #7): two shards merged give the events table of one run;
#     near copies are marked and counted once; --new-actors lists unknown names.
events_table() {  # every row of the events table: ids and counts
  python3 -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute("SELECT id, date, period, source, target, cameo, num_mentions, num_sources, num_articles FROM events ORDER BY id"): print(*row)' "$1"
}
"$dyad" code --date 2016-09-19 --shard 1/2 --out "$work/part1.db" "$source_dir/examples/text" >/dev/null 2>"$work/err1"
status1=$?
"$dyad" code --date 2016-09-19 --shard 2/2 --out "$work/part2.db" "$source_dir/examples/text" >/dev/null 2>"$work/err2"
status2=$?
check "both shards exit 0" test "$status1" -eq 0 -a "$status2" -eq 0
check "shard 1/2 names what it left" grep -q "shard 1/2: [0-9]* articles left to the other shards" "$work/err1"
a1=$(grep -o "added [0-9]* article" "$work/err1" | grep -o "[0-9]*")
a2=$(grep -o "added [0-9]* article" "$work/err2" | grep -o "[0-9]*")
check "the shards split the 7 articles" test "$((a1 + a2))" -eq 7 -a "$a1" -gt 0 -a "$a2" -gt 0
"$dyad" merge "$work/merged.db" "$work/part1.db" "$work/part2.db" >/dev/null 2>"$work/err"
status=$?
check "merge exits 0" test "$status" -eq 0
check "merge holds the 7 articles" grep -q "it holds 7 articles" "$work/err"
events_table "$work/events.db" >"$work/table_one"
events_table "$work/merged.db" >"$work/table_merged"
check "one run and merged shards have the same events (ids, counts)" cmp -s "$work/table_one" "$work/table_merged"
check "the events table is not empty" test -s "$work/table_one"
"$dyad" merge "$work/merged.db" "$work/part2.db" >/dev/null 2>"$work/err"
check "merging a shard again adds nothing" grep -q "added 0 articles, 0 events, 0 mentions" "$work/err"
"$dyad" merge "$work/merged.db" "$source_dir/examples/text/01_geneva_talks.txt" >/dev/null 2>"$work/err"
status=$?
check "merge of a file that is no database exits 2" test "$status" -eq 2
check "merge names it" grep -q "01_geneva_talks.txt: not a Dyad database" "$work/err"
"$dyad" code --shard 3/2 "$work/mixed.jsonl" >/dev/null 2>"$work/err"
status=$?
check "--shard 3/2 refused" test "$status" -ne 0 -a -n "$(grep -- --shard "$work/err")"

python3 - "$source_dir/examples/text/01_geneva_talks.txt" "$work/copies.jsonl" <<'PY'
import json, sys
body = open(sys.argv[1], encoding="utf-8").read().split("\n\n", 1)[1]
records = [
    {"id": "wire-1", "date": "2016-09-19", "title": "Armenia and Azerbaijan resume peace talks", "text": body},
    {"id": "paper-7", "date": "2016-09-19", "url": "https://paper.example/7", "title": "No breakthrough in Geneva",
     "text": "By Maria Keller\n\n" + body.replace("GENEVA (Demo Wire) - ", "") + "\n\nA third round is planned."},
]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for r in records:
        out.write(json.dumps(r) + "\n")
PY
"$dyad" code "$work/copies.jsonl" >"$work/out" 2>"$work/err"
check "a re-posted wire story is a near copy" grep -q "1 near-duplicate article" "$work/err"
check "its events are marked duplicate_of" grep -q '"article_id":"paper-7","duplicate_of":"wire-1"' "$work/out"
check "the original's are not" test -z "$(grep '"article_id":"wire-1","duplicate_of"' "$work/out")"
"$dyad" code --keep-duplicates "$work/copies.jsonl" >"$work/out" 2>/dev/null
check "--keep-duplicates marks nothing" test -z "$(grep duplicate_of "$work/out")"
"$dyad" code --out "$work/copies.db" "$work/copies.jsonl" >/dev/null 2>&1
check "in the database the copy counts once" test "$(python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT max(num_articles) FROM events").fetchone()[0], db.execute("SELECT duplicate_of FROM articles WHERE id = ?", ("paper-7",)).fetchone()[0])' "$work/copies.db")" = "1 wire-1"

printf '%s\n' '{"id":"z1","date":"2020-03-01","text":"The Zetan Liberation Front accused Russia of lying. Russia criticized the Zetan Liberation Front on Monday."}' >"$work/unknown.jsonl"
"$dyad" code --new-actors "$work/unknown.tsv" "$work/unknown.jsonl" >/dev/null 2>"$work/err"
status=$?
check "--new-actors exits 0" test "$status" -eq 0
check "--new-actors writes a header" test "$(head -1 "$work/unknown.tsv")" = "$(printf 'phrase\tcount\texample\tarticle_id')"
check "--new-actors counts the unknown group" grep -q "$(printf '^Zetan Liberation Front\t2\t')" "$work/unknown.tsv"
check "--new-actors leaves coded actors out" test -z "$(grep '^Russia' "$work/unknown.tsv")"

# 12. Places (issue #7): each event carries the place of its sentence, in every format
#     with room for it and in the database; --gazetteer names another places file.
"$dyad" code --date 2016-09-19 "$source_dir/examples/text" >"$work/out" 2>"$work/err"
check "Lavrov's criticism happened in Moscow" \
  grep -q '"place":{"name":"Moscow","country":"RUS",[^}]*},"source":{"code":"RUSGOV".*"cameo":"111"' "$work/out"
check "an event with no place has place null" grep -q '"place":null' "$work/out"
"$dyad" code --format tsv "$source_dir/examples/text" >"$work/out" 2>/dev/null
check "tsv has the place columns" grep -q "$(printf 'ActionGeo_Type\tActionGeo_FullName\tActionGeo_CountryCode')" <(head -1 "$work/out")
check "tsv names Moscow" grep -q "$(printf '\tMoscow, RUS\tRUS\t55.7522\t37.6156\t524901\t')" "$work/out"
printf '# two places\ngeonameid\tname\tascii\talt\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\n5601538\tMoscow\tMoscow\t\tUSA\tIdaho\t46.7324\t-117.0002\t25000\tcity\n' >"$work/places.tsv"
"$dyad" code --gazetteer "$work/places.tsv" "$source_dir/examples/text" >"$work/out" 2>"$work/err"
check "--gazetteer is the places file used" grep -q '"place":{"name":"Moscow","country":"USA","admin1":"Idaho"' "$work/out"
"$dyad" code --gazetteer "$work/no-places.tsv" "$source_dir/examples/text" >/dev/null 2>"$work/err"
status=$?
check "a missing gazetteer exits 2" test "$status" -eq 2
check "a missing gazetteer is named" grep -q "no-places.tsv: cannot open the gazetteer" "$work/err"
"$dyad" code --date 2016-09-19 --out "$work/places.db" "$source_dir/examples/text" >/dev/null 2>&1
check "the database stores the place of an event" test "$(python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT place, place_name, place_country, place_geonameid FROM events WHERE source = ? AND target = ? AND root = ?", ("RUSGOV", "USAGOV", "11")).fetchone())' "$work/places.db")" = "('524901', 'Moscow', 'RUS', 524901)"

echo "cli: $failures failure(s)"
exit $((failures > 0))
