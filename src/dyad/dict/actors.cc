#include "dyad/dict/actors.h"

#include <string>

namespace dyad::dict {

const std::string* Actor::code_for(int32_t yyyymmdd) const {
  const std::string* fallback = nullptr;
  for (const auto& c : codes) {
    if (c.bounded()) {
      if (c.covers(yyyymmdd)) return &c.code;
    } else if (!fallback) {
      fallback = &c.code;
    }
  }
  return fallback;
}

namespace {

// One "[CODE]", "[CODE <date]", "[CODE >date]" or "[CODE date-date]" body.
bool parse_one_code(std::string_view body, const SourceLocation& where, DatedCode& out, Diagnostics& diags) {
  body = trim(body);
  size_t sp = body.find_first_of(" \t");
  std::string_view code = body.substr(0, sp);
  std::string_view rest = sp == std::string_view::npos ? std::string_view{} : trim(body.substr(sp));
  if (code.empty()) {
    diags.error(where, "empty code in [" + std::string(body) + "]");
    return false;
  }
  out = DatedCode{upper(code), kMinDate, kMaxDate};
  if (rest.empty()) return true;
  // Blanks inside the restriction are dropped: "> 140608" and "950601 - 990815" occur
  // in real files. Anything else left over fails as a bad date below.
  std::string joined;
  for (char c : rest)
    if (c != ' ' && c != '\t') joined.push_back(c);
  rest = joined;
  auto bad = [&](std::string_view d) {
    diags.error(where, "bad date '" + std::string(d) + "' in [" + std::string(body) +
                           "] (expected YYMMDD or YYYYMMDD)");
    return false;
  };
  if (rest[0] == '<' || rest[0] == '>') {
    int32_t d = 0;
    if (!parse_date(rest.substr(1), d)) return bad(rest.substr(1));
    (rest[0] == '<' ? out.to : out.from) = d;
    return true;
  }
  size_t dash = rest.find('-');
  if (dash == std::string_view::npos) return bad(rest);
  int32_t from = 0, to = 0;
  if (!parse_date(rest.substr(0, dash), from)) return bad(rest.substr(0, dash));
  if (!parse_date(rest.substr(dash + 1), to)) return bad(rest.substr(dash + 1));
  if (from > to) {
    diags.error(where, "date range ends before it starts in [" + std::string(body) + "]");
    return false;
  }
  out.from = from;
  out.to = to;
  return true;
}

}  // namespace

void parse_code_groups(std::string_view text, const SourceLocation& where, std::vector<DatedCode>& out,
                       Diagnostics& diags) {
  size_t i = 0;
  bool unbalanced_reported = false;
  size_t close_at = 0;  // the first ']' after i, kept while it still is (a run of '[' stays linear)
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c != '[') {
      diags.error(where, "unexpected text '" + std::string(trim(text.substr(i))) + "' after code");
      return;
    }
    if (close_at <= i) close_at = text.find(']', i + 1);
    size_t close = close_at;
    size_t reopen = text.find('[', i + 1);
    if (close == std::string_view::npos || (reopen != std::string_view::npos && reopen < close)) {
      // Once per line, and a bounded excerpt: a line of many '[' would otherwise make a
      // message per bracket, each quoting the rest of the line.
      if (!unbalanced_reported) {
        std::string_view rest = trim(text.substr(i));
        diags.error(where, "unbalanced '[' in '" + std::string(rest.substr(0, 80)) +
                               (rest.size() > 80 ? "...'" : "'"));
        unbalanced_reported = true;
      }
      if (reopen == std::string_view::npos) return;
      i = reopen;
      continue;
    }
    DatedCode code;
    if (parse_one_code(text.substr(i + 1, close - i - 1), where, code, diags)) out.push_back(std::move(code));
    i = close + 1;
  }
}

void ActorDictionary::add_phrase(Actor& actor, uint32_t index, std::string_view text,
                                 const SourceLocation& where, Diagnostics& diags) {
  if (text.find(']') != std::string_view::npos) {
    diags.error(where, "unbalanced ']' in '" + std::string(trim(text)) + "'");
    return;
  }
  if (text.find("<!") != std::string_view::npos || text.find("-->") != std::string_view::npos) {
    diags.error(where, "malformed <!-- --> comment: '" + std::string(trim(text)) + "'");
    return;
  }
  Phrase words = normalize_phrase(text);
  if (words.empty()) {
    diags.error(where, "empty phrase");
    return;
  }
  uint32_t prev = trie_.insert(words, index);
  if (prev != PhraseTrie::kNone) {
    const Actor& first = prev == index ? actor : actors_[prev];
    diags.warning(where, "duplicate actor phrase '" + join(words) + "' (first at " + first.where.str() +
                             "); the first is kept");
    return;
  }
  actor.phrases.push_back(std::move(words));
}

