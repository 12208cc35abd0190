// The example articles end to end (issue #6): examples/articles.jsonl through what
// `dyad code` runs with no --dict (Dyad's own dictionaries, data/dict; doc::code_document
// per article), against the events the Dyad authors wrote down by reading the articles
// (examples/expected-events.tsv). Every expected event must be found; the events Dyad
// codes beyond them are listed, not failed on.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/coder/coder.h"
#include "dyad/core/data_path.h"
#include "dyad/dict/cameo_codebook.h"
#include "dyad/dict/dictionary_set.h"
#include "dyad/doc/document.h"
#include "dyad/io/article_stream.h"
#include "dyad/nlp/pipeline.h"
#include "test_support.h"

namespace dyad::doc {
namespace {

namespace fs = std::filesystem;

struct Expected {
  int line = 0;
  std::string article, source, target, plover, cameo, sentence;
  std::string str() const {
    return "expected-events.tsv:" + std::to_string(line) + ": " + article + " " + source + " > " + target +
           " " + plover + " (" + cameo + ") \"" + sentence + "\"";
  }
};

std::vector<Expected> read_expected(const fs::path& path) {
  std::vector<Expected> out;
  std::ifstream in(path);
  std::string line;
  bool header = true;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // the column names
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    EXPECT_EQ(f.size(), 6u) << path.string() << ":" << number << ": not 6 tab-separated columns";
    if (f.size() != 6) continue;
    out.push_back({number, f[0], f[1], f[2], f[3], f[4], f[5]});
  }
  return out;
}

// The three-letter groups of an actor code: "RUSGOVMIL" -> RUS, GOV, MIL.
std::vector<std::string> groups(const std::string& code) {
  std::vector<std::string> g;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) g.push_back(code.substr(i, 3));
  return g;
}

// Whether a found actor code matches an expected one: an organisation's code (IGO...,
// NGO..., IMG...) must begin with the expected code (IGOUNO matches IGOUNODEV, the World
// Food Programme); a country's must have the same first three letters and, among the
// groups after them, every sector the expected code names (RUS matches RUSGOV; RUSGOV
// matches RUSGOVMIL but not RUSMIL).
bool actor_matches(const std::string& expected, const std::string& found) {
  const std::vector<std::string> e = groups(expected), f = groups(found);
  if (e.empty() || f.empty() || e[0] != f[0]) return false;
  if (e[0] == "IGO" || e[0] == "NGO" || e[0] == "IMG") return found.starts_with(expected);
  for (size_t i = 1; i < e.size(); ++i)
    if (std::find(f.begin() + 1, f.end(), e[i]) == f.end()) return false;
  return true;
}

// An event as the test sees it: what `dyad code` writes for it.
struct Found {
  std::string article, source, target, cameo, plover, sentence;
  bool used = false;
  std::string str() const {
    return article + " " + source + " > " + target + " " + (plover.empty() ? "(no PLOVER type)" : plover) +
           " (" + cameo + ") \"" + sentence + "\"";
  }
};

const dict::CameoCodebook& codebook() {
  static const dict::CameoCodebook book = [] {
    dict::CameoCodebook b;
    Diagnostics diags;
    EXPECT_TRUE(dict::load_default_codebook(b, diags)) << testing::all_messages(diags);
    return b;
  }();
  return book;
}

std::string plover_of(const std::string& cameo) {
  const dict::CameoCode* c = codebook().find_nearest(cameo);
  return c ? c->plover_type : "";
}

const fs::path& expected_file() {
  static const fs::path path = testing::source_dir() / "examples" / "expected-events.tsv";
  return path;
}

