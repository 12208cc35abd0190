#pragma once

// The plain-text reader: see make_text_reader in reader.h. The whole input is one
// article. When the first line is followed by a blank line it is the headline
// (Article::title) and the text starts after the blank line(s); otherwise all of it is
// text. Input that is only white space yields no article. Input larger than
// ReadOptions::max_record_bytes is reported and skipped.
#include "dyad/io/reader.h"
