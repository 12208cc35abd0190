#include "dyad/coder/petrarch_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "dyad/coder/article_coder.h"
#include "dyad/core/ascii.h"
#include "dyad/io/article_stream.h"
#include "dyad/io/conllu.h"
#include "dyad/text/front_end.h"

namespace dyad::coder {
namespace {

// The words of <Include>...</Include>, lowercased.
std::set<std::string> included_categories(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();
  std::set<std::string> out;
  const size_t open = content.find("<Include>");
  const size_t close = content.find("</Include>", open);
  if (open == std::string::npos || close == std::string::npos) return out;
  std::istringstream words(content.substr(open + 9, close - open - 9));
  for (std::string w; words >> w;) out.insert(ascii_lower(w));
  return out;
}

std::string attribute(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string v2_relation(const std::string& rel, const std::string& head_upos) {
  if (rel == "dobj") return "obj";
  if (rel == "nsubjpass") return "nsubj:pass";
  if (rel == "csubjpass") return "csubj:pass";
  if (rel == "auxpass") return "aux:pass";
  if (rel == "name") return "flat";
  if (rel == "mwe") return "fixed";
  if (rel == "neg") return "advmod";
  const bool clause_head = head_upos == "VERB" || head_upos == "AUX" || head_upos == "ADJ";
  if (rel == "nmod:agent") return "obl:agent";
  if (rel == "nmod:tmod") return clause_head ? "obl:tmod" : "nmod:tmod";
  if (rel == "nmod:npmod") return clause_head ? "obl:npmod" : "nmod:npmod";
  if (rel == "nmod" && clause_head) return "obl";
  return rel;
}

// The id both files share: DEMO_00 in the UD file is DEMO-00 in the Penn one.
std::string normalized_id(std::string id) {
  std::replace(id.begin(), id.end(), '_', '-');
  return id;
}

}  // namespace

std::vector<Sentence> sentences_from_ud_v1(std::string_view conllu) {
  std::vector<Sentence> out;
  for (const io::ConlluSentence& c : io::parse_conllu(conllu)) {
    Sentence s;
    for (const io::ConlluWord& w : c.words) {
      Word word;
      word.form = w.form;
      word.lemma = w.lemma;
      word.upos = w.upos == "CONJ" ? "CCONJ" : w.upos;
      word.xpos = w.xpos;
      word.head = w.head <= 0 ? -1 : w.head - 1;
      word.deprel = w.deprel;
      s.words.push_back(std::move(word));
    }
    for (Word& word : s.words) {
      const std::string& head_upos = word.head >= 0 && static_cast<size_t>(word.head) < s.words.size()
                                         ? s.words[static_cast<size_t>(word.head)].upos
                                         : std::string();
      word.deprel = v2_relation(word.deprel, head_upos);
    }
    // UD v1 attaches a coordinator (and the comma before it) to the first conjunct; v2
    // to the conjunct it introduces, which is what the coder reads coordination from.
    const int n = static_cast<int>(s.words.size());
    for (int w = 0; w < n; ++w) {
      Word& word = s.words[static_cast<size_t>(w)];
      if ((word.deprel != "cc" && word.deprel != "punct") || word.head < 0 || word.head > w) continue;
      for (int c = w + 1; c < n; ++c) {
        const Word& next = s.words[static_cast<size_t>(c)];
        if (next.head != word.head) continue;
        if (next.deprel == "conj") word.head = c;
        // Only a comma right before its conjunct (or before the coordinator) moves.
        if (next.deprel == "conj" || (word.deprel == "punct" && next.deprel != "cc")) break;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

size_t PetrarchEvalResult::passed() const {
  return static_cast<size_t>(
      std::count_if(records.begin(), records.end(), [](const auto& r) { return r.passed; }));
}

std::map<std::string, std::pair<size_t, size_t>> PetrarchEvalResult::by_category() const {
  std::map<std::string, std::pair<size_t, size_t>> out;
  for (const auto& r : records) {
    auto& [passed, counted] = out[r.category];
    passed += r.passed;
    ++counted;
  }
  return out;
}

PetrarchEvalResult evaluate_petrarch(const std::filesystem::path& records_file,
                                     const dict::DictionarySet& dicts, const nlp::Pipeline& pipeline,
                                     const CoderOptions& base_options, Diagnostics& diags, bool trace,
                                     const std::filesystem::path& gold_parses) {
  PetrarchEvalResult result;
  // id -> (text, CoNLL-U) of each record of the UD file. Both id and text must agree:
  // the UD file was made for a later version of the suite and some of its sentences
  // differ (Australia for Gondor), so their trees would be of other sentences. Texts are
  // compared with runs of blanks collapsed.
  const auto squeeze = [](const std::string& text) {
    std::string out;
    for (char c : text) {
      const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (blank && (out.empty() || out.back() == ' ')) continue;
      out += blank ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> gold_trees;
  if (!gold_parses.empty()) {
    io::ReadOptions read;
    read.format = io::InputFormat::kPetrarch;
    io::ArticleStream stream({gold_parses.string()}, read, diags);
    Article a;
    while (stream.next(a))
      if (auto it = a.extra.find("parse"); it != a.extra.end() && it->is_string())
        gold_trees[normalized_id(a.id)].emplace_back(squeeze(a.text), it->get<std::string>());
  }
  const auto gold_tree_of = [&](const Article& a) -> const std::string* {
    auto it = gold_trees.find(normalized_id(a.id));
    if (it == gold_trees.end()) return nullptr;
    const std::string text = squeeze(a.text);
    for (const auto& [gold_text, tree] : it->second)
      if (gold_text == text) return &tree;
    return nullptr;
  };
  const std::set<std::string> include = included_categories(records_file);
  const bool valid_only = include.count("valid") > 0;
  io::ReadOptions read;
  read.format = io::InputFormat::kPetrarch;
  io::ArticleStream stream({records_file.string()}, read, diags);
  CoderOptions options = base_options;
  Article article;
  while (stream.next(article)) {
    if (auto it = article.extra.find("config"); it != article.extra.end())
      for (const auto& c : *it) {
        const std::string option = ascii_lower(attribute(c, "option"));
        if (option != "stop_on_error" && !options.set(option, attribute(c, "value")))
          diags.warning(article.origin, "unknown <Config> option '" + option + "'; ignored");
      }
    const std::string category = attribute(article.extra, "category");
    const bool valid = ascii_lower(attribute(article.extra, "sentence")) == "true";
    if ((!include.empty() && !include.count(ascii_lower(category))) || (valid_only && !valid)) {
      ++result.skipped;
      continue;
    }
    PetrarchRecordResult record;
    record.id = article.id;
    record.category = category;
    record.text = article.text;
    std::string expected_error;
    if (auto it = article.extra.find("event_codings"); it != article.extra.end())
      for (const auto& coding : *it) {
        const std::string error = attribute(coding, "error");
        if (!error.empty()) {
          expected_error = error;
          continue;
        }
        if (!attribute(coding, "noevents").empty()) continue;
        record.expected.push_back(fmt::format("{}>{}:{}", attribute(coding, "sourcecode"),
                                              attribute(coding, "targetcode"),
                                              attribute(coding, "eventcode")));
      }
    std::sort(record.expected.begin(), record.expected.end());
    record.expected.erase(std::unique(record.expected.begin(), record.expected.end()), record.expected.end());

    const Coder coder(dicts, options);
    const std::string* gold_tree = gold_parses.empty() ? nullptr : gold_tree_of(article);
    if (!gold_parses.empty() && !gold_tree) ++result.without_gold_parse;
    text::analyse(article);
    if (gold_tree) {
      try {
        article.sentences = sentences_from_ud_v1(*gold_tree);
      } catch (const std::exception& e) {
        diags.error(article.origin, std::string("bad gold parse: ") + e.what() + "; Dyad's own parse used");
        ++result.without_gold_parse;
        gold_tree = nullptr;
      }
    }
    const int32_t date = compact_date(article.story_date);
    Discarded discarded = Discarded::kNo;
    std::set<std::string> found;
    for (uint32_t i = 0; i < article.sentences.size(); ++i) {
      Sentence& sentence = article.sentences[i];
      if (!gold_tree) pipeline.annotate(sentence);
      SentenceCoding coding = coder.code(sentence, date, i, trace);
      if (trace) {
        std::string tree = "parse:";
        for (size_t w = 0; w < sentence.words.size(); ++w) {
          const Word& word = sentence.words[w];
          tree += fmt::format(" {}:{}/{}<{}:{}", w + 1, word.form, word.xpos, word.deprel, word.head + 1);
        }
        record.trace.push_back(tree);
        for (const Mention& m : coding.mentions) {
          std::string line = "mention";
          for (size_t c = 0; c < m.conjuncts.size(); ++c) {
            line += c ? " |" : "";
            for (uint32_t w : m.conjuncts[c]) line += " " + sentence.words[w].form;
            line += " = " + m.codes[c];
          }
          record.trace.push_back(line);
        }
      }
      if (coding.discarded != Discarded::kNo) discarded = std::max(discarded, coding.discarded);
      for (const Event& e : coding.events)
        found.insert(fmt::format("{}>{}:{}", e.source.code, e.target.code, e.code));
      for (std::string& line : coding.trace) record.trace.push_back(std::move(line));
    }
    record.found.assign(found.begin(), found.end());
    if (discarded != Discarded::kNo) {
      record.found = {discarded == Discarded::kStory ? "error:storydiscard" : "error:sentencediscard"};
      record.passed = expected_error == (discarded == Discarded::kStory ? "storydiscard" : "sentencediscard");
    } else if (expected_error.find("discard") != std::string::npos) {
      record.passed = false;
    } else {
      record.passed = record.found == record.expected;
    }
    if (!expected_error.empty()) record.expected = {"error:" + expected_error};
    if (!expected_error.empty() && expected_error.find("discard") == std::string::npos) {
      result.parse_errors.push_back(std::move(record));
      continue;
    }
    result.records.push_back(std::move(record));
  }
  return result;
}

}  // namespace dyad::coder
