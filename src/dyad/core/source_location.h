#pragma once

#include <cstdint>
#include <string>

namespace dyad {

// Where a record came from, for messages of the form "file:line: what is wrong".
struct SourceLocation {
  std::string file;   // "-" for standard input
  uint64_t line = 0;  // 1-based line of the record's first byte; 0 when not line-based

  std::string str() const { return line ? file + ":" + std::to_string(line) : file; }
};

}  // namespace dyad
