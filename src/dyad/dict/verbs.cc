#include "dyad/dict/verbs.h"

#include "dyad/dict/dict_text.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <utility>

namespace dyad::dict {

namespace {

bool is_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

bool sibilant_end(std::string_view w) {
  return w.ends_with("S") || w.ends_with("X") || w.ends_with("Z") || w.ends_with("CH") || w.ends_with("SH");
}

bool consonant_y(std::string_view w) {
  return w.size() >= 2 && w.back() == 'Y' && !is_vowel(w[w.size() - 2]);
}

// Splits on blanks and '_', dropping empty pieces.
std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '_') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Removes comments; `in_xml` carries an open <!-- across lines. `comment` gets the text
// of a '#' comment (for patterns' provenance notes).
std::string strip_comment(std::string_view line, bool& in_xml, std::string* comment) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    if (in_xml) {
      const size_t end = line.find("-->", i);
      if (end == std::string_view::npos) return out;
      in_xml = false;
      i = end + 3;
      continue;
    }
    if (line.compare(i, 4, "<!--") == 0) {
      in_xml = true;
      i += 4;
      continue;
    }
    const char c = line[i];
    if (c == '#' || c == ';' || (c == '/' && i + 1 < line.size() && line[i + 1] == '/')) {
      if (comment) *comment = std::string(trim(line.substr(i + 1 + (c == '/'))));
      return out;
    }
    out += c;
    ++i;
  }
  return out;
}

// PETRARCH keeps whatever a code says (the validation suite has 174K, 025?, +++, xxy) and
// writes it out verbatim; only blanks and brackets cannot be part of one.
bool valid_code_part(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  return std::none_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '[' || c == ']' || c == ':' || c == '{' || c == '}' || c == '(' ||
           c == ')';
  });
}

// Parses the inside of [...]. False when malformed.
bool parse_code(std::string_view inside, EventCode& code) {
  inside = trim(inside);
  const size_t colon = inside.find(':');
  std::string_view first = inside.substr(0, colon);
  std::string_view second = colon == std::string_view::npos ? std::string_view() : inside.substr(colon + 1);
  first = trim(first);
  second = trim(second);
  // `[:194]` (CAMEO.2.0 has about a hundred): only the paired code is given.
  if (!valid_code_part(first) && !(colon != std::string_view::npos && first.empty())) return false;
  if (colon != std::string_view::npos && !valid_code_part(second)) return false;
  code.code = std::string(first);
  code.paired = std::string(second);
  return true;
}

std::string normalize_synset_name(std::string_view name) {
  if (!name.empty() && name.front() == '&') name.remove_prefix(1);
  while (!name.empty() && name.back() == '_') name.remove_suffix(1);
  return upper(name);
}

}  // namespace

std::vector<std::string> regular_verb_forms(std::string_view verb_in) {
  const std::string verb = upper(verb_in);
  if (verb.empty()) return {};
  std::string s, ed, ing;
  const std::string stem_y = verb.substr(0, verb.size() - 1);
  if (consonant_y(verb)) {
    s = stem_y + "IES";
    ed = stem_y + "IED";
  } else if (sibilant_end(verb)) {
    s = verb + "ES";
    ed = verb + "ED";
  } else {
    s = verb + "S";
    ed = verb.back() == 'E' ? verb + "D" : verb + "ED";
  }
  if (verb.ends_with("IE"))
    ing = verb.substr(0, verb.size() - 2) + "YING";
  else if (verb.back() == 'E' && verb.size() > 2 && !verb.ends_with("EE") && !verb.ends_with("OE") &&
           !verb.ends_with("YE"))
    ing = stem_y + "ING";
  else
    ing = verb + "ING";
  std::vector<std::string> forms{s, ed, ing};
  // PETRARCH's own spellings too (STUDYS, PUSHS, AGREING), so that whatever PETRARCH
  // matches with a dictionary, Dyad matches as well.
  const bool final_e = verb.back() == 'E';
  for (std::string petrarch : {verb + "S", final_e ? verb + "D" : verb + "ED",
                               final_e ? verb.substr(0, verb.size() - 1) + "ING" : verb + "ING"})
    if (std::find(forms.begin(), forms.end(), petrarch) == forms.end()) forms.push_back(std::move(petrarch));
  return forms;
}

