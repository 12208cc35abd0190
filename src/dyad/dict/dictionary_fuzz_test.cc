// Fuzz-style robustness test of the dictionary readers: windows of the real dictionaries
// (or small inline samples when ../shared/data is absent) are mutated line by line with a
// fixed seed and fed to every reader. Checked for each of several thousand documents:
// no crash or exception; every diagnostic names the file and a line within the input;
// and lines left alone still give their entries (the parse of the mutated document is
// compared with the parse of the clean one). Lines whose reading depends on a mutated
// line (their verb block header, a substitution set, the table's column line, a "<!--"
// a mutation left open) are left out of that comparison; they are counted and must stay
// a minority. Mutations: characters dropped, duplicated, swapped; brackets and markers
// inserted; truncation; random bytes (NUL, invalid UTF-8); blanks, tabs and CRs; huge
// lines; lines emptied, dropped, repeated; blank lines inserted; no final newline.
// Problems it found are kept as plain cases in FoundCases below.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/dict/actors.h"
#include "dyad/dict/agents.h"
#include "dyad/dict/cameo_codebook.h"
#include "dyad/dict/dict_text.h"
#include "dyad/dict/discards.h"
#include "dyad/dict/issues.h"
#include "dyad/dict/verbs.h"
#include "test_support.h"

namespace dyad::dict {
namespace {

using Lines = std::vector<std::string>;
// The lines (1-based) that gave an entry; a reader's own idea of "entry".
using EntryLines = std::set<uint64_t>;
using Parser = std::function<EntryLines(const std::string& content, const std::string& file, Diagnostics&)>;

Lines split(std::string_view text) {
  Lines out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

// Written for this test (not taken from any dictionary).
constexpr const char* kVerbSample = R"(&MONEY
+DOLLAR
+SWISS_FRANC
+YEN_
&PLACE_
+CAPITAL
+&MONEY
--- CRITICIZE [111] ---
CRITICIZE
DENOUNCE {DENOUNCES DENOUNCED DENOUNCING}
+LASH_OUT {+LASHED_OUT +LASHES_OUT +LASHING_OUT} [112]
- * $ FOR + [112]  # comment
- $ * + OVER &MONEY [111:112]
- * (IN {HEAVY FIGHTING}) [:190]
- IN_* + [110]
--- MEET [040] ---
MEET {MET MEETS MEETING}
- % * IN &PLACE [043]
- * WITH + ^ [042:043]
<!-- a note -->
VISIT [042]
- * +_TODAY [042]
~ a (a b SAY) = a b 010
)";

constexpr const char* kActorSample = R"(NORTHLAND_  [NTH]
+NORTHLANDERS_
SOUTHLAND_ [STH]
JOHN_SMITH_
+PRESIDENT_SMITH_
	[NTHGOV 990101-20101231]
	[NTHELI >20110101]
	[NTHOPP <981231]
MARY_JONES_ [STHGOV 010101-051231] [STHELI]
<!-- a comment line -->
NORTHLAND_ARMY_ [NTHMIL] # the army
)";

constexpr const char* kAgentSample = R"(!OFFICIAL! = OFFICIAL, MINISTER, ENVOY
DEFENCE!OFFICIAL! [~MIL]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
REBEL [~REB]
AID_GROUP [NGO~]
FARMER [~AGR] ; a comment
)";

constexpr const char* kDiscardSample = R"(+HURRICANE
MONTHS_LATER
FOOTBALL MATCH
+FILM_FESTIVAL
# a comment
WEATHER REPORT
)";

constexpr const char* kIssueSample = R"(<ISSUE CATEGORY="EDUCATION" TYPE="ALL">
n:school [EDUCATION]
pre+n:school [EARLY_EDUCATION]
ethnic v:purge [ATROCITY]
~school bus
~~driving school
</ISSUE>
<ISSUE CATEGORY="HEALTH" TYPE="ALL">
n:vaccine [HEALTH]
</ISSUE>
)";

// A clean document and what became of each of its lines in the mutated one.
struct DocView {
  Lines clean;
  std::vector<bool> intact;                     // still there, unchanged
  std::vector<std::optional<std::string>> now;  // its text in the mutated document; nullopt if dropped
};

// Whether the entry of clean line `k` may rightly be read differently because of a mutation
// elsewhere: the formats are not line-independent.
using Dependence = std::function<bool(const DocView& doc, size_t k)>;

struct Kind {
  const char* name;
  std::vector<Lines> sources;
  Parser parse;
  Dependence depends;
  int documents;
  size_t head = 0;  // leading source lines every document starts with (the codebook's column line)
};

std::string_view trimmed(std::string_view s) { return trim(s); }