void ActorDictionary::load_string(std::string_view content, const std::string& file, Diagnostics& diags) {
  bool open = false;  // an actor is being read
  auto finish = [&]() {
    if (!open) return;
    open = false;
    Actor& a = actors_.back();
    if (a.phrases.empty()) {
      // Every phrase was rejected (reported already); nothing to keep.
      actors_.pop_back();
      return;
    }
    if (a.codes.empty()) diags.warning(a.where, "actor '" + join(a.phrases.front()) + "' has no code");
  };
  for (const DictLine& line : split_lines(content)) {
    SourceLocation where{file, line.number};
    std::string_view text = trim(line.text);
    size_t bracket = text.find('[');
    std::string_view phrase = text.substr(0, bracket);
    std::string_view codes = bracket == std::string_view::npos ? std::string_view{} : text.substr(bracket);
    if (text.front() == '[') {
      if (!open) {
        diags.error(where, "code line without an actor");
        continue;
      }
      parse_code_groups(codes, where, actors_.back().codes, diags);
    } else if (text.front() == '+') {
      if (!open) {
        diags.error(where, "synonym line without an actor");
        continue;
      }
      add_phrase(actors_.back(), static_cast<uint32_t>(actors_.size() - 1), phrase.substr(1), where, diags);
      parse_code_groups(codes, where, actors_.back().codes, diags);
    } else {
      finish();
      actors_.emplace_back();
      actors_.back().where = where;
      open = true;
      // Kept open even when the phrase is rejected, so its synonyms still attach.
      add_phrase(actors_.back(), static_cast<uint32_t>(actors_.size() - 1), phrase, where, diags);
      parse_code_groups(codes, where, actors_.back().codes, diags);
    }
  }
  finish();
}

void ActorDictionary::begin_actor(const SourceLocation& where) {
  actors_.emplace_back();
  actors_.back().where = where;
}

bool ActorDictionary::add_actor_phrase(Phrase words, const SourceLocation& where, Diagnostics& diags) {
  if (words.empty()) {
    diags.error(where, "empty phrase");
    return false;
  }
  const uint32_t index = static_cast<uint32_t>(actors_.size() - 1);
  const uint32_t prev = trie_.insert(words, index);
  if (prev != PhraseTrie::kNone) {
    diags.warning(where, "duplicate actor phrase '" + join(words) + "' (first at " +
                             actors_[prev].where.str() + "); the first is kept");
    return false;
  }
  actors_.back().phrases.push_back(std::move(words));
  return true;
}

void ActorDictionary::add_actor_code(DatedCode code) { actors_.back().codes.push_back(std::move(code)); }

void ActorDictionary::end_actor(Diagnostics& diags) {
  if (actors_.empty()) return;
  Actor& a = actors_.back();
  if (a.phrases.empty()) {
    actors_.pop_back();
    return;
  }
  if (a.codes.empty()) diags.warning(a.where, "actor '" + join(a.phrases.front()) + "' has no code");
}

bool ActorDictionary::load_file(const std::filesystem::path& path, Diagnostics& diags) {
  std::string content;
  if (!read_dictionary_file(path, content, diags)) return false;
  load_string(content, path.string(), diags);
  return true;
}

const Actor* ActorDictionary::find(const Phrase& words) const {
  uint32_t v = trie_.find(words);
  return v == PhraseTrie::kNone ? nullptr : &actors_[v];
}

ActorDictionary::Match ActorDictionary::longest_match(std::span<const std::string_view> tokens,
                                                      size_t start) const {
  auto m = trie_.longest_match(tokens, start);
  return m ? Match{m.length, &actors_[m.value]} : Match{};
}

ActorDictionary::Match ActorDictionary::longest_match(std::span<const std::string> tokens,
                                                      size_t start) const {
  auto m = trie_.longest_match(tokens, start);
  return m ? Match{m.length, &actors_[m.value]} : Match{};
}

}  // namespace dyad::dict
