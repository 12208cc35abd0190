#include "dyad/dict/discards.h"

namespace dyad::dict {

void DiscardList::load_string(std::string_view content, const std::string& file, Diagnostics& diags) {
  for (const DictLine& line : split_lines(content)) {
    SourceLocation where{file, line.number};
    std::string_view text = trim(line.text);
    Discard d;
    d.where = where;
    if (text.front() == '+') {
      d.story_level = true;
      text = trim(text.substr(1));
    }
    if (text.find_first_of("[]{}") != std::string_view::npos) {
      diags.error(where, "unexpected bracket in discard phrase '" + std::string(text) + "'");
      continue;
    }
    d.phrase = normalize_phrase(text);
    if (d.phrase.empty()) {
      diags.error(where, "empty discard phrase");
      continue;
    }
    uint32_t prev = trie_.insert(d.phrase, static_cast<uint32_t>(entries_.size()));
    if (prev != PhraseTrie::kNone) {
      diags.warning(where, "duplicate discard phrase '" + join(d.phrase) + "' (first at " +
                               entries_[prev].where.str() + "); the first is kept");
      continue;
    }
    entries_.push_back(std::move(d));
  }
}

bool DiscardList::add(Discard entry, Diagnostics& diags) {
  if (entry.phrase.empty()) {
    diags.error(entry.where, "empty discard phrase");
    return false;
  }
  const uint32_t prev = trie_.insert(entry.phrase, static_cast<uint32_t>(entries_.size()));
  if (prev != PhraseTrie::kNone) {
    diags.warning(entry.where, "duplicate discard phrase '" + join(entry.phrase) + "' (first at " +
                                   entries_[prev].where.str() + "); the first is kept");
    return false;
  }
  entries_.push_back(std::move(entry));
  return true;
}

bool DiscardList::load_file(const std::filesystem::path& path, Diagnostics& diags) {
  std::string content;
  if (!read_dictionary_file(path, content, diags)) return false;
  load_string(content, path.string(), diags);
  return true;
}

const Discard* DiscardList::find(const Phrase& words) const {
  uint32_t v = trie_.find(words);
  return v == PhraseTrie::kNone ? nullptr : &entries_[v];
}

DiscardList::Match DiscardList::longest_match(std::span<const std::string_view> tokens, size_t start) const {
  auto m = trie_.longest_match(tokens, start);
  return m ? Match{m.length, &entries_[m.value]} : Match{};
}

DiscardList::Match DiscardList::longest_match(std::span<const std::string> tokens, size_t start) const {
  auto m = trie_.longest_match(tokens, start);
  return m ? Match{m.length, &entries_[m.value]} : Match{};
}

}  // namespace dyad::dict