bool any_changed(const DocView& doc, size_t from, size_t to) {
  for (size_t j = from; j < to; ++j)
    if (!doc.intact[j]) return true;
  return false;
}

// Verbs and patterns belong to the block or synset opened above them ("---", "&"). They
// depend on that line, and on no mutated line in between becoming a synset label (which
// takes the following '+' verb lines as its members). Without such a line above (a window
// that starts inside a block), on every line above.
bool verbs_depend(const DocView& doc, size_t k) {
  size_t g = k;
  for (size_t j = k; j-- > 0;) {
    const std::string_view t = trimmed(doc.clean[j]);
    if (t.starts_with("---") || t.starts_with("&")) {
      g = j;
      break;
    }
  }
  if (g == k) return any_changed(doc, 0, k);
  if (!doc.intact[g]) return true;
  for (size_t j = g + 1; j < k; ++j)
    if (!doc.intact[j] && doc.now[j] && trimmed(*doc.now[j]).starts_with("&")) return true;
  return false;
}

// Entries using a !SET! depend on every substitution set defined above them.
bool agents_depend(const DocView& doc, size_t k) {
  return doc.clean[k].find('!') != std::string::npos && any_changed(doc, 0, k);
}

// Every code depends on the column line, the first line of each document, and on no line
// above being mutated into the same code (the first of two is kept).
bool codebook_depends(const DocView& doc, size_t k) {
  if (k == 0) return false;
  if (!doc.intact[0]) return true;
  const std::string_view code = std::string_view(doc.clean[k]).substr(0, doc.clean[k].find('\t'));
  for (size_t j = 1; j < k; ++j)
    if (!doc.intact[j] && doc.now[j] && doc.now[j]->starts_with(std::string(code) + "\t")) return true;
  return false;
}

bool independent(const DocView&, size_t) { return false; }

EntryLines parse_verbs(const std::string& content, const std::string& file, Diagnostics& diags) {
  std::istringstream in(content);
  const VerbDictionary d = read_verb_dictionary(in, file, diags);
  EntryLines out;
  for (const Verb& v : d.verbs()) out.insert(v.where.line);
  for (const VerbPattern& p : d.patterns()) out.insert(p.where.line);
  for (const Synset& s : d.synsets()) out.insert(s.where.line);
  for (const Transformation& t : d.transformations()) out.insert(t.where.line);
  return out;
}

EntryLines parse_actors(const std::string& content, const std::string& file, Diagnostics& diags) {
  ActorDictionary d;
  d.load_string(content, file, diags);
  EntryLines out;
  for (const Actor& a : d.actors()) out.insert(a.where.line);
  return out;
}

EntryLines parse_agents(const std::string& content, const std::string& file, Diagnostics& diags) {
  AgentDictionary d;
  d.load_string(content, file, diags);
  EntryLines out;
  for (const Agent& a : d.agents())
    if (!a.generated) out.insert(a.where.line);
  return out;
}

EntryLines parse_discards(const std::string& content, const std::string& file, Diagnostics& diags) {
  DiscardList d;
  d.load_string(content, file, diags);
  EntryLines out;
  for (const Discard& x : d.entries()) out.insert(x.where.line);
  return out;
}

EntryLines parse_issues(const std::string& content, const std::string& file, Diagnostics& diags) {
  IssueDictionary d;
  d.load_string(content, file, diags);
  EntryLines out;
  for (const Issue& x : d.entries()) out.insert(x.where.line);
  return out;
}

EntryLines parse_codebook(const std::string& content, const std::string& file, Diagnostics& diags) {
  CameoCodebook d;
  d.load_string(content, file, diags);
  EntryLines out;
  for (const CameoCode& c : d.codes()) out.insert(c.where.line);
  return out;
}

class Mutator {
 public:
  explicit Mutator(uint32_t seed) : rng_(seed) {}

