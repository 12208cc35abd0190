#include "dyad/dict/native_format.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "dyad/dict/dict_text.h"

namespace dyad::dict {

namespace {

// ---------------------------------------------------------------------------------------
// Lexing one line.
//
// Tokens are separated by blanks. A token starting with '"' is a quoted string (backslash
// escapes '"' and itself); '[' starts a bracket that runs to the next ']' (its inside is kept raw,
// and it may follow a word directly); a token starting with '#' starts a comment; a bare
// token ending in ':' is a field name. Everything else is a bare word.

enum class TokKind { kWord, kQuoted, kBracket, kField };

struct Tok {
  TokKind kind = TokKind::kWord;
  std::string text;  // the word, the unescaped string, the bracket's inside, the field name
  size_t begin = 0;  // byte offsets in the line, for raw spans
  size_t end = 0;
};

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool lex(std::string_view line, std::vector<Tok>& out, std::string& error) {
  out.clear();
  size_t i = 0;
  while (i < line.size()) {
    if (blank(line[i])) {
      ++i;
      continue;
    }
    const char c = line[i];
    if (c == '#') return true;
    Tok t;
    t.begin = i;
    if (c == '"') {
      t.kind = TokKind::kQuoted;
      ++i;
      bool closed = false;
      while (i < line.size()) {
        const char d = line[i];
        if (d == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) {
          t.text += line[i + 1];
          i += 2;
          continue;
        }
        if (d == '"') {
          closed = true;
          ++i;
          break;
        }
        t.text += d;
        ++i;
      }
      if (!closed) {
        error = "unterminated quoted string";
        return false;
      }
      if (i < line.size() && !blank(line[i])) {
        error = "text right after a closing quote (put a blank between them)";
        return false;
      }
    } else if (c == '[') {
      t.kind = TokKind::kBracket;
      const size_t close = line.find(']', i + 1);
      const size_t reopen = line.find('[', i + 1);
      if (close == std::string_view::npos || (reopen != std::string_view::npos && reopen < close)) {
        error = "unbalanced '['";
        return false;
      }
      t.text = std::string(trim(line.substr(i + 1, close - i - 1)));
      i = close + 1;
    } else {
      while (i < line.size() && !blank(line[i]) && line[i] != '[') {
        if (line[i] == ']') {
          error = "unbalanced ']'";
          return false;
        }
        ++i;
      }
      t.text = std::string(line.substr(t.begin, i - t.begin));
      if (t.text.size() > 1 && t.text.back() == ':') {
        t.kind = TokKind::kField;
        t.text.pop_back();
      }
    }
    t.end = i;
    out.push_back(std::move(t));
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Writing helpers.

std::string quote_text(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

// A word as a bare token when it reads back as the same word, else quoted.
std::string word(std::string_view w) {
  bool bare = !w.empty() && w.front() != '"' && w.front() != '#' && w.back() != ':';
  for (char c : w)
    if (static_cast<unsigned char>(c) <= ' ' || c == '[' || c == ']' || c == '#') bare = false;
  return bare ? std::string(w) : quote_text(w);
}

std::string phrase_text(const Phrase& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += word(w);
  }
  return out;
}

// Free text in PETRARCH notation (patterns, transformations), written as is unless the
// lexer would not give it back (a piece starting with '"' or '#', a bracket).
std::string raw_text(std::string_view s) {
  bool bare = !s.empty();
  bool piece_start = true;
  for (char c : s) {
    if (c == '[' || c == ']' || c == '\n' || (piece_start && (c == '"' || c == '#'))) bare = false;
    piece_start = blank(c);
  }
  return bare ? std::string(s) : quote_text(s);
}

std::string code_text(const EventCode& code) {
  return "[" + code.code + (code.paired.empty() ? "" : ":" + code.paired) + "]";
}

std::string dated_code_text(const DatedCode& c) {
  std::string out = "[" + c.code;
  if (c.bounded()) {
    out += ' ';
    if (c.from != kMinDate) out += iso_date(c.from);
    out += "..";
    if (c.to != kMaxDate) out += iso_date(c.to);
  }
  return out + "]";
}

class Writer {
 public:
  Writer(std::ostream& out, const NativeWriteOptions& options, NativeKind kind)
      : out_(out), options_(options) {
    out_ << kNativeMagic << ' ' << kNativeVersion << ' ' << native_kind_name(kind) << '\n';
    for (const std::string& note : options.notes) out_ << "# " << note << '\n';
  }
  std::ostream& out() { return out_; }
  // Ends a record line with its provenance.
  void end(const SourceLocation& where) {
    if (options_.provenance && !where.file.empty()) {
      out_ << "  # " << std::filesystem::path(where.file).filename().string();
      if (where.line) out_ << ':' << where.line;
    }
    out_ << '\n';
  }

 private:
  std::ostream& out_;
  const NativeWriteOptions& options_;
};

// ---------------------------------------------------------------------------------------
// Reading helpers.

class LineReader {
 public:
  LineReader(std::string_view content, const std::string& file, NativeKind kind, Diagnostics& diags)
      : content_(content), file_(file), kind_(kind), diags_(diags) {}

  // Calls f(line number, line text, tokens) for every line with tokens. False when the
  // header says the file is of another kind or a newer version (reported; nothing read).
  template <class F>
  bool run(F&& f) {
    uint64_t number = 0;
    size_t i = 0;
    std::vector<Tok> toks;
    std::string error;
    if (content_.starts_with("\xEF\xBB\xBF")) i = 3;
    bool first = true;
    while (i < content_.size()) {
      size_t end = content_.find('\n', i);
      if (end == std::string_view::npos) end = content_.size();
      const std::string_view line = content_.substr(i, end - i);
      i = end + 1;
      ++number;
      if (first) {
        first = false;
        const int header = check_header(line);
        if (header < 0) return false;
        if (header > 0) continue;
      }
      if (!lex(line, toks, error)) {
        diags_.error(at(number), error + "; line skipped");
        continue;
      }
      if (toks.empty()) continue;
      f(number, line, toks);
    }
    return true;
  }

  SourceLocation at(uint64_t line) const { return {file_, line}; }
  Diagnostics& diags() { return diags_; }
  const std::string& file() const { return file_; }

 private:
  // 1: a good header; 0: no header (reported; the line is read as a record); -1: stop.
  int check_header(std::string_view line) {
    const std::string want = std::string(kNativeMagic) + " " + std::to_string(kNativeVersion) + " " +
                             std::string(native_kind_name(kind_));
    std::vector<Tok> toks;
    std::string error;
    if (!lex(line, toks, error) || toks.size() < 3 || toks[0].text != kNativeMagic) {
      diags_.error(at(1), "the first line should be '" + want + "'");
      return 0;
    }
    int version = 0;
    const std::string& v = toks[1].text;
    const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
    if (ec != std::errc() || ptr != v.data() + v.size() || version < 1) {
      diags_.error(at(1), "bad version '" + v + "' in the header; expected '" + want + "'");
      return -1;
    }
    if (version > kNativeVersion) {
      diags_.error(at(1), "format version " + v + " is newer than this reader (" +
                              std::to_string(kNativeVersion) + "); nothing read");
      return -1;
    }
    if (toks[2].text != native_kind_name(kind_)) {
      diags_.error(at(1), "this is a '" + toks[2].text + "' dictionary, not '" +
                              std::string(native_kind_name(kind_)) + "'; nothing read");
      return -1;
    }
    if (toks.size() > 3) diags_.warning(at(1), "text after the header is ignored");
    return 1;
  }

  std::string_view content_;
  std::string file_;
  NativeKind kind_;
  Diagnostics& diags_;
};

bool is_word(const Tok& t) { return t.kind == TokKind::kWord || t.kind == TokKind::kQuoted; }

// Words from toks[i] on, up to the first bracket or field; uppercased.
Phrase take_phrase(const std::vector<Tok>& toks, size_t& i) {
  Phrase out;
  while (i < toks.size() && is_word(toks[i])) out.push_back(upper(toks[i++].text));
  return out;
}

std::string describe(const Tok& t) {
  switch (t.kind) {
    case TokKind::kBracket:
      return "[" + t.text + "]";
    case TokKind::kField:
      return t.text + ":";
    case TokKind::kQuoted:
      return quote_text(t.text);
    case TokKind::kWord:
      break;
  }
  return t.text;
}

// A code is kept as written (PETRARCH keeps 174K, 025?, xxy); only blanks, brackets and
// ':' cannot be part of one.
bool valid_code_part(std::string_view s) {
  return !s.empty() && s.find_first_of(" \t[]:{}()") == std::string_view::npos;
}

// "010", "042:043", ":194". False when malformed.
bool parse_event_code(std::string_view inside, EventCode& code) {
  const size_t colon = inside.find(':');
  const std::string_view first = trim(inside.substr(0, colon));
  const std::string_view second =
      colon == std::string_view::npos ? std::string_view() : trim(inside.substr(colon + 1));
  if (colon == std::string_view::npos
          ? !valid_code_part(first)
          : !((first.empty() || valid_code_part(first)) && valid_code_part(second)))
    return false;
  code.code = std::string(first);
  code.paired = std::string(second);
  return true;
}

// The PETRARCH pattern notation: `*` verb, `$` source, `+` target, `%` compound, `^` skip,
// `(` `)` `{` `}`, `&NAME` synsets, `_` joins; words are uppercased.
bool parse_pattern(std::string_view body, VerbPattern& p, std::vector<PatternToken>& tokens,
                   std::string& error) {
  tokens.clear();
  std::vector<char> stack;
  bool joined = false;
  auto emit = [&](PatternTokenKind kind, std::string text) {
    tokens.push_back({kind, std::move(text), joined});
    joined = false;
  };
  size_t i = 0;
  while (i < body.size()) {
    const char c = body[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '_') {
      joined = !tokens.empty();
      ++i;
    } else if (c == '(' || c == '{') {
      stack.push_back(c);
      emit(c == '(' ? PatternTokenKind::kPrepOpen : PatternTokenKind::kNounOpen, std::string(1, c));
      ++i;
    } else if (c == ')' || c == '}') {
      if (stack.empty() || stack.back() != (c == ')' ? '(' : '{')) {
        error = std::string("unbalanced '") + c + "' in pattern";
        return false;
      }
      stack.pop_back();
      emit(c == ')' ? PatternTokenKind::kPrepClose : PatternTokenKind::kNounClose, std::string(1, c));
      ++i;
    } else {
      size_t j = i;
      while (j < body.size() && body[j] != ' ' && body[j] != '\t' && body[j] != '_' && body[j] != '(' &&
             body[j] != ')' && body[j] != '{' && body[j] != '}')
        ++j;
      std::string w(body.substr(i, j - i));
      i = j;
      if (w == "*" || w == "**") {
        emit(PatternTokenKind::kVerb, w);
      } else if (w == "$") {
        emit(PatternTokenKind::kSource, w);
      } else if (w == "+") {
        emit(PatternTokenKind::kTarget, w);
      } else if (w == "%") {
        emit(PatternTokenKind::kCompound, w);
      } else if (w == "^") {
        emit(PatternTokenKind::kSkip, w);
      } else if (w.front() == '&') {
        std::string_view name(w);
        name.remove_prefix(1);
        if (name.empty()) {
          error = "'&' without a synset name in pattern";
          return false;
        }
        emit(PatternTokenKind::kSynset, upper(name));
      } else if (w.find_first_of("*$+%^&[]") != std::string::npos) {
        error = "bad word '" + w + "' in pattern";
        return false;
      } else {
        emit(PatternTokenKind::kWord, upper(w));
      }
    }
  }
  if (!stack.empty()) {
    error = std::string("unbalanced '") + stack.back() + "' in pattern";
    return false;
  }
  size_t verb_at = tokens.size();
  int verbs = 0;
  for (size_t k = 0; k < tokens.size(); ++k)
    if (tokens[k].kind == PatternTokenKind::kVerb) {
      ++verbs;
      verb_at = k;
    }
  if (verbs != 1) {
    error = verbs == 0 ? "pattern without the verb marker '*'" : "pattern with more than one verb marker '*'";
    return false;
  }
  p.verb_joined_before = tokens[verb_at].joined;
  p.verb_joined_after = verb_at + 1 < tokens.size() && tokens[verb_at + 1].joined;
  p.before.assign(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(verb_at));
  p.after.assign(tokens.begin() + static_cast<std::ptrdiff_t>(verb_at) + 1, tokens.end());
  if (!p.after.empty()) p.after.front().joined = false;
  return true;
}

std::string join_tokens(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

// The raw text of toks[from, to) as written on the line; a single quoted token gives its
// unescaped content.
std::string raw_span(std::string_view line, const std::vector<Tok>& toks, size_t from, size_t to) {
  if (from >= to) return {};
  if (to - from == 1 && toks[from].kind == TokKind::kQuoted) return toks[from].text;
  return std::string(trim(line.substr(toks[from].begin, toks[to - 1].end - toks[from].begin)));
}

std::string content_of(std::istream& in) {
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Kinds and dates

std::string_view native_kind_name(NativeKind kind) {
  switch (kind) {
    case NativeKind::kVerbs:
      return "verbs";
    case NativeKind::kActors:
      return "actors";
    case NativeKind::kAgents:
      return "agents";
    case NativeKind::kDiscards:
      return "discards";
    case NativeKind::kIssues:
      return "issues";
  }
  return "?";
}

std::string native_file_name(NativeKind kind) { return std::string(native_kind_name(kind)) + ".dyad"; }

std::optional<NativeKind> native_kind_of(std::string_view content) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  const std::string_view line = content.substr(0, content.find('\n'));
  std::vector<Tok> toks;
  std::string error;
  if (!lex(line, toks, error) || toks.size() < 3 || toks[0].text != kNativeMagic) return std::nullopt;
  for (NativeKind k : {NativeKind::kVerbs, NativeKind::kActors, NativeKind::kAgents, NativeKind::kDiscards,
                       NativeKind::kIssues})
    if (toks[2].text == native_kind_name(k)) return k;
  return std::nullopt;
}

std::string iso_date(int32_t d) {
  char buf[16];
  const int year = d / 10000, month = d / 100 % 100, day = d % 100;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool parse_iso_date(std::string_view text, int32_t& yyyymmdd) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  std::string digits;
  digits.append(text.substr(0, 4)).append(text.substr(5, 2)).append(text.substr(8, 2));
  return parse_date(digits, yyyymmdd);
}

// ---------------------------------------------------------------------------------------
// Verbs

void write_native(const VerbDictionary& d, std::ostream& os, const NativeWriteOptions& options) {
  Writer w(os, options, NativeKind::kVerbs);
  std::ostream& out = w.out();
  if (!d.synsets().empty()) out << "\n# Synsets: &NAME in patterns matches any member.\n";
  for (const Synset& s : d.synsets()) {
    out << "synset " << word(s.name) << (s.plurals ? "" : " no-plurals");
    w.end(s.where);
    for (const SynsetMember& m : s.members) {
      out << "  + " << (m.synset.empty() ? phrase_text(m.words) : word("&" + m.synset));
      if (!m.plural.empty()) out << "  plural: " << word(m.plural);
      out << '\n';
    }
  }
  for (const VerbBlock& b : d.blocks()) {
    out << "\nblock " << word(b.name) << ' ' << code_text(b.code);
    if (!b.plover.empty()) out << "  plover: " << word(b.plover);
    w.end(b.where);
    for (size_t vi : b.verbs) {
      const Verb& v = d.verbs()[vi];
      Phrase words;
      for (const std::string& x : v.words_before) words.push_back(x);
      words.push_back("+" + v.lemma);
      for (const std::string& x : v.words_after) words.push_back(x);
      if (v.words_before.empty() && v.words_after.empty()) words.back() = v.lemma;
      out << "  verb " << phrase_text(words);
      if (!v.code.code.empty() || !v.code.paired.empty()) out << ' ' << code_text(v.code);
      out << (v.irregular ? "  forms:" : "  regular:");
      for (const std::string& f : v.forms) out << ' ' << word(f);
      if (!v.phrase_forms.empty()) {
        out << "  phrases:";
        for (const std::string& f : v.phrase_forms) out << ' ' << quote_text(f);
      }
      w.end(v.where);
    }
    for (size_t pi : b.patterns) {
      const VerbPattern& p = d.patterns()[pi];
      out << "  pattern " << raw_text(p.text) << ' ' << code_text(p.code);
      if (!p.plover.empty()) out << "  plover: " << word(p.plover);
      if (!p.comment.empty()) out << "  note: " << quote_text(p.comment);
      w.end(p.where);
    }
  }
  if (!d.transformations().empty()) out << "\n# Transformation rules.\n";
  for (const Transformation& t : d.transformations()) {
    out << "transform " << raw_text(join_tokens(t.lhs) + " = " + join_tokens(t.rhs));
    w.end(t.where);
  }
}

VerbDictionary read_native_verbs(std::string_view content, const std::string& file, Diagnostics& diags) {
  VerbDictionary d;
  LineReader reader(content, file, NativeKind::kVerbs, diags);
  bool have_block = false;
  size_t block = 0;
  // The synset being read; members must follow it directly.
  std::optional<Synset> synset;
  bool after_synset = false;
  auto flush_synset = [&]() {
    if (!synset) return;
    const std::string name = synset->name;
    const SourceLocation where = synset->where;
    if (!d.add_synset(std::move(*synset)))
      diags.error(where, "synset &" + name + " is defined twice (first at " + d.synset(name)->where.str() +
                             "); the second is left out");
    synset.reset();
  };
  std::map<std::pair<size_t, std::string>, size_t> seen_full, seen_text;
  std::vector<std::pair<std::string, SourceLocation>> member_refs;
  std::vector<PatternToken> tokens;

  reader.run([&](uint64_t number, std::string_view line, const std::vector<Tok>& toks) {
    const SourceLocation where = reader.at(number);
    const Tok& key = toks[0];
    auto err = [&](const std::string& m) { diags.error(where, m); };
    const bool member = key.kind == TokKind::kWord && key.text == "+";
    if (!member) {
      after_synset = false;
      flush_synset();
    }
    if (key.kind != TokKind::kWord) return err("a record starts with a keyword, not " + describe(key));

    if (key.text == "synset") {
      if (toks.size() < 2 || !is_word(toks[1])) return err("synset without a name");
      std::string_view name = toks[1].text;
      if (name.starts_with("&")) name.remove_prefix(1);
      while (name.ends_with("_")) name.remove_suffix(1);
      if (name.empty()) return err("synset without a name");
      Synset s;
      s.name = upper(name);
      s.where = where;
      for (size_t i = 2; i < toks.size(); ++i) {
        if (toks[i].kind == TokKind::kWord && toks[i].text == "no-plurals")
          s.plurals = false;
        else
          return err("unexpected " + describe(toks[i]) + " after the synset name");
      }
      synset = std::move(s);
      after_synset = true;
      return;
    }
    if (member) {
      if (!after_synset || !synset) return err("'+' member line outside a synset");
      SynsetMember m;
      size_t i = 1;
      if (i < toks.size() && is_word(toks[i]) && toks[i].text.starts_with("&")) {
        std::string_view name = std::string_view(toks[i].text).substr(1);
        while (name.ends_with("_")) name.remove_suffix(1);
        m.synset = upper(name);
        if (m.synset.empty()) return err("'&' without a synset name");
        ++i;
      } else {
        m.words = take_phrase(toks, i);
        if (m.words.empty()) return err("empty member in synset &" + synset->name);
      }
      for (; i < toks.size(); ++i) {
        if (toks[i].kind == TokKind::kField && toks[i].text == "plural" && i + 1 < toks.size() &&
            is_word(toks[i + 1]) && m.synset.empty()) {
          m.plural = upper(toks[++i].text);
        } else {
          return err("unexpected " + describe(toks[i]) + " in a synset member");
        }
      }
      for (const SynsetMember& old : synset->members)
        if (old.words == m.words && old.synset == m.synset) {
          diags.warning(where, "duplicate member in synset &" + synset->name + "; dropped");
          return;
        }
      if (!m.synset.empty()) member_refs.emplace_back(m.synset, where);
      synset->members.push_back(std::move(m));
      return;
    }
    if (key.text == "block") {
      VerbBlock b;
      b.where = where;
      b.code = {"---", ""};
      size_t i = 1;
      if (i < toks.size() && is_word(toks[i])) b.name = upper(toks[i++].text);
      if (b.name.empty()) diags.warning(where, "verb block without a name");
      if (i < toks.size() && toks[i].kind == TokKind::kBracket) {
        if (!parse_event_code(toks[i].text, b.code) || (b.code.code.empty() && b.code.paired.empty())) {
          err("bad code [" + toks[i].text + "] on verb block; using [---]");
          b.code = {"---", ""};
        }
        ++i;
      }
      for (; i < toks.size(); ++i) {
        if (toks[i].kind == TokKind::kField && toks[i].text == "plover" && i + 1 < toks.size() &&
            is_word(toks[i + 1]))
          b.plover = upper(toks[++i].text);
        else
          err("unexpected " + describe(toks[i]) + " on verb block line; ignored");
      }
      block = d.add_block(std::move(b));
      have_block = true;
      return;
    }
    if (key.text == "verb") {
      if (!have_block) return err("verb outside a block (a 'block' line must come first)");
      Verb v;
      v.block = block;
      v.where = where;
      size_t i = 1;
      const Phrase words = take_phrase(toks, i);
      if (words.empty()) return err("verb without a word");
      int marked = -1;
      for (size_t k = 0; k < words.size(); ++k)
        if (words[k].starts_with("+")) {
          if (marked >= 0) return err("verb with more than one '+' word");
          marked = static_cast<int>(k);
        }
      if (marked < 0 && words.size() > 1)
        return err("multi-word verb needs a '+' before the verb word (e.g. +BREAK DOWN)");
      if (marked < 0) marked = 0;
      for (size_t k = 0; k < words.size(); ++k) {
        if (static_cast<int>(k) < marked) v.words_before.push_back(words[k]);
        if (static_cast<int>(k) > marked) v.words_after.push_back(words[k]);
      }
      v.lemma = words[static_cast<size_t>(marked)];
      if (v.lemma.starts_with("+")) v.lemma.erase(0, 1);
      if (v.lemma.empty()) return err("verb without a word");
      if (i < toks.size() && toks[i].kind == TokKind::kBracket) {
        if (!parse_event_code(toks[i].text, v.code) && !toks[i].text.empty())
          return err("bad code [" + toks[i].text + "] on verb " + v.lemma);
        ++i;
      }
      bool forms_given = false;
      while (i < toks.size()) {
        const Tok& f = toks[i++];
        if (f.kind != TokKind::kField || (f.text != "forms" && f.text != "regular" && f.text != "phrases"))
          return err("unexpected " + describe(f) + " on verb line (fields: forms:, regular:, phrases:)");
        std::vector<std::string> items;
        while (i < toks.size() && is_word(toks[i])) items.push_back(upper(toks[i++].text));
        if (f.text == "phrases") {
          for (const std::string& item : items) v.phrase_forms.push_back(join(normalize_phrase(item)));
        } else {
          if (forms_given) return err("verb with both forms: and regular:");
          forms_given = true;
          v.irregular = f.text == "forms";
          v.forms = std::move(items);
        }
      }
      if (!forms_given) v.forms = regular_verb_forms(v.lemma);
      for (const Verb* old : d.verbs_for(v.lemma))
        if (old->words_before == v.words_before && old->words_after == v.words_after) {
          diags.warning(where, "duplicate verb " + v.lemma + " (also at " + old->where.str() + ")");
          break;
        }
      d.add_verb(std::move(v));
      return;
    }
    if (key.text == "pattern") {
      if (!have_block) return err("pattern outside a block (a 'block' line must come first)");
      size_t code_at = 1;
      while (code_at < toks.size() && toks[code_at].kind != TokKind::kBracket) ++code_at;
      if (code_at == toks.size()) return err("pattern without a [code]");
      VerbPattern p;
      p.block = block;
      p.where = where;
      p.text = raw_span(line, toks, 1, code_at);
      if (!parse_event_code(toks[code_at].text, p.code))
        return err("bad code [" + toks[code_at].text + "] in pattern");
      std::string error;
      if (!parse_pattern(p.text, p, tokens, error)) return err(error + ": " + p.text);
      for (size_t i = code_at + 1; i < toks.size(); ++i) {
        const Tok& f = toks[i];
        if (f.kind == TokKind::kField && f.text == "plover" && i + 1 < toks.size() && is_word(toks[i + 1])) {
          p.plover = upper(toks[++i].text);
        } else if (f.kind == TokKind::kField && f.text == "note" && i + 1 < toks.size() &&
                   is_word(toks[i + 1])) {
          p.comment = toks[++i].text;
        } else {
          return err("unexpected " + describe(f) + " after the pattern code (fields: plover:, note:)");
        }
      }
      // Duplicates within a block, as the PETRARCH reader treats them.
      std::string key_text;
      for (const PatternToken& t : tokens) key_text += (t.joined ? "_" : " ") + t.text;
      const auto [same, fresh_text] = seen_text.emplace(std::make_pair(block, key_text), d.patterns().size());
      if (!fresh_text && !(d.patterns()[same->second].code == p.code))
        diags.warning(where, "pattern '" + p.text + "' is also at " + d.patterns()[same->second].where.str() +
                                 " with another code; both are kept");
      key_text += " [" + p.code.code + ":" + p.code.paired + "]";
      const auto [it, fresh] = seen_full.emplace(std::make_pair(block, key_text), d.patterns().size());
      if (!fresh) {
        diags.warning(where, "duplicate pattern '" + p.text + "' (first at " +
                                 d.patterns()[it->second].where.str() + "); dropped");
        return;
      }
      d.add_pattern(std::move(p));
      return;
    }
    if (key.text == "transform") {
      const std::string text = raw_span(line, toks, 1, toks.size());
      const size_t eq = text.find('=');
      if (eq == std::string::npos) return err("transformation without '='");
      Transformation t;
      t.lhs = transformation_tokens(std::string_view(text).substr(0, eq));
      t.rhs = transformation_tokens(std::string_view(text).substr(eq + 1));
      t.where = where;
      if (t.lhs.empty() || t.rhs.empty()) return err("transformation with an empty side");
      int depth = 0;
      for (const std::string& tok : t.lhs) {
        depth += tok == "(" ? 1 : tok == ")" ? -1 : 0;
        if (depth < 0) break;
      }
      if (depth != 0) return err("unbalanced parentheses in transformation");
      d.add_transformation(std::move(t));
      return;
    }
    err("unknown record '" + key.text + "' (verbs files have synset, +, block, verb, pattern, transform)");
  });
  flush_synset();
  for (const auto& [name, where] : member_refs)
    if (!d.synset(name)) diags.error(where, "unknown synset &" + name + " in synset member");
  for (const VerbPattern& p : d.patterns())
    for (const auto* side : {&p.before, &p.after})
      for (const PatternToken& t : *side)
        if (t.kind == PatternTokenKind::kSynset && !d.synset(t.text))
          diags.error(p.where, "unknown synset &" + t.text + " in pattern: " + p.text);
  return d;
}

// ---------------------------------------------------------------------------------------
// Actors

void write_native(const ActorDictionary& d, std::ostream& os, const NativeWriteOptions& options) {
  Writer w(os, options, NativeKind::kActors);
  std::ostream& out = w.out();
  for (const Actor& a : d.actors()) {
    if (a.phrases.empty()) continue;
    out << "actor " << phrase_text(a.phrases.front());
    if (a.codes.size() == 1) out << ' ' << dated_code_text(a.codes.front());
    w.end(a.where);
    for (size_t i = 1; i < a.phrases.size(); ++i) out << "  + " << phrase_text(a.phrases[i]) << '\n';
    if (a.codes.size() > 1)
      for (const DatedCode& c : a.codes) out << "  " << dated_code_text(c) << '\n';
  }
}

namespace {

// "CODE", "CODE 2000-01-01..", "CODE ..2009-12-31", "CODE 2000-01-01..2009-12-31".
bool parse_dated_code(std::string_view inside, DatedCode& out, std::string& error) {
  inside = trim(inside);
  const size_t sp = inside.find_first_of(" \t");
  const std::string_view code = inside.substr(0, sp);
  const std::string_view range = sp == std::string_view::npos ? std::string_view() : trim(inside.substr(sp));
  if (code.empty()) {
    error = "empty code";
    return false;
  }
  out = DatedCode{upper(code), kMinDate, kMaxDate};
  if (range.empty()) return true;
  const size_t dots = range.find("..");
  if (dots == std::string_view::npos || range.find_first_of(" \t") != std::string_view::npos) {
    error = "bad date range '" + std::string(range) +
            "' (write 2000-01-01..2009-12-31, 2000-01-01.. or ..2009-12-31)";
    return false;
  }
  const std::string_view from = range.substr(0, dots), to = range.substr(dots + 2);
  if (!from.empty() && !parse_iso_date(from, out.from)) {
    error = "bad date '" + std::string(from) + "' (expected YYYY-MM-DD)";
    return false;
  }
  if (!to.empty() && !parse_iso_date(to, out.to)) {
    error = "bad date '" + std::string(to) + "' (expected YYYY-MM-DD)";
    return false;
  }
  if (out.from > out.to) {
    error = "date range ends before it starts: " + std::string(range);
    return false;
  }
  return true;
}

}  // namespace

void add_native_actors(std::string_view content, const std::string& file, ActorDictionary& d,
                       Diagnostics& diags) {
  LineReader reader(content, file, NativeKind::kActors, diags);
  bool open = false;
  reader.run([&](uint64_t number, std::string_view, const std::vector<Tok>& toks) {
    const SourceLocation where = reader.at(number);
    size_t i = 0;
    const Tok& key = toks[0];
    if (key.kind == TokKind::kWord && key.text == "actor") {
      if (open) d.end_actor(diags);
      d.begin_actor(where);
      open = true;
      i = 1;
      Phrase p = take_phrase(toks, i);
      if (p.empty())
        diags.error(where, "actor without a phrase");
      else
        d.add_actor_phrase(std::move(p), where, diags);
    } else if (key.kind == TokKind::kWord && key.text == "+") {
      if (!open) return diags.error(where, "'+' synonym line outside an actor");
      i = 1;
      Phrase p = take_phrase(toks, i);
      if (p.empty()) return diags.error(where, "'+' line without a phrase");
      d.add_actor_phrase(std::move(p), where, diags);
    } else if (key.kind == TokKind::kBracket) {
      if (!open) return diags.error(where, "code line outside an actor");
    } else {
      return diags.error(where, "unknown record " + describe(key) + " (actors files have actor, +, [code])");
    }
    for (; i < toks.size(); ++i) {
      if (toks[i].kind != TokKind::kBracket)
        return diags.error(where, "unexpected " + describe(toks[i]) + " after the codes");
      DatedCode c;
      std::string error;
      if (parse_dated_code(toks[i].text, c, error))
        d.add_actor_code(std::move(c));
      else
        diags.error(where, error + " in [" + toks[i].text + "]");
    }
  });
  if (open) d.end_actor(diags);
}

ActorDictionary read_native_actors(std::string_view content, const std::string& file, Diagnostics& diags) {
  ActorDictionary d;
  add_native_actors(content, file, d, diags);
  return d;
}

// ---------------------------------------------------------------------------------------
// Agents

void write_native(const AgentDictionary& d, std::ostream& os, const NativeWriteOptions& options) {
  Writer w(os, options, NativeKind::kAgents);
  std::ostream& out = w.out();
  if (!d.substitutions().empty()) out << "\n# Substitution sets (the entries below are listed expanded).\n";
  for (const auto& [marker, items] : d.substitutions()) {
    out << "substitution " << word(marker);
    for (const std::string& item : items) out << ' ' << word(item);
    out << '\n';
  }
  if (!d.substitutions().empty()) out << '\n';
  for (const Agent& a : d.agents()) {
    out << "agent " << phrase_text(a.phrase) << " ["
        << (a.placement == Agent::Placement::kAfterActor ? "~" + a.code : a.code + "~") << ']';
    if (a.generated) out << " generated";
    w.end(a.where);
  }
}

AgentDictionary read_native_agents(std::string_view content, const std::string& file, Diagnostics& diags) {
  AgentDictionary d;
  LineReader reader(content, file, NativeKind::kAgents, diags);
  reader.run([&](uint64_t number, std::string_view, const std::vector<Tok>& toks) {
    const SourceLocation where = reader.at(number);
    auto err = [&](const std::string& m) { diags.error(where, m); };
    const Tok& key = toks[0];
    if (key.kind == TokKind::kWord && key.text == "substitution") {
      if (toks.size() < 2 || !is_word(toks[1])) return err("substitution set without a name");
      const std::string marker = upper(toks[1].text);
      if (marker.size() < 3 || marker.front() != '!' || marker.back() != '!' ||
          marker.find('!', 1) != marker.size() - 1)
        return err("bad substitution set name '" + marker + "' (write !NAME!)");
      std::vector<std::string> items;
      for (size_t i = 2; i < toks.size(); ++i) {
        if (!is_word(toks[i])) return err("unexpected " + describe(toks[i]) + " in substitution set");
        items.push_back(upper(toks[i].text));
      }
      if (items.empty()) return err("empty substitution set " + marker);
      if (!d.add_substitution(marker, std::move(items)))
        diags.warning(where, "substitution set " + marker + " redefined");
      return;
    }
    if (key.kind != TokKind::kWord || key.text != "agent")
      return err("unknown record " + describe(key) + " (agents files have substitution, agent)");
    size_t i = 1;
    Agent a;
    a.where = where;
    a.phrase = take_phrase(toks, i);
    if (a.phrase.empty()) return err("agent without a phrase");
    if (i >= toks.size() || toks[i].kind != TokKind::kBracket)
      return err("agent without a [~CODE] or [CODE~]");
    const std::string& body = toks[i].text;
    if (body.size() > 1 && body.front() == '~') {
      a.code = upper(std::string_view(body).substr(1));
    } else if (body.size() > 1 && body.back() == '~') {
      a.code = upper(std::string_view(body).substr(0, body.size() - 1));
      a.placement = Agent::Placement::kBeforeActor;
    } else {
      return err("agent code [" + body + "] needs '~' before or after it");
    }
    if (a.code.find_first_of(" \t~") != std::string::npos) return err("bad agent code [" + body + "]");
    for (++i; i < toks.size(); ++i) {
      if (toks[i].kind == TokKind::kWord && toks[i].text == "generated")
        a.generated = true;
      else
        return err("unexpected " + describe(toks[i]) + " after the agent code");
    }
    d.add_agent(std::move(a), diags);
  });
  return d;
}

// ---------------------------------------------------------------------------------------
// Discards

void write_native(const DiscardList& d, std::ostream& os, const NativeWriteOptions& options) {
  Writer w(os, options, NativeKind::kDiscards);
  for (const Discard& e : d.entries()) {
    w.out() << (e.story_level ? "story " : "sentence ") << phrase_text(e.phrase);
    w.end(e.where);
  }
}

DiscardList read_native_discards(std::string_view content, const std::string& file, Diagnostics& diags) {
  DiscardList d;
  LineReader reader(content, file, NativeKind::kDiscards, diags);
  reader.run([&](uint64_t number, std::string_view, const std::vector<Tok>& toks) {
    const SourceLocation where = reader.at(number);
    const Tok& key = toks[0];
    if (key.kind != TokKind::kWord || (key.text != "sentence" && key.text != "story"))
      return diags.error(where, "unknown record " + describe(key) + " (discards files have sentence, story)");
    Discard e;
    e.where = where;
    e.story_level = key.text == "story";
    size_t i = 1;
    e.phrase = take_phrase(toks, i);
    if (i < toks.size()) return diags.error(where, "unexpected " + describe(toks[i]) + " in discard phrase");
    d.add(std::move(e), diags);
  });
  return d;
}

// ---------------------------------------------------------------------------------------
// Issues

void write_native(const IssueDictionary& d, std::ostream& os, const NativeWriteOptions& options) {
  Writer w(os, options, NativeKind::kIssues);
  std::ostream& out = w.out();
  std::string category;
  for (const Issue& e : d.entries()) {
    if (e.category != category) {
      category = e.category;
      out << "\ncategory " << word(category) << '\n';
    }
    out << "issue " << phrase_text(e.phrase) << " [";
    if (e.ignore) out << (e.ignore == 1 ? "~" : "~~") << (e.code.empty() ? "" : " ");
    out << e.code << ']';
    if (e.generated) out << " generated";
    w.end(e.where);
  }
}

IssueDictionary read_native_issues(std::string_view content, const std::string& file, Diagnostics& diags) {
  IssueDictionary d;
  LineReader reader(content, file, NativeKind::kIssues, diags);
  std::string category;
  reader.run([&](uint64_t number, std::string_view, const std::vector<Tok>& toks) {
    const SourceLocation where = reader.at(number);
    auto err = [&](const std::string& m) { diags.error(where, m); };
    const Tok& key = toks[0];
    if (key.kind == TokKind::kWord && key.text == "category") {
      if (toks.size() > 2 || (toks.size() == 2 && !is_word(toks[1])))
        return err("a category line has one name (quoted when it has blanks)");
      category = toks.size() == 2 ? toks[1].text : std::string();
      return;
    }
    if (key.kind != TokKind::kWord || key.text != "issue")
      return err("unknown record " + describe(key) + " (issues files have category, issue)");
    Issue e;
    e.where = where;
    e.category = category;
    size_t i = 1;
    e.phrase = take_phrase(toks, i);
    if (e.phrase.empty()) return err("issue without a phrase");
    if (i >= toks.size() || toks[i].kind != TokKind::kBracket)
      return err("issue without a [CODE], [~] or [~~]");
    std::string_view body = toks[i].text;
    if (body.starts_with("~~") && (body.size() == 2 || blank(body[2]))) {
      e.ignore = 2;
      body.remove_prefix(2);
    } else if (body.starts_with("~") && (body.size() == 1 || blank(body[1]))) {
      e.ignore = 1;
      body.remove_prefix(1);
    }
    e.code = upper(trim(body));
    if (e.code.find_first_of(" \t") != std::string::npos) return err("bad issue code [" + toks[i].text + "]");
    if (e.code.empty() && !e.ignore) return err("empty issue code (write [~] or [~~] for ignore phrases)");
    for (++i; i < toks.size(); ++i) {
      if (toks[i].kind == TokKind::kWord && toks[i].text == "generated")
        e.generated = true;
      else
        return err("unexpected " + describe(toks[i]) + " after the issue code");
    }
    d.add(std::move(e), diags);
  });
  return d;
}

// ---------------------------------------------------------------------------------------
// istream overloads

VerbDictionary read_native_verbs(std::istream& in, const std::string& file, Diagnostics& diags) {
  return read_native_verbs(content_of(in), file, diags);
}
ActorDictionary read_native_actors(std::istream& in, const std::string& file, Diagnostics& diags) {
  return read_native_actors(content_of(in), file, diags);
}
AgentDictionary read_native_agents(std::istream& in, const std::string& file, Diagnostics& diags) {
  return read_native_agents(content_of(in), file, diags);
}
DiscardList read_native_discards(std::istream& in, const std::string& file, Diagnostics& diags) {
  return read_native_discards(content_of(in), file, diags);
}
IssueDictionary read_native_issues(std::istream& in, const std::string& file, Diagnostics& diags) {
  return read_native_issues(content_of(in), file, diags);
}

// ---------------------------------------------------------------------------------------
// Comparison

namespace {

class Diff {
 public:
  explicit Diff(size_t limit) : limit_(limit) {}
  bool full() const { return out_.size() >= limit_; }
  void add(std::string s) {
    if (!full()) out_.push_back(std::move(s));
  }
  // Adds "<what>: <field> A | B" when a != b.
  template <class T>
  void field(const std::string& what, const char* name, const T& a, const T& b) {
    if (!(a == b)) add(what + ": " + name + " " + show(a) + " | " + show(b));
  }
  // Long lists: where they start to differ, and a few items from there.
  template <class T>
  void field(const std::string& what, const char* name, const std::vector<T>& a, const std::vector<T>& b) {
    if (a == b) return;
    if (a.size() + b.size() <= 12) {
      add(what + ": " + name + " " + show(a) + " | " + show(b));
      return;
    }
    size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    auto from = [i](const std::vector<T>& v) {
      return std::vector<T>(v.begin() + static_cast<std::ptrdiff_t>(i),
                            v.begin() + static_cast<std::ptrdiff_t>(std::min(v.size(), i + 3)));
    };
    add(what + ": " + name + " differ from item " + std::to_string(i) + " (" + std::to_string(a.size()) +
        " | " + std::to_string(b.size()) + " items): " + show(from(a)) + " | " + show(from(b)));
  }
  void count(const char* name, size_t a, size_t b) {
    if (a != b) add(std::string(name) + ": " + std::to_string(a) + " | " + std::to_string(b));
  }
  std::vector<std::string> take() { return std::move(out_); }

  static std::string show(const std::string& s) { return quote_text(s); }
  static std::string show(bool b) { return b ? "true" : "false"; }
  static std::string show(int v) { return std::to_string(v); }
  static std::string show(size_t v) { return std::to_string(v); }
  static std::string show(const EventCode& c) { return code_text(c); }
  static std::string show(Agent::Placement p) {
    return p == Agent::Placement::kAfterActor ? "~CODE" : "CODE~";
  }
  static std::string show(const std::vector<std::string>& v) { return "{" + join_tokens(v) + "}"; }
  static std::string show(const std::vector<size_t>& v) {
    std::string out = "{";
    for (size_t x : v) out += (out.size() > 1 ? " " : "") + std::to_string(x);
    return out + "}";
  }
  static std::string show(const std::vector<PatternToken>& v) {
    std::string out = "{";
    for (const PatternToken& t : v)
      out += (out.size() > 1 ? " " : "") + std::string(t.joined ? "_" : "") + t.text;
    return out + "}";
  }
  static std::string show(const std::vector<Phrase>& v) {
    std::string out = "{";
    for (const Phrase& p : v) out += (out.size() > 1 ? ", " : "") + join(p);
    return out + "}";
  }
  static std::string show(const std::vector<DatedCode>& v) {
    std::string out = "{";
    for (const DatedCode& c : v) out += (out.size() > 1 ? " " : "") + dated_code_text(c);
    return out + "}";
  }
  static std::string show(const std::vector<SynsetMember>& v) {
    std::string out = "{";
    for (const SynsetMember& m : v)
      out += (out.size() > 1 ? ", " : "") + (m.synset.empty() ? join(m.words) : "&" + m.synset) +
             (m.plural.empty() ? "" : "/" + m.plural);
    return out + "}";
  }

 private:
  size_t limit_;
  std::vector<std::string> out_;
};

std::string entry(const char* kind, size_t i, const std::string& name, const SourceLocation& a,
                  const SourceLocation& b) {
  return std::string(kind) + " " + std::to_string(i) + " " + name + " (a " + a.str() + ", b " + b.str() + ")";
}

}  // namespace

std::vector<std::string> differences(const VerbDictionary& a, const VerbDictionary& b, size_t limit) {
  Diff diff(limit);
  diff.count("synsets", a.synsets().size(), b.synsets().size());
  diff.count("verb blocks", a.blocks().size(), b.blocks().size());
  diff.count("verbs", a.verbs().size(), b.verbs().size());
  diff.count("patterns", a.patterns().size(), b.patterns().size());
  diff.count("transformations", a.transformations().size(), b.transformations().size());
  for (size_t i = 0; i < std::min(a.synsets().size(), b.synsets().size()) && !diff.full(); ++i) {
    const Synset &x = a.synsets()[i], &y = b.synsets()[i];
    const std::string what = entry("synset", i, "&" + x.name, x.where, y.where);
    diff.field(what, "name", x.name, y.name);
    diff.field(what, "plurals", x.plurals, y.plurals);
    diff.field(what, "members", x.members, y.members);
    if (b.synset(x.name) != &y && a.synset(x.name) == &x)
      diff.add(what + ": found another synset by name in b");
  }
  for (size_t i = 0; i < std::min(a.blocks().size(), b.blocks().size()) && !diff.full(); ++i) {
    const VerbBlock &x = a.blocks()[i], &y = b.blocks()[i];
    const std::string what = entry("block", i, x.name, x.where, y.where);
    diff.field(what, "name", x.name, y.name);
    diff.field(what, "code", x.code, y.code);
    diff.field(what, "plover", x.plover, y.plover);
    diff.field(what, "verbs", x.verbs, y.verbs);
    diff.field(what, "patterns", x.patterns, y.patterns);
  }
  for (size_t i = 0; i < std::min(a.verbs().size(), b.verbs().size()) && !diff.full(); ++i) {
    const Verb &x = a.verbs()[i], &y = b.verbs()[i];
    const std::string what = entry("verb", i, x.lemma, x.where, y.where);
    diff.field(what, "lemma", x.lemma, y.lemma);
    diff.field(what, "words before", x.words_before, y.words_before);
    diff.field(what, "words after", x.words_after, y.words_after);
    diff.field(what, "forms", x.forms, y.forms);
    diff.field(what, "phrase forms", x.phrase_forms, y.phrase_forms);
    diff.field(what, "irregular", x.irregular, y.irregular);
    diff.field(what, "code", x.code, y.code);
    diff.field(what, "block", x.block, y.block);
    // The form index: which entries each form finds.
    for (const std::string& f : x.forms) {
      std::vector<size_t> fa, fb;
      for (const Verb* v : a.verbs_for_form(f)) fa.push_back(static_cast<size_t>(v - a.verbs().data()));
      for (const Verb* v : b.verbs_for_form(f)) fb.push_back(static_cast<size_t>(v - b.verbs().data()));
      diff.field(what, ("entries for form " + f).c_str(), fa, fb);
    }
  }
  for (size_t i = 0; i < std::min(a.patterns().size(), b.patterns().size()) && !diff.full(); ++i) {
    const VerbPattern &x = a.patterns()[i], &y = b.patterns()[i];
    const std::string what = entry("pattern", i, "'" + x.text + "'", x.where, y.where);
    diff.field(what, "text", x.text, y.text);
    diff.field(what, "before", x.before, y.before);
    diff.field(what, "after", x.after, y.after);
    diff.field(what, "verb joined before", x.verb_joined_before, y.verb_joined_before);
    diff.field(what, "verb joined after", x.verb_joined_after, y.verb_joined_after);
    diff.field(what, "code", x.code, y.code);
    diff.field(what, "comment", x.comment, y.comment);
    diff.field(what, "block", x.block, y.block);
    diff.field(what, "plover", x.plover, y.plover);
  }
  for (size_t i = 0; i < std::min(a.transformations().size(), b.transformations().size()) && !diff.full();
       ++i) {
    const Transformation &x = a.transformations()[i], &y = b.transformations()[i];
    const std::string what = entry("transformation", i, "", x.where, y.where);
    diff.field(what, "left side", x.lhs, y.lhs);
    diff.field(what, "right side", x.rhs, y.rhs);
  }
  return diff.take();
}

std::vector<std::string> differences(const ActorDictionary& a, const ActorDictionary& b, size_t limit) {
  Diff diff(limit);
  diff.count("actors", a.size(), b.size());
  diff.count("actor phrases", a.phrase_count(), b.phrase_count());
  for (size_t i = 0; i < std::min(a.size(), b.size()) && !diff.full(); ++i) {
    const Actor &x = a.actors()[i], &y = b.actors()[i];
    const std::string what =
        entry("actor", i, x.phrases.empty() ? "" : join(x.phrases.front()), x.where, y.where);
    diff.field(what, "phrases", x.phrases, y.phrases);
    diff.field(what, "codes", x.codes, y.codes);
    for (const Phrase& p : x.phrases)
      if (a.find(p) == &x && b.find(p) != &y)
        diff.add(what + ": b finds another actor for '" + join(p) + "'");
  }
  return diff.take();
}

std::vector<std::string> differences(const AgentDictionary& a, const AgentDictionary& b, size_t limit) {
  Diff diff(limit);
  diff.count("agents", a.size(), b.size());
  diff.count("substitution sets", a.substitutions().size(), b.substitutions().size());
  for (const auto& [marker, items] : a.substitutions()) {
    const auto it = b.substitutions().find(marker);
    if (it == b.substitutions().end())
      diff.add("substitution set " + marker + ": missing in b");
    else
      diff.field("substitution set " + marker, "items", items, it->second);
  }
  for (size_t i = 0; i < std::min(a.size(), b.size()) && !diff.full(); ++i) {
    const Agent &x = a.agents()[i], &y = b.agents()[i];
    const std::string what = entry("agent", i, join(x.phrase), x.where, y.where);
    diff.field(what, "phrase", x.phrase, y.phrase);
    diff.field(what, "code", x.code, y.code);
    diff.field(what, "placement", x.placement, y.placement);
    diff.field(what, "generated", x.generated, y.generated);
    if ((a.find(x.phrase) == &x) != (b.find(y.phrase) == &y))
      diff.add(what + ": found by its phrase in one dictionary only");
  }
  return diff.take();
}

std::vector<std::string> differences(const DiscardList& a, const DiscardList& b, size_t limit) {
  Diff diff(limit);
  diff.count("discards", a.size(), b.size());
  for (size_t i = 0; i < std::min(a.size(), b.size()) && !diff.full(); ++i) {
    const Discard &x = a.entries()[i], &y = b.entries()[i];
    const std::string what = entry("discard", i, join(x.phrase), x.where, y.where);
    diff.field(what, "phrase", x.phrase, y.phrase);
    diff.field(what, "story level", x.story_level, y.story_level);
    if (b.find(y.phrase) != &y) diff.add(what + ": not found by its phrase in b");
  }
  return diff.take();
}

std::vector<std::string> differences(const IssueDictionary& a, const IssueDictionary& b, size_t limit) {
  Diff diff(limit);
  diff.count("issues", a.size(), b.size());
  for (size_t i = 0; i < std::min(a.size(), b.size()) && !diff.full(); ++i) {
    const Issue &x = a.entries()[i], &y = b.entries()[i];
    const std::string what = entry("issue", i, join(x.phrase), x.where, y.where);
    diff.field(what, "phrase", x.phrase, y.phrase);
    diff.field(what, "code", x.code, y.code);
    diff.field(what, "category", x.category, y.category);
    diff.field(what, "ignore", x.ignore, y.ignore);
    diff.field(what, "generated", x.generated, y.generated);
    if (b.find(y.phrase) != &y) diff.add(what + ": not found by its phrase in b");
  }
  return diff.take();
}

}  // namespace dyad::dict
