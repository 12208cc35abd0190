#include "dyad/dict/issues.h"

namespace dyad::dict {

namespace {

// Forms of one part ("n:school", "v:purge", "k").
std::vector<std::string> part_forms(std::string_view part) {
  std::string p = upper(part);
  if (p.size() > 2 && p[1] == ':' && (p[0] == 'N' || p[0] == 'V')) {
    std::string root = p.substr(2);
    if (p[0] == 'N') return {root, regular_plural(root)};
    std::string stem = root;
    if (!stem.empty() && stem.back() == 'E') stem.pop_back();
    std::string third = root;
    if (!third.empty() && (third.back() == 'S' || third.back() == 'X' || third.back() == 'H'))
      third += "ES";
    else
      third += "S";
    return {root, third, stem + "ED", stem + "ING"};
  }
  return {p};
}

}  // namespace

std::vector<Phrase> expand_issue_phrase(std::string_view text) {
  std::vector<Phrase> out{Phrase{}};
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i == b) break;
    std::string_view token = text.substr(b, i - b);
    // Each token expands to a list of word sequences.
    std::vector<Phrase> token_forms{Phrase{}};
    size_t start = 0;
    bool first_part = true;
    while (start <= token.size()) {
      size_t plus = token.find('+', start);
      std::string_view part =
          token.substr(start, plus == std::string_view::npos ? std::string_view::npos : plus - start);
      std::vector<Phrase> next;
      for (const auto& tf : token_forms) {
        for (const auto& form : part_forms(part)) {
          if (form.empty()) continue;
          if (first_part || tf.empty()) {  // tf is empty after an empty first part ("+k")
            next.push_back(Phrase{form});
            continue;
          }
          Phrase spaced = tf;
          spaced.push_back(form);
          next.push_back(std::move(spaced));
          Phrase hyphened = tf;
          hyphened.back() += "-" + form;
          next.push_back(std::move(hyphened));
        }
        if (next.size() > kMaxIssueForms) return next;  // too many: the caller rejects the line
      }
      if (!next.empty()) token_forms = std::move(next);
      first_part = false;
      if (plus == std::string_view::npos) break;
      start = plus + 1;
    }
    if (token_forms.size() == 1) {  // the usual case: extend in place (no copies, linear in the words)
      for (auto& prefix : out) prefix.insert(prefix.end(), token_forms[0].begin(), token_forms[0].end());
      continue;
    }
    std::vector<Phrase> combined;
    for (const auto& prefix : out)
      for (const auto& tf : token_forms) {
        if (combined.size() > kMaxIssueForms) return combined;  // too many: the caller rejects the line
        Phrase p = prefix;
        p.insert(p.end(), tf.begin(), tf.end());
        combined.push_back(std::move(p));
      }
    out = std::move(combined);
  }
  if (out.size() == 1 && out.front().empty()) out.clear();
  return out;
}