  size_t below(size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  // One mutation of `line`. Never adds a '\n' (line structure is changed separately).
  std::string mutate(std::string line) {
    static constexpr std::string_view kSpecial = "[]{}()<>~+$*&_#";
    static constexpr std::string_view kInvalidUtf8[] = {
        "\xC0\x80", "\xFF", "\xED\xA0\x80", "\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFE\xFE"};
    const size_t at = below(line.size() + 1);
    switch (below(11)) {
      case 0:  // drop a character
        if (!line.empty()) line.erase(below(line.size()), 1);
        break;
      case 1:  // duplicate a character
        if (!line.empty()) {
          const size_t i = below(line.size());
          line.insert(i, 1, line[i]);
        }
        break;
      case 2:  // swap two neighbours
        if (line.size() >= 2) {
          const size_t i = below(line.size() - 1);
          std::swap(line[i], line[i + 1]);
        }
        break;
      case 3:  // a bracket or marker
      case 4:
        line.insert(at, 1, kSpecial[below(kSpecial.size())]);
        break;
      case 5:  // truncate
        line.resize(below(line.size() + 1));
        break;
      case 6:  // random bytes, NUL and high bytes included
        for (size_t n = 1 + below(6); n > 0; --n) {
          char c = static_cast<char>(below(256));
          line.insert(below(line.size() + 1), 1, c == '\n' ? '\x01' : c);
        }
        break;
      case 7:  // invalid UTF-8
        line.insert(at, kInvalidUtf8[below(std::size(kInvalidUtf8))]);
        break;
      case 8:  // empty
        line.clear();
        break;
      case 9:  // blanks, tabs, CR
        line.insert(at, std::string_view(" \t\r").substr(below(3), 1));
        break;
      case 10:  // a huge line: the line repeated, or a run of markers
        if (chance(0.5) && !line.empty()) {
          const std::string piece = line;
          while (line.size() < 20000) line += piece;
        } else {
          line.insert(at, std::string(2000 + below(20000), kSpecial[below(kSpecial.size())]));
        }
        break;
    }
    return line;
  }

 private:
  std::mt19937 rng_;
};

struct Item {
  std::string text;
  int64_t origin = -1;  // index in the clean document; -1 for inserted lines
  bool mutated = false;
};

std::string join_lines(const std::vector<Item>& items, bool final_newline) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    out += items[i].text;
    if (i + 1 < items.size() || final_newline) out += '\n';
  }
  return out;
}

uint64_t line_count(const std::string& content) {
  uint64_t n = 0;
  for (char c : content) n += c == '\n';
  if (!content.empty() && content.back() != '\n') ++n;
  return n;
}

struct Stats {
  uint64_t documents = 0, lines = 0, mutated = 0, diagnostics = 0, kept_lines = 0, kept_entries = 0;
  uint64_t context_lines = 0;     // unmutated entry lines an earlier mutation may rightly change
  std::vector<std::string> lost;  // examples of unmutated lines that lost their entry
};

// Checks every diagnostic of one parse; returns false (after reporting) on a bad one.
bool check_diagnostics(const Diagnostics& diags, const std::string& file, uint64_t lines, const char* kind,
                       uint64_t doc) {
  for (const Diagnostic& d : diags.collected()) {
    if (d.where.file != file || d.where.line < 1 || d.where.line > lines) {
      ADD_FAILURE() << kind << " document " << doc << " (" << lines
                    << " lines): diagnostic outside the input: '" << d.str().substr(0, 300) << "'";
      return false;
    }
  }
  return true;
}

