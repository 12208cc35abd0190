#include "dyad/coder/petrarch_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "dyad/coder/article_coder.h"
#include "dyad/io/article_stream.h"
#include "dyad/text/front_end.h"

namespace dyad::coder {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

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
  for (std::string w; words >> w;) out.insert(lower(w));
  return out;
}

std::string attribute(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

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
                                     const CoderOptions& base_options, Diagnostics& diags, bool trace) {
  PetrarchEvalResult result;
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
        const std::string option = lower(attribute(c, "option"));
        if (option != "stop_on_error" && !options.set(option, attribute(c, "value")))
          diags.warning(article.origin, "unknown <Config> option '" + option + "'; ignored");
      }
    const std::string category = attribute(article.extra, "category");
    const bool valid = lower(attribute(article.extra, "sentence")) == "true";
    if ((!include.empty() && !include.count(lower(category))) || (valid_only && !valid)) {
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
    text::analyse(article);
    const int32_t date = compact_date(article.story_date);
    Discarded discarded = Discarded::kNo;
    std::set<std::string> found;
    for (uint32_t i = 0; i < article.sentences.size(); ++i) {
      Sentence& sentence = article.sentences[i];
      pipeline.annotate(sentence);
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