std::vector<std::string> transformation_tokens(std::string_view side) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : side) {
    if (c == ' ' || c == '\t' || c == '(' || c == ')') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      if (c == '(' || c == ')') out.emplace_back(1, c);
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string synset_plural(std::string_view word_in) {
  const std::string word = upper(word_in);
  if (word.empty()) return word;
  if (consonant_y(word)) return word.substr(0, word.size() - 1) + "IES";
  if (sibilant_end(word)) return word + "ES";
  return word + "S";
}

// ---------------------------------------------------------------------------------------
// VerbDictionary

const Synset* VerbDictionary::synset(std::string_view name) const {
  const auto it = synset_index_.find(normalize_synset_name(name));
  return it == synset_index_.end() ? nullptr : &synsets_[it->second];
}

std::vector<const Verb*> VerbDictionary::verbs_for(std::string_view lemma) const {
  std::vector<const Verb*> out;
  const auto it = verbs_by_lemma_.find(upper(lemma));
  if (it != verbs_by_lemma_.end())
    for (size_t i : it->second) out.push_back(&verbs_[i]);
  return out;
}

std::vector<const Verb*> VerbDictionary::verbs_for_form(std::string_view form) const {
  std::vector<const Verb*> out;
  const auto it = verbs_by_form_.find(upper(form));
  if (it != verbs_by_form_.end())
    for (size_t i : it->second) out.push_back(&verbs_[i]);
  return out;
}

std::vector<const VerbPattern*> VerbDictionary::patterns_for(std::string_view lemma) const {
  std::vector<const VerbPattern*> out;
  std::set<size_t> seen_blocks;
  for (const Verb* v : verbs_for(lemma)) {
    if (!seen_blocks.insert(v->block).second) continue;
    for (size_t p : blocks_[v->block].patterns) out.push_back(&patterns_[p]);
  }
  return out;
}

const EventCode& VerbDictionary::code_of(const Verb& verb) const {
  return verb.code.code.empty() ? blocks_[verb.block].code : verb.code;
}

size_t VerbDictionary::add_block(VerbBlock block) {
  block.verbs.clear();
  block.patterns.clear();
  blocks_.push_back(std::move(block));
  return blocks_.size() - 1;
}

size_t VerbDictionary::add_verb(Verb verb) {
  const size_t i = verbs_.size();
  verbs_by_lemma_[verb.lemma].push_back(i);
  // The same order as VerbReader::finish: the lemma, then each form once.
  verbs_by_form_[verb.lemma].push_back(i);
  for (const std::string& f : verb.forms) {
    auto& list = verbs_by_form_[f];
    if (list.empty() || list.back() != i) list.push_back(i);
  }
  blocks_[verb.block].verbs.push_back(i);
  verbs_.push_back(std::move(verb));
  return i;
}

size_t VerbDictionary::add_pattern(VerbPattern pattern) {
  const size_t i = patterns_.size();
  blocks_[pattern.block].patterns.push_back(i);
  patterns_.push_back(std::move(pattern));
  return i;
}

bool VerbDictionary::add_synset(Synset synset) {
  if (!synset_index_.emplace(synset.name, synsets_.size()).second) return false;
  synsets_.push_back(std::move(synset));
  return true;
}

void VerbDictionary::add_transformation(Transformation transformation) {
  transformations_.push_back(std::move(transformation));
}

// ---------------------------------------------------------------------------------------
// Reader

class VerbReader {
 public:
  VerbReader(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  void line(uint64_t number, std::string_view raw);
  VerbDictionary finish();

 private:
  enum class State { kNone, kSynset, kVerbs, kPatterns };

  SourceLocation at(uint64_t line) const { return {file_, line}; }
  void header(std::string_view text);
  void synset_start(std::string_view text);
  void synset_member(std::string_view text);
  void verb_line(std::string_view text);
  void pattern_line(std::string_view text, std::string comment);
  void transformation(std::string_view text);
  size_t new_block(std::string name, EventCode code);
  bool split_verb_phrase(std::string_view phrase, Verb& verb, bool report);

  std::string file_;
  Diagnostics& diags_;
  VerbDictionary d_;
  uint64_t line_ = 0;
  bool in_xml_ = false;
  State state_ = State::kNone;
  size_t block_ = 0;  // valid when state is kVerbs or kPatterns (or a block exists)
  bool have_block_ = false;
  size_t synset_ = 0;  // valid in kSynset
  // Duplicate detection: block -> pattern text+code -> pattern index.
  std::map<std::pair<size_t, std::string>, size_t> pattern_seen_;
  std::map<std::pair<size_t, std::string>, size_t> pattern_text_seen_;  // without the code
};

void VerbReader::line(uint64_t number, std::string_view raw) {
  line_ = number;
  std::string comment;
  const std::string stripped = strip_comment(raw, in_xml_, &comment);
  const std::string_view text = trim(stripped);
  if (text.empty()) return;
  if (text.size() >= 3 && text.substr(0, 3) == "---") return header(text);
  switch (text.front()) {
    case '&':
      return synset_start(text);
    case '-':
      return pattern_line(text.substr(1), std::move(comment));
    case '~':
      return transformation(text.substr(1));
    case '+':
      if (state_ == State::kSynset) return synset_member(text.substr(1));
      if (state_ == State::kNone) {
        diags_.error(at(line_), "'+' line outside a synset or verb block: " + std::string(text));
        return;
      }
      return verb_line(text);
    default:
      return verb_line(text);
  }
}

size_t VerbReader::new_block(std::string name, EventCode code) {
  VerbBlock b;
  b.name = std::move(name);
  b.code = std::move(code);
  b.where = at(line_);
  d_.blocks_.push_back(std::move(b));
  block_ = d_.blocks_.size() - 1;
  have_block_ = true;
  return block_;
}

void VerbReader::header(std::string_view text) {
  // --- NAME [code] ---
  std::string_view body = text;
  while (!body.empty() && body.front() == '-') body.remove_prefix(1);
  while (!body.empty() && body.back() == '-') body.remove_suffix(1);
  body = trim(body);
  EventCode code{"---", ""};
  std::string name(body);
  const size_t open = body.find('[');
  if (open != std::string_view::npos) {
    const size_t close = body.find(']', open);
    name = std::string(trim(body.substr(0, open)));
    if (close == std::string_view::npos) {
      diags_.error(at(line_), "unbalanced '[' in verb block header");
    } else if (!parse_code(body.substr(open + 1, close - open - 1), code)) {
      diags_.error(at(line_), "bad code [" + std::string(body.substr(open + 1, close - open - 1)) +
                                  "] in verb block header; using ---");
      code = {"---", ""};
    }
  }
  if (name.empty()) diags_.warning(at(line_), "verb block header without a name");
  new_block(upper(name), std::move(code));
  state_ = State::kVerbs;
}

void VerbReader::synset_start(std::string_view text) {
  std::string raw = text.size() > 1 ? std::string(trim(text.substr(1))) : std::string();
  if (raw.empty() || raw.find_first_of(" \t") != std::string::npos) {
    diags_.error(at(line_), "bad synset label '" + std::string(text) + "'");
    state_ = State::kNone;
    return;
  }
  const std::string name = normalize_synset_name(raw);
  const auto it = d_.synset_index_.find(name);
  if (it != d_.synset_index_.end()) {
    diags_.warning(at(line_), "duplicate synset &" + name + " (first defined at " +
                                  d_.synsets_[it->second].where.str() + "); members are merged");
    synset_ = it->second;
  } else {
    Synset s;
    s.name = name;
    s.plurals = raw.back() != '_';
    s.where = at(line_);
    d_.synsets_.push_back(std::move(s));
    synset_ = d_.synsets_.size() - 1;
    d_.synset_index_.emplace(name, synset_);
  }
  state_ = State::kSynset;
}

void VerbReader::synset_member(std::string_view text) {
  text = trim(text);
  Synset& s = d_.synsets_[synset_];
  SynsetMember m;
  if (!text.empty() && text.front() == '&') {
    m.synset = normalize_synset_name(text);
  } else {
    for (const std::string& w : split_words(text)) m.words.push_back(upper(w));
    if (m.words.empty()) {
      diags_.error(at(line_), "empty member in synset &" + s.name);
      return;
    }
    if (text.find_first_of("$+%^*&(){}[]") != std::string_view::npos) {
      diags_.error(at(line_), "synset member '" + std::string(text) + "' may only contain words");
      return;
    }
    if (s.plurals && text.back() != '_') m.plural = synset_plural(m.words.back());
  }
  for (const SynsetMember& old : s.members) {
    if (old.words == m.words && old.synset == m.synset) {
      diags_.warning(at(line_), "duplicate member '" + std::string(text) + "' in synset &" + s.name);
      return;
    }
  }
  s.members.push_back(std::move(m));
}

// Splits `KLM_NOP_+RST` / `+BREAK_DOWN` / `SAY` into the verb word and its companions.
bool VerbReader::split_verb_phrase(std::string_view phrase, Verb& verb, bool report) {
  const std::vector<std::string> words = split_words(phrase);
  int marked = -1;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].front() == '+') {
      if (marked >= 0) {
        if (report)
          diags_.error(at(line_), "multi-word verb '" + std::string(phrase) + "' has more than one '+'");
        return false;
      }
      marked = static_cast<int>(i);
    }
  }
  if (words.empty()) {
    if (report) diags_.error(at(line_), "empty verb");
    return false;
  }
  if (words.size() > 1 && marked < 0 && report)
    diags_.warning(at(line_), "multi-word verb '" + std::string(phrase) +
                                  "' has no '+' before its verb word; taking the first word, " +
                                  upper(words[0]) + ", as the verb");
  if (marked < 0) marked = 0;
  std::string head = words[static_cast<size_t>(marked)];
  if (head.front() == '+') head.erase(0, 1);
  if (head.empty() || head.find_first_of("+$%^*&(){}[]") != std::string::npos) {
    if (report) diags_.error(at(line_), "bad verb '" + std::string(phrase) + "'");
    return false;
  }
  verb.lemma = upper(head);
  verb.words_before.clear();
  verb.words_after.clear();
  for (size_t i = 0; i < words.size(); ++i) {
    if (static_cast<int>(i) < marked) verb.words_before.push_back(upper(words[i]));
    if (static_cast<int>(i) > marked) verb.words_after.push_back(upper(words[i]));
  }
  return true;
}

