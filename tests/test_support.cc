#include "test_support.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace dyad::testing {

std::filesystem::path source_dir() { return DYAD_SOURCE_DIR; }

std::filesystem::path shared_data() {
  if (const char* env = std::getenv("DYAD_SHARED_DATA"); env && *env) return env;
  auto candidate = source_dir().parent_path() / "shared" / "data";
  return std::filesystem::exists(candidate) ? candidate : std::filesystem::path{};
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool has_message(const Diagnostics& diags, uint64_t line, std::string_view text) {
  for (const auto& m : diags.collected())
    if (m.where.line == line && m.message.find(text) != std::string::npos) return true;
  return false;
}

std::string all_messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& m : diags.collected()) out += m.str() + "\n";
  return out;
}

Sentence parsed_sentence(const std::string& spec) {
  Sentence s;
  std::istringstream in(spec);
  for (std::string item; in >> item;) {
    Word w;
    std::vector<std::string> parts;
    std::istringstream fields(item);
    for (std::string f; std::getline(fields, f, '/');) parts.push_back(f);
    w.form = parts.at(0);
    w.xpos = parts.at(1);
    w.head = std::stoi(parts.at(2)) - 1;
    w.deprel = parts.at(3);
    w.lemma = parts.size() > 4 ? parts[4] : w.form;
    const std::string& x = w.xpos;
    w.upos = x.starts_with("NNP")     ? "PROPN"
             : x.starts_with("NN")    ? "NOUN"
             : x.starts_with("VB")    ? (w.deprel.starts_with("aux") || w.deprel == "cop" ? "AUX" : "VERB")
             : x == "MD"              ? "AUX"
             : x == "PRP"             ? "PRON"
             : x == "JJ"              ? "ADJ"
             : x == "DT"              ? "DET"
             : x == "IN"              ? "ADP"
             : x == "CC"              ? "CCONJ"
             : x == "RB"              ? "ADV"
             : x == "CD"              ? "NUM"
             : (x == "," || x == ".") ? "PUNCT"
                                      : "X";
    w.token = static_cast<uint32_t>(s.words.size());
    s.words.push_back(w);
  }
  for (uint32_t i = 0; i < s.words.size(); ++i) {
    Token t;
    t.first_word = i;
    t.space_after = i + 1 < s.words.size() && s.words[i + 1].form != "," && s.words[i + 1].form != ".";
    s.tokens.push_back(t);
  }
  return s;
}

namespace {
dict::DictionarySet example_dictionaries() {
  Diagnostics diags([](const Diagnostic&) {});
  dict::DictionarySet dicts;
  if (!dict::load_dictionary_set((source_dir() / "examples" / "dictionaries").string(), dicts, diags))
    throw std::runtime_error("examples/dictionaries could not be read");
  return dicts;
}
}  // namespace

ExampleCoding::ExampleCoding()
    : dicts(example_dictionaries()),
      pipeline(nlp::Pipeline::load(nlp::find_default_model())),
      coder(dicts, coder::CoderOptions{}) {}

const ExampleCoding& example_coding() {
  static const ExampleCoding coding;
  return coding;
}

EventPlace geneva_place() {
  EventPlace geneva;
  geneva.name = "Genève";
  geneva.country = "CHE";
  geneva.admin1 = "Genève";
  geneva.lat = 46.2022;
  geneva.lon = 6.1457;
  geneva.has_coordinates = true;
  geneva.geonameid = 2660646;
  geneva.feature = "seat";
  return geneva;
}

}  // namespace dyad::testing
