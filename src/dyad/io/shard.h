#pragma once

// `dyad code --shard i/N` (issue #7, large archives): a deterministic 1/N of the input,
// chosen by a hash of the article id alone, so that the split does not depend on the
// order or the files the articles come in, and N copies of dyad (a cluster array job)
// together code every article exactly once. Their databases are combined with `dyad
// merge` (store/sqlite_store.h, SqliteStore::merge).

#include <cstdint>
#include <string_view>

namespace dyad::io {

struct Shard {
  uint32_t index = 1, count = 1;  // 1 <= index <= count; 1/1 is the whole input
};

// "3/8" -> {3, 8}; false unless both are whole numbers with 1 <= i <= N <= 1,000,000.
bool parse_shard(std::string_view text, Shard& out);

// Whether the article `id` is in `shard`: FNV-1a 64 of the id, modulo N, is i - 1.
bool in_shard(std::string_view id, Shard shard);

}  // namespace dyad::io