void run_kind(const Kind& kind, uint32_t seed, Stats& stats) {
  Mutator m(seed);
  for (int doc = 0; doc < kind.documents; ++doc) {
    const Lines& source = kind.sources[m.below(kind.sources.size())];
    // The head, then a window of the rest of the source (all of it when it is small).
    std::vector<Item> clean;
    for (size_t i = 0; i < kind.head; ++i) clean.push_back({source[i], static_cast<int64_t>(i), false});
    const size_t rest = source.size() - kind.head;
    const size_t length = std::min(rest, size_t{8} + m.below(48));
    const size_t start = kind.head + m.below(rest - length + 1);
    for (size_t i = 0; i < length; ++i)
      clean.push_back({source[start + i], static_cast<int64_t>(clean.size()), false});

    std::vector<Item> mutated;
    const double rate = 0.05 + 0.3 * static_cast<double>(m.below(100)) / 100.0;
    for (const Item& item : clean) {
      if (!m.chance(rate)) {
        mutated.push_back(item);
        continue;
      }
      switch (m.below(10)) {
        case 0:  // drop the line
          break;
        case 1:  // an empty line before it
          mutated.push_back({"", -1, true});
          mutated.push_back(item);
          break;
        case 2:  // the line twice
          mutated.push_back(item);
          mutated.push_back({item.text, -1, true});
          break;
        default: {
          Item changed{m.mutate(item.text), item.origin, true};
          if (m.chance(0.2)) changed.text = m.mutate(changed.text);
          changed.mutated = changed.text != item.text;
          mutated.push_back(std::move(changed));
        }
      }
    }
    const bool final_newline = !m.chance(0.1);
    const std::string clean_text = join_lines(clean, true);
    const std::string mutated_text = join_lines(mutated, final_newline);
    const std::string file = std::string(kind.name) + "-" + std::to_string(doc) + ".txt";

    EntryLines clean_entries, mutated_entries;
    Diagnostics clean_diags, mutated_diags;
    try {
      clean_entries = kind.parse(clean_text, file, clean_diags);
      mutated_entries = kind.parse(mutated_text, file, mutated_diags);
    } catch (const std::exception& e) {
      ADD_FAILURE() << kind.name << " document " << doc << ": exception " << e.what();
      continue;
    }
    ++stats.documents;
    stats.lines += mutated.size();
    stats.diagnostics += mutated_diags.collected().size();
    if (!check_diagnostics(clean_diags, file, line_count(clean_text), kind.name, doc)) return;
    if (!check_diagnostics(mutated_diags, file, line_count(mutated_text), kind.name, doc)) return;

    // Which clean lines are still there unchanged, and what each line is once comments are
    // removed (an unterminated "<!--" made by a mutation rightly hides the lines after it).
    DocView view;
    for (const Item& item : clean) view.clean.push_back(item.text);
    view.intact.assign(clean.size(), false);
    view.now.assign(clean.size(), std::nullopt);
    for (const Item& item : mutated) {
      if (item.origin < 0) continue;
      view.now[static_cast<size_t>(item.origin)] = item.text;
      if (!item.mutated) view.intact[static_cast<size_t>(item.origin)] = true;
    }
    std::map<uint64_t, std::string> clean_stripped, mutated_stripped;
    for (DictLine& l : split_lines(clean_text)) clean_stripped[l.number] = std::move(l.text);
    for (DictLine& l : split_lines(mutated_text)) mutated_stripped[l.number] = std::move(l.text);

    for (size_t i = 0; i < mutated.size(); ++i) {
      const Item& item = mutated[i];
      if (item.mutated) {
        ++stats.mutated;
        continue;
      }
      if (item.origin < 0 || !clean_entries.count(static_cast<uint64_t>(item.origin) + 1)) continue;
      const size_t k = static_cast<size_t>(item.origin);
      const auto stripped = mutated_stripped.find(i + 1);
      bool depends = stripped == mutated_stripped.end() || stripped->second != clean_stripped[k + 1];
      depends = depends || kind.depends(view, k);
      if (depends) {
        ++stats.context_lines;
        continue;
      }
      ++stats.kept_lines;
      if (mutated_entries.count(i + 1)) {
        ++stats.kept_entries;
      } else if (stats.lost.size() < 20) {
        std::string context;
        for (size_t k = i >= 3 ? i - 3 : 0; k <= i && k < mutated.size(); ++k)
          context +=
              "\n    " + std::string(mutated[k].mutated ? "* " : "  ") + mutated[k].text.substr(0, 120);
        stats.lost.push_back(file + ":" + std::to_string(i + 1) + context);
      }
    }
  }
}

std::vector<Lines> real_or_sample(const std::vector<const char*>& relatives, const char* sample) {
  std::vector<Lines> out;
  if (!testing::shared_data().empty())
    for (const char* rel : relatives) {
      const auto path = testing::shared_data() / rel;
      if (std::filesystem::exists(path)) out.push_back(split(testing::read_file(path)));
    }
  if (out.empty()) out.push_back(split(sample));
  return out;
}

// The committed CAMEO table without its leading comments: the column line comes first.
Lines codebook_lines() {
  Lines lines = split(testing::read_file(testing::source_dir() / "data" / kDefaultCodebookName));
  size_t comments = 0;
  while (comments < lines.size() && lines[comments].starts_with("#")) ++comments;
  lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(comments));
  return lines;
}