void VerbReader::verb_line(std::string_view text) {
  if (state_ == State::kSynset || state_ == State::kPatterns || !have_block_) {
    // TABARI layout: a verb after patterns or a synset starts its own block.
    new_block("", EventCode{"---", ""});
    state_ = State::kVerbs;
  }
  const size_t brace = text.find('{');
  const size_t bracket = text.find('[');
  const size_t phrase_end = std::min(brace, bracket);
  Verb v;
  v.block = block_;
  v.where = at(line_);
  if (!split_verb_phrase(trim(text.substr(0, phrase_end)), v, true)) return;

  if (brace != std::string_view::npos && (bracket == std::string_view::npos || brace < bracket)) {
    const size_t close = text.find('}', brace);
    if (close == std::string_view::npos) {
      diags_.error(at(line_), "unbalanced '{' in verb forms; forms up to the end of the line are used");
    }
    const std::string_view inside =
        text.substr(brace + 1, close == std::string_view::npos ? std::string_view::npos : close - brace - 1);
    v.irregular = true;
    // Forms are blank-separated; a multi-word form is joined with '_' (+BROKE_DOWN).
    std::string cur;
    std::vector<std::string> items;
    for (char c : inside) {
      if (c == ' ' || c == '\t' || c == ',') {  // CAMEO 2.0 sometimes separates with ", "
        if (!cur.empty()) items.push_back(std::move(cur));
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) items.push_back(std::move(cur));
    for (const std::string& item : items) {
      Verb f;
      if (!split_verb_phrase(item, f, false)) {
        diags_.error(at(line_), "bad verb form '" + item + "'");
        continue;
      }
      // A multi-word form may inflect a companion word (+WIRE_TAP {+WIRE_TAPPED}), so the
      // whole phrase is kept as well as the '+' word.
      if (!v.words_before.empty() || !v.words_after.empty() || !f.words_before.empty() ||
          !f.words_after.empty()) {
        std::string phrase;
        for (const std::string& w : f.words_before) phrase += w + " ";
        phrase += f.lemma;
        for (const std::string& w : f.words_after) phrase += " " + w;
        v.phrase_forms.push_back(std::move(phrase));
      }
      if (f.lemma != v.lemma && std::find(v.forms.begin(), v.forms.end(), f.lemma) == v.forms.end())
        v.forms.push_back(f.lemma);
    }
    if (close != std::string_view::npos && text.find('{', close) != std::string_view::npos)
      diags_.error(at(line_), "more than one {...} on a verb line");
  } else if (brace == std::string_view::npos && text.find('}') != std::string_view::npos) {
    diags_.error(at(line_), "unbalanced '}' on verb line");
  } else {
    v.forms = regular_verb_forms(v.lemma);
  }

  if (bracket != std::string_view::npos) {
    const size_t close = text.find(']', bracket);
    if (close == std::string_view::npos) {
      diags_.error(at(line_), "unbalanced '[' in verb code; the verb uses its block's code");
    } else {
      const std::string_view inside = text.substr(bracket + 1, close - bracket - 1);
      if (!parse_code(inside, v.code)) {
        diags_.error(at(line_), "bad code [" + std::string(inside) + "]; the verb uses its block's code");
        v.code = {};
      }
    }
  }

  // The block is named after its first verb when the header gave no name.
  VerbBlock& b = d_.blocks_[block_];
  if (b.name.empty()) {
    b.name = v.lemma;
    if (b.verbs.empty() && !v.code.code.empty()) b.code = v.code;
  }

  // Duplicates: the same verb word with the same companion words.
  auto& same = d_.verbs_by_lemma_[v.lemma];
  for (size_t i : same) {
    Verb& old = d_.verbs_[i];
    if (old.words_before != v.words_before || old.words_after != v.words_after) continue;
    if (old.block == v.block && (old.irregular != v.irregular) && old.code == v.code) {
      // `BRING` then `BRING {BRINGS BRINGING BROUGHT}` in one block (CAMEO 2015 update):
      // the explicit forms win; not a problem.
      if (v.irregular) {
        old.forms = v.forms;
        old.irregular = true;
      }
      return;
    }
    diags_.warning(at(line_), "duplicate verb " + v.lemma + " (also at " + old.where.str() + ")");
    break;
  }
  d_.verbs_.push_back(std::move(v));
  same.push_back(d_.verbs_.size() - 1);
  d_.blocks_[block_].verbs.push_back(d_.verbs_.size() - 1);
}

void VerbReader::pattern_line(std::string_view text, std::string comment) {
  // A pattern after a synset belongs to the last block (as in PETRARCH's files).
  if (!have_block_) {
    diags_.error(at(line_), "pattern outside a verb block");
    return;
  }
  state_ = State::kPatterns;
  // The code is the last [...] on the line.
  const size_t open = text.rfind('[');
  const size_t close = text.rfind(']');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    diags_.error(at(line_), open == std::string_view::npos && close == std::string_view::npos
                                ? "pattern without a [code]"
                                : "unbalanced '[' ']' in pattern code");
    return;
  }
  VerbPattern p;
  p.block = block_;
  p.where = at(line_);
  p.comment = std::move(comment);
  const std::string_view inside = text.substr(open + 1, close - open - 1);
  if (!parse_code(inside, p.code)) {
    diags_.error(at(line_), "bad code [" + std::string(inside) + "] in pattern");
    return;
  }
  if (!trim(text.substr(close + 1)).empty())
    diags_.warning(at(line_),
                   "text after the pattern code is ignored: " + std::string(trim(text.substr(close + 1))));
  const std::string_view body = trim(text.substr(0, open));
  p.text = std::string(body);

  // Tokenise.
  std::vector<PatternToken> tokens;
  std::vector<char> stack;
  bool joined = false;
  bool ok = true;
  size_t i = 0;
  auto emit = [&](PatternTokenKind kind, std::string t) {
    tokens.push_back({kind, std::move(t), joined});
    joined = false;
  };
  while (i < body.size() && ok) {
    const char c = body[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (c == '_') {
      joined = !tokens.empty();
      ++i;
      continue;
    }
    if (c == '(' || c == '{') {
      stack.push_back(c);
      emit(c == '(' ? PatternTokenKind::kPrepOpen : PatternTokenKind::kNounOpen, std::string(1, c));
      ++i;
      continue;
    }
    if (c == ')' || c == '}') {
      const char want = c == ')' ? '(' : '{';
      if (stack.empty() || stack.back() != want) {
        diags_.error(at(line_), std::string("unbalanced '") + c + "' in pattern: " + p.text);
        ok = false;
        break;
      }
      stack.pop_back();
      emit(c == ')' ? PatternTokenKind::kPrepClose : PatternTokenKind::kNounClose, std::string(1, c));
      ++i;
      continue;
    }
    size_t j = i;
    while (j < body.size() && body[j] != ' ' && body[j] != '\t' && body[j] != '_' && body[j] != '(' &&
           body[j] != ')' && body[j] != '{' && body[j] != '}')
      ++j;
    const std::string word(body.substr(i, j - i));
    i = j;
    if (word == "*" || word == "**")
      emit(PatternTokenKind::kVerb, word);
    else if (word == "$")
      emit(PatternTokenKind::kSource, word);
    else if (word == "+")
      emit(PatternTokenKind::kTarget, word);
    else if (word == "%")
      emit(PatternTokenKind::kCompound, word);
    else if (word == "^")
      emit(PatternTokenKind::kSkip, word);
    else if (word.front() == '&') {
      if (word.size() == 1) {
        diags_.error(at(line_), "'&' without a synset name in pattern: " + p.text);
        ok = false;
      } else {
        emit(PatternTokenKind::kSynset, normalize_synset_name(word));
      }
    } else if (word.find_first_of("*$+%^&[]") != std::string::npos) {
      diags_.error(at(line_), "bad word '" + word + "' in pattern: " + p.text);
      ok = false;
    } else {
      emit(PatternTokenKind::kWord, upper(word));
    }
  }
  if (!ok) return;
  if (!stack.empty()) {
    diags_.error(at(line_), std::string("unbalanced '") + stack.back() + "' in pattern: " + p.text);
    return;
  }
  size_t verb_at = tokens.size();
  int verbs = 0;
  for (size_t k = 0; k < tokens.size(); ++k)
    if (tokens[k].kind == PatternTokenKind::kVerb) {
      ++verbs;
      verb_at = k;
    }
  if (verbs != 1) {
    diags_.error(at(line_), verbs == 0 ? "pattern without the verb marker '*': " + p.text
                                       : "pattern with more than one verb marker '*': " + p.text);
    return;
  }
  p.verb_joined_before = tokens[verb_at].joined;
  p.verb_joined_after = verb_at + 1 < tokens.size() && tokens[verb_at + 1].joined;
  p.before.assign(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(verb_at));
  p.after.assign(tokens.begin() + static_cast<std::ptrdiff_t>(verb_at) + 1, tokens.end());
  if (!p.after.empty()) p.after.front().joined = false;  // recorded as verb_joined_after

  // Exact duplicates in one block are dropped.
  std::string key;
  for (const PatternToken& t : tokens) key += (t.joined ? "_" : " ") + t.text;
  const auto [same, fresh] = pattern_text_seen_.emplace(std::make_pair(block_, key), d_.patterns_.size());
  if (!fresh && !(d_.patterns_[same->second].code == p.code))
    diags_.warning(at(line_), "pattern '" + p.text + "' [" + p.code.code + "] is also at " +
                                  d_.patterns_[same->second].where.str() + " with code [" +
                                  d_.patterns_[same->second].code.code + "]; both are kept");
  key += " [" + p.code.code + ":" + p.code.paired + "]";
  const auto [it, inserted] = pattern_seen_.emplace(std::make_pair(block_, key), d_.patterns_.size());
  if (!inserted) {
    diags_.warning(at(line_), "duplicate pattern '" + p.text + "' [" + p.code.code + "] (first at " +
                                  d_.patterns_[it->second].where.str() + "); dropped");
    return;
  }
  d_.patterns_.push_back(std::move(p));
  d_.blocks_[block_].patterns.push_back(d_.patterns_.size() - 1);
}

void VerbReader::transformation(std::string_view text) {
  const size_t eq = text.find('=');
  if (eq == std::string_view::npos) {
    diags_.error(at(line_), "transformation without '='");
    return;
  }
  Transformation t;
  t.lhs = transformation_tokens(text.substr(0, eq));
  t.rhs = transformation_tokens(text.substr(eq + 1));
  t.where = at(line_);
  int depth = 0;
  for (const std::string& tok : t.lhs) {
    depth += tok == "(" ? 1 : tok == ")" ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth != 0) {
    diags_.error(at(line_), "unbalanced parentheses in transformation");
    return;
  }
  if (t.lhs.empty() || t.rhs.empty()) {
    diags_.error(at(line_), "transformation with an empty side");
    return;
  }
  d_.transformations_.push_back(std::move(t));
}

VerbDictionary VerbReader::finish() {
  if (in_xml_) diags_.error(at(line_), "unterminated <!-- comment");
  for (const Synset& s : d_.synsets_)
    for (const SynsetMember& m : s.members)
      if (!m.synset.empty() && !d_.synset_index_.count(m.synset))
        diags_.error(s.where, "unknown synset &" + m.synset + " in synset &" + s.name);
  for (const VerbPattern& p : d_.patterns_) {
    for (const auto* side : {&p.before, &p.after})
      for (const PatternToken& t : *side)
        if (t.kind == PatternTokenKind::kSynset && !d_.synset_index_.count(t.text))
          diags_.error(p.where, "unknown synset &" + t.text + " in pattern: " + p.text);
  }
  for (size_t i = 0; i < d_.verbs_.size(); ++i) {
    const Verb& v = d_.verbs_[i];
    d_.verbs_by_form_[v.lemma].push_back(i);
    for (const std::string& f : v.forms) {
      auto& list = d_.verbs_by_form_[f];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
  return std::move(d_);
}

VerbDictionary read_verb_dictionary(std::istream& in, const std::string& file, Diagnostics& diags) {
  VerbReader reader(file, diags);
  std::string line;
  uint64_t number = 0;
  while (std::getline(in, line)) reader.line(++number, line);
  return reader.finish();
}

VerbDictionary load_verb_dictionary(const std::filesystem::path& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error({path.string(), 0}, "cannot open verb dictionary");
    return {};
  }
  return read_verb_dictionary(in, path.string(), diags);
}

}  // namespace dyad::dict
