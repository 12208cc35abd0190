#pragma once

#include <string_view>

// The CSV reader (RFC 4180): see make_csv_reader in reader.h. Fields may be quoted,
// quoted fields may span lines and escape quotes by doubling them. The first record
// is a header naming the columns; it must have a `text` column and may have id, date,
// title, source and url; other columns go to Article::extra. A record's line is the
// line of its first byte. A broken record (a closing quote followed by something other
// than a comma or line end, a quote never closed, a record over the size limit, a
// wrong number of fields) is reported and skipped, and reading starts again on the
// line after the one the broken record began on, so no good record is lost.

namespace dyad::io {

// True when `line` parses as a CSV header of two or more columns, one named "text".
bool csv_header_has_text_column(std::string_view line);

}  // namespace dyad::io
