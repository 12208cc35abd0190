#pragma once

// Stable ids for events (docs/events.md, "Event id"): FNV-1a 64 over fields, each field
// preceded by its byte length as 4 little-endian bytes so that different splits of the
// same bytes cannot collide. Shared by the writers (store/) and the event grouper (doc/).

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad {

inline constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;

// Folds one length-prefixed field into the FNV-1a 64 state `h`.
uint64_t fnv1a64_field(uint64_t h, std::string_view field);

// The sentence-level event id (the JSON Lines `id`, a "mention" of an event): article id,
// sentence index (decimal), source code, target code, event code.
uint64_t sentence_event_hash(std::string_view article_id, uint32_t sentence_index, std::string_view source,
                             std::string_view target, std::string_view code);
std::string sentence_event_id(std::string_view article_id, uint32_t sentence_index, std::string_view source,
                              std::string_view target, std::string_view code);

// 16 lower-case hex digits.
std::string hex_id(uint64_t value);

}  // namespace dyad