void IssueDictionary::load_string(std::string_view content, const std::string& file, Diagnostics& diags) {
  std::string category;
  bool in_block = false;
  uint64_t block_line = 0;  // of the open <ISSUE>
  for (const DictLine& line : split_lines(content)) {
    SourceLocation where{file, line.number};
    std::string_view text = trim(line.text);
    if (text.starts_with("<ISSUE")) {
      if (in_block) diags.warning(where, "<ISSUE> opened before the previous one was closed");
      in_block = true;
      block_line = line.number;
      category.clear();
      size_t at = text.find("CATEGORY=\"");
      if (at != std::string_view::npos) {
        size_t end = text.find('"', at + 10);
        if (end == std::string_view::npos)
          diags.error(where, "unterminated CATEGORY value");
        else
          category = std::string(text.substr(at + 10, end - at - 10));
      }
      continue;
    }
    if (text.starts_with("</ISSUE")) {
      if (!in_block) diags.warning(where, "</ISSUE> without an open <ISSUE>");
      in_block = false;
      category.clear();
      continue;
    }
    Issue proto;
    proto.where = where;
    proto.category = category;
    if (text.starts_with("~~")) {
      proto.ignore = 2;
      text = text.substr(2);
    } else if (text.starts_with("~")) {
      proto.ignore = 1;
      text = text.substr(1);
    }
    size_t lb = text.find('[');
    std::string_view phrase = text.substr(0, lb);
    if (lb != std::string_view::npos) {
      size_t rb = text.find(']', lb);
      if (rb == std::string_view::npos) {
        diags.error(where, "unbalanced '[' in '" + std::string(text) + "'");
        continue;
      }
      if (!trim(text.substr(rb + 1)).empty()) {
        diags.error(where, "unexpected text '" + std::string(trim(text.substr(rb + 1))) + "' after code");
        continue;
      }
      proto.code = upper(trim(text.substr(lb + 1, rb - lb - 1)));
      if (proto.code.empty()) {
        diags.error(where, "empty code");
        continue;
      }
      if (proto.ignore) {
        diags.warning(where, "ignore phrase has a code; the code is dropped");
        proto.code.clear();
      }
    } else if (text.find(']') != std::string_view::npos) {
      diags.error(where, "unbalanced ']' in '" + std::string(text) + "'");
      continue;
    } else if (!proto.ignore) {
      diags.error(where, "issue phrase without a [code]");
      continue;
    }
    std::vector<Phrase> forms = expand_issue_phrase(trim(phrase));
    if (forms.empty()) {
      diags.error(where, "empty issue phrase");
      continue;
    }
    if (forms.size() > kMaxIssueForms) {
      diags.error(where, "issue phrase expands to more than " + std::to_string(kMaxIssueForms) +
                             " forms; line skipped");
      continue;
    }
    ++lines_;
    bool first = true;
    for (auto& form : forms) {
      Issue is = proto;
      is.phrase = std::move(form);
      is.generated = !first;
      first = false;
      uint32_t prev = trie_.insert(is.phrase, static_cast<uint32_t>(entries_.size()));
      if (prev != PhraseTrie::kNone) {
        const Issue& old = entries_[prev];
        if (!is.generated && !old.generated && old.where.line != where.line)
          diags.warning(where, "duplicate issue phrase '" + join(is.phrase) + "' (first at " +
                                   old.where.str() + "); the first is kept");
        continue;
      }
      entries_.push_back(std::move(is));
    }
  }
  if (in_block) diags.warning({file, block_line}, "<ISSUE> block not closed at end of file");
}

bool IssueDictionary::add(Issue entry, Diagnostics& diags) {
  if (entry.phrase.empty()) {
    diags.error(entry.where, "empty issue phrase");
    return false;
  }
  if (!entry.generated) ++lines_;
  const uint32_t prev = trie_.insert(entry.phrase, static_cast<uint32_t>(entries_.size()));
  if (prev != PhraseTrie::kNone) {
    const Issue& old = entries_[prev];
    if (!entry.generated && !old.generated)
      diags.warning(entry.where, "duplicate issue phrase '" + join(entry.phrase) + "' (first at " +
                                     old.where.str() + "); the first is kept");
    return false;
  }
  entries_.push_back(std::move(entry));
  return true;
}

bool IssueDictionary::load_file(const std::filesystem::path& path, Diagnostics& diags) {
  std::string content;
  if (!read_dictionary_file(path, content, diags)) return false;
  load_string(content, path.string(), diags);
  return true;
}

const Issue* IssueDictionary::find(const Phrase& words) const {
  uint32_t v = trie_.find(words);
  return v == PhraseTrie::kNone ? nullptr : &entries_[v];
}

IssueDictionary::Match IssueDictionary::longest_match(std::span<const std::string_view> tokens,
                                                      size_t start) const {
  auto m = trie_.longest_match(tokens, start);
  return m ? Match{m.length, &entries_[m.value]} : Match{};
}

IssueDictionary::Match IssueDictionary::longest_match(std::span<const std::string> tokens,
                                                      size_t start) const {
  auto m = trie_.longest_match(tokens, start);
  return m ? Match{m.length, &entries_[m.value]} : Match{};
}

}  // namespace dyad::dict