// The expectations themselves: each line's PLOVER type is the one its CAMEO code has, its
// article is one of the examples, and no line is there twice.
TEST(ExampleArticles, ExpectedEventsAreConsistent) {
  const std::vector<Expected> expected = read_expected(expected_file());
  ASSERT_GE(expected.size(), 7u);
  std::map<std::string, int> ids;
  {
    Diagnostics diags;
    io::ArticleStream stream({(testing::source_dir() / "examples" / "articles.jsonl").string()}, {}, diags);
    for (Article a; stream.next(a); a = Article{}) ids[a.id] = 0;
  }
  ASSERT_EQ(ids.size(), 7u);
  for (const Expected& e : expected) {
    EXPECT_EQ(plover_of(e.cameo), e.plover)
        << e.str() << ": CAMEO " << e.cameo << " is "
        << (plover_of(e.cameo).empty() ? "no PLOVER type" : plover_of(e.cameo));
    EXPECT_TRUE(ids.count(e.article)) << e.str() << ": no such article in examples/articles.jsonl";
    if (ids.count(e.article)) ++ids[e.article];
    for (const Expected& other : expected)
      if (other.line < e.line && other.article == e.article && other.source == e.source &&
          other.target == e.target && other.plover == e.plover && other.sentence == e.sentence)
        ADD_FAILURE() << e.str() << ": the same as line " << other.line;
  }
  for (const auto& [id, count] : ids) EXPECT_GT(count, 0) << id << " has no expected event";
}

TEST(ExampleArticles, EveryExpectedEventIsFound) {
  // What `dyad code` uses with no --dict and no $DYAD_DICT (apps/dyad/dictionary_choice.cc).
  const fs::path dict_dir = find_data_file("dict");
  ASSERT_FALSE(dict_dir.empty()) << "data/dict not found";
  Diagnostics diags;
  dict::DictionarySet dicts;
  ASSERT_TRUE(dict::load_dictionary_set(dict_dir, dicts, diags)) << testing::all_messages(diags);
  coder::CoderOptions options;
  options.apply(dicts.config, diags);
  const coder::Coder coder(dicts, options);
  const nlp::Pipeline pipeline = nlp::Pipeline::load(nlp::find_default_model());
  const Gazetteer gazetteer = Gazetteer::load_default();

  std::vector<Found> found;
  io::ArticleStream stream({(testing::source_dir() / "examples" / "articles.jsonl").string()}, {}, diags);
  for (Article article; stream.next(article); article = Article{}) {
    const coder::ArticleCoding coding = code_document(article, pipeline, coder, gazetteer);
    for (const Event& e : coding.events) {
      const std::string sentence =
          e.sentence_index < article.sentences.size()
              ? std::string(article.sentences[e.sentence_index].span.of(article.text))
              : std::string();
      found.push_back({article.id, e.source.code, e.target.code, e.code, plover_of(e.code), sentence});
    }
  }
  EXPECT_EQ(stream.stats().records, 7u);
  EXPECT_EQ(stream.stats().skipped, 0u);

  // Each found event matches one expected line at most; lines naming sectors first, so a
  // bare country does not take the event a line with a sector needs.
  std::vector<Expected> expected = read_expected(expected_file());
  ASSERT_FALSE(expected.empty());
  std::stable_sort(expected.begin(), expected.end(), [](const Expected& a, const Expected& b) {
    return a.source.size() + a.target.size() > b.source.size() + b.target.size();
  });
  std::vector<const Expected*> missing;
  for (const Expected& e : expected) {
    auto it = std::find_if(found.begin(), found.end(), [&](const Found& f) {
      return !f.used && f.article == e.article && f.plover == e.plover && actor_matches(e.source, f.source) &&
             actor_matches(e.target, f.target);
    });
    if (it == found.end())
      missing.push_back(&e);
    else
      it->used = true;
  }
  std::sort(missing.begin(), missing.end(),
            [](const Expected* a, const Expected* b) { return a->line < b->line; });

  std::string report;
  for (const Found& f : found)
    if (!f.used) report += "  " + f.str() + "\n";
  std::cout << "[ " << expected.size() - missing.size() << " of " << expected.size()
            << " expected events found; "
            << std::count_if(found.begin(), found.end(), [](const Found& f) { return !f.used; }) << " of "
            << found.size() << " events coded are not in examples/expected-events.tsv ]\n"
            << report;

  std::string message;
  for (const Expected* e : missing) {
    message += "  " + e->str() + "\n";
    for (const Found& f : found)  // what was coded in that article, to see what went wrong
      if (f.article == e->article &&
          (actor_matches(e->source, f.source) || actor_matches(e->target, f.target)))
        message += "      coded there: " + f.str() + "\n";
  }
  EXPECT_TRUE(missing.empty()) << missing.size() << " expected event(s) not found:\n" << message;
}

}  // namespace
}  // namespace dyad::doc
