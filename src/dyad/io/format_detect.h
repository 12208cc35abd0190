#pragma once

#include <string_view>

#include "dyad/io/article_stream.h"

namespace dyad::io {

// The format a file name's extension stands for (case-insensitive): .txt -> text,
// .jsonl .json .ndjson -> jsonl, .csv -> csv, .html .htm -> html, .xml -> petrarch;
// kAuto for anything else.
InputFormat format_from_extension(std::string_view path);

// The format of input that starts with `head` (the first few KB): '{' -> jsonl,
// <Sentences> (after an XML declaration or comments) -> petrarch, <!doctype html> or
// <html> -> html, a first line that is a CSV header with a "text" column -> csv, else
// text.
InputFormat format_from_content(std::string_view head);

// True when `head` looks like binary data (NUL bytes) rather than text.
bool looks_binary(std::string_view head);

}  // namespace dyad::io