TEST(DictionaryFuzz, MutatedDictionariesAreReadSafely) {
  std::vector<Kind> kinds;
  kinds.push_back(
      {"verbs",
       real_or_sample({"petrarch/phoenix/CAMEO.2.0.txt", "petrarch/validate/PETR.Validate.verbs.txt"},
                      kVerbSample),
       parse_verbs, verbs_depend, 900});
  kinds.push_back({"actors",
                   real_or_sample({"petrarch/phoenix/Phoenix.Countries.actors.txt",
                                   "petrarch/phoenix/Phoenix.International.actors.txt",
                                   "petrarch/phoenix/Phoenix.MilNonState.actors.txt",
                                   "petrarch/validate/PETR.Validate.actors.txt"},
                                  kActorSample),
                   parse_actors, independent, 900});
  kinds.push_back(
      {"agents",
       real_or_sample({"petrarch/phoenix/Phoenix.agents.txt", "petrarch/validate/PETR.Validate.agents.txt"},
                      kAgentSample),
       parse_agents, agents_depend, 700});
  kinds.push_back({"discards",
                   real_or_sample({"petrarch/phoenix/Phoenix.discards.txt",
                                   "petrarch/validate/PETR.Validate.discards.txt"},
                                  kDiscardSample),
                   parse_discards, independent, 500});
  kinds.push_back({"issues", real_or_sample({"petrarch/phoenix/Phoenix.IssueCoding.txt"}, kIssueSample),
                   parse_issues, independent, 700});
  kinds.push_back({"codebook", {codebook_lines()}, parse_codebook, codebook_depends, 600, 1});

  uint32_t seed = 20260101;
  for (const Kind& kind : kinds) {
    Stats stats;
    const auto t0 = std::chrono::steady_clock::now();
    run_kind(kind, seed++, stats);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "[ " << kind.name << ": " << stats.documents << " documents, " << stats.lines << " lines ("
              << stats.mutated << " mutated), " << stats.diagnostics << " diagnostics; unmutated entry lines "
              << stats.kept_entries << "/" << stats.kept_lines << " kept (" << stats.context_lines
              << " more left out: they depend on a mutated line); " << ms << " ms ]\n";
    for (const std::string& lost : stats.lost) std::cout << "  lost " << lost << "\n";
    EXPECT_EQ(stats.documents, static_cast<uint64_t>(kind.documents)) << kind.name;
    EXPECT_EQ(stats.kept_entries, stats.kept_lines) << kind.name;
    // The comparison must cover most unmutated entry lines to mean something.
    EXPECT_GT(stats.kept_lines, 2 * stats.context_lines) << kind.name;
  }
}

// Problems the fuzzing found, kept as plain cases.
TEST(DictionaryFuzz, FoundCases) {
  // An issue token starting with '+' ("+k"): the hyphenated form was built on an empty
  // phrase (undefined behaviour, caught by UBSan).
  EXPECT_EQ(expand_issue_phrase("+k"), (std::vector<Phrase>{{"K"}}));
  EXPECT_EQ(expand_issue_phrase("a ++k"), (std::vector<Phrase>{{"A", "K"}}));
  {
    IssueDictionary issues;
    Diagnostics diags;
    issues.load_string("+k [CODE]\n", "i.txt", diags);
    EXPECT_EQ(issues.size(), 1u);
    EXPECT_EQ(diags.errors(), 0u);
  }
  // Each v: multiplies the forms by 4: twelve of them would make 16 million.
  {
    std::string line;
    for (int i = 0; i < 12; ++i) line += "v:go ";
    EXPECT_GT(expand_issue_phrase(line).size(), kMaxIssueForms);
    IssueDictionary issues;
    Diagnostics diags;
    issues.load_string(line + "[CODE]\nn:school [EDUCATION]\n", "i.txt", diags);
    ASSERT_EQ(diags.collected().size(), 1u);
    EXPECT_EQ(diags.collected()[0].str(),
              "i.txt:1: error: issue phrase expands to more than 1024 forms; line skipped");
    EXPECT_EQ(issues.size(), 2u);  // SCHOOL, SCHOOLS
  }
  // Substitution sets multiply too; markers are expanded without recursion.
  {
    std::string many, deep;
    for (int i = 0; i < 11; ++i) many += "!TWO!";
    for (int i = 0; i < 20000; ++i) deep += "!ONE!";
    AgentDictionary agents;
    Diagnostics diags;
    agents.load_string("!TWO! = A, B\n!ONE! = C\n" + many + " [~X]\n" + deep + " [~Y]\nMINISTER [~GOV]\n",
                       "a.txt", diags);
    ASSERT_EQ(diags.collected().size(), 1u);
    EXPECT_EQ(diags.collected()[0].where.line, 3u);
    EXPECT_NE(diags.collected()[0].message.find("more than 1024 forms"), std::string::npos);
    EXPECT_NE(agents.find(std::string(20000, 'C')), nullptr);
    EXPECT_NE(agents.find("MINISTERS"), nullptr);
  }
  // A run of '[' in an actor line: one error with a short excerpt, not one per bracket
  // each quoting the rest of the line (quadratic in the line's length).
  {
    ActorDictionary actors;
    Diagnostics diags;
    actors.load_string("NORTHLAND_ " + std::string(20000, '[') + "]\nSOUTHLAND_ [STH]\n", "x.txt", diags);
    ASSERT_EQ(diags.errors(), 2u);  // the run, then the empty "[]" at its end
    EXPECT_LT(diags.collected()[0].message.size(), 200u);
    EXPECT_EQ(diags.collected()[1].message, "empty code in []");
    EXPECT_NE(actors.find("SOUTHLAND"), nullptr);
  }
}

}  // namespace
}  // namespace dyad::dict
