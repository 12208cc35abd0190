#pragma once

// The JSON Lines reader: see make_jsonl_reader in reader.h. One JSON object per line:
// {"id", "date", "title", "text", "source", "url"}; `date` is ISO 8601 (2019-01-04 or
// 2019-01-04T10:00:00Z), other fields go to Article::extra. Blank lines are skipped.
// A line that is not a JSON object, has a field of the wrong type or an impossible
// date is reported with its line number and skipped. Lines are read one at a time and
// capped at ReadOptions::max_record_bytes, so memory stays bounded.
#include "dyad/io/reader.h"
