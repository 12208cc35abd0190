// Dyad's own dictionaries (data/dict, issue #6): they load cleanly, cover every ISO 3166
// country, are what scripts/make-actors makes from their sources, and code the phrases
// news uses the way CAMEO/PLOVER coders would. The lookups go through the coder's
// ActorResolver (the function that codes a noun phrase's words), so they test the
// dictionaries as the coder reads them.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/coder/mentions.h"
#include "dyad/dict/dict_stats.h"
#include "dyad/dict/dictionary_set.h"
#include "test_support.h"

namespace dyad::dict {
namespace {

namespace fs = std::filesystem;

const fs::path kIsoCodes = "/usr/share/iso-codes/json/iso_3166-1.json";

fs::path own_dir() { return testing::source_dir() / "data" / "dict"; }

const DictionarySet& own_set() {
  static const DictionarySet set = [] {
    DictionarySet s;
    Diagnostics diags;
    load_dictionary_set(own_dir(), s, diags);
    return s;
  }();
  return set;
}

// The code ActorResolver gives the words (upper case, as the coder passes them) on a date.
std::string code_of(const std::string& words, int32_t yyyymmdd) {
  std::vector<std::string> w;
  std::istringstream in(words);
  for (std::string x; in >> x;) w.push_back(x);
  const coder::ActorResolver resolver(own_set().actors, own_set().agents);
  return resolver.code(w, yyyymmdd);
}

TEST(OwnDictionaries, LoadWithoutProblems) {
  Diagnostics diags;
  DictionarySet set;
  ASSERT_TRUE(load_dictionary_set(own_dir(), set, diags));
  EXPECT_EQ(diags.errors(), 0u) << testing::all_messages(diags);
  EXPECT_EQ(diags.warnings(), 0u) << testing::all_messages(diags);
  EXPECT_EQ(set.files.format, DictionaryFormat::kNative);
  std::set<std::string> actor_files;
  for (const fs::path& p : set.files.actors) actor_files.insert(p.filename().string());
  EXPECT_EQ(actor_files, (std::set<std::string>{"armed_groups.dyad", "countries.dyad", "organisations.dyad",
                                                "people.dyad"}));
  EXPECT_EQ(set.files.agents.filename(), "agents.dyad");
  EXPECT_GT(set.actors.size(), 1000u);
  EXPECT_GT(set.agents.size(), 500u);
}

// Every alpha-3 code of ISO 3166-1 (Debian's iso-codes) is the code of some actor.
TEST(OwnDictionaries, EveryIsoCountryHasAnActor) {
  if (!fs::exists(kIsoCodes))
    GTEST_SKIP() << "needs " << kIsoCodes.string()
                 << " (Debian package iso-codes; scripts/setup installs it)";
  std::ifstream in(kIsoCodes);
  const nlohmann::json iso = nlohmann::json::parse(in);
  std::set<std::string> codes;
  for (const Actor& a : own_set().actors.actors())
    for (const DatedCode& c : a.codes) codes.insert(c.code);
  size_t checked = 0;
  for (const auto& country : iso.at("3166-1")) {
    const std::string alpha3 = country.at("alpha_3").get<std::string>();
    EXPECT_TRUE(codes.count(alpha3)) << alpha3 << " (" << country.at("name").get<std::string>()
                                     << ") has no actor in data/dict";
    ++checked;
  }
  EXPECT_GE(checked, 249u);
}

// The committed .dyad files are exactly what scripts/make-actors makes from the sources.
TEST(OwnDictionaries, GeneratedFilesAreUpToDate) {
  DYAD_REQUIRE_SHARED("actors/CountryInfo.120116.txt", countryinfo);
  if (!fs::exists(kIsoCodes)) GTEST_SKIP() << "needs " << kIsoCodes.string() << " (Debian package iso-codes)";
  if (std::system("command -v python3 >/dev/null 2>&1") != 0) GTEST_SKIP() << "needs python3";
  const std::string command = "python3 '" + (testing::source_dir() / "scripts" / "make-actors").string() +
                              "' --check --countryinfo '" + countryinfo.string() + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  EXPECT_EQ(pclose(pipe), 0) << out << "\nrun scripts/make-actors";
}

TEST(OwnDictionaries, PersonsByDate) {
  // The brief's example: the adjective gives the country, the title the sector.
  EXPECT_EQ(code_of("RUSSIAN FOREIGN MINISTER SERGEY LAVROV", 20160919), "RUSGOV");
  EXPECT_EQ(code_of("SERGEY LAVROV", 20160919), "RUSGOV");
  EXPECT_EQ(code_of("SERGEI LAVROV", 20160919), "RUSGOV");
  EXPECT_EQ(code_of("LAVROV", 20020101), "RUSELI");  // before he was minister
  EXPECT_EQ(code_of("PUTIN", 20160919), "RUSGOV");
  EXPECT_EQ(code_of("BENJAMIN NETANYAHU", 20220101), "ISROPP");  // opposition leader then
  EXPECT_EQ(code_of("BENJAMIN NETANYAHU", 20240101), "ISRGOV");
  EXPECT_EQ(code_of("KIM JONG UN", 20200101), "PRKGOV");  // "Kim Jong-un": hyphens split
  EXPECT_EQ(code_of("ERDOGAN", 20200101), "TURGOV");
  EXPECT_EQ(code_of("ERDOğAN", 20200101), "TURGOV");  // "Erdoğan" as the coder upper-cases it
  EXPECT_EQ(code_of("AHMED AL SHARAA", 20230101), "SYRREB");
  EXPECT_EQ(code_of("AHMED AL SHARAA", 20250301), "SYRGOV");
  EXPECT_EQ(code_of("KOFI ANNAN", 20000101), "IGOUNO");
  // Spokespeople news quotes often, in office and after.
  EXPECT_EQ(code_of("SPOKESMAN NED PRICE", 20210620), "USAGOV");
  EXPECT_EQ(code_of("NED PRICE", 20240101), "USAELI");
  EXPECT_EQ(code_of("MAO NING", 20250128), "CHNGOV");
}

TEST(OwnDictionaries, CountriesSeatsAndOrganisations) {
  EXPECT_EQ(code_of("THE KREMLIN", 20160919), "RUSGOV");
  EXPECT_EQ(code_of("WASHINGTON", 20160919), "USAGOV");
  EXPECT_EQ(code_of("THE PENTAGON", 20160919), "USAMIL");
  EXPECT_EQ(code_of("DOWNING STREET", 20160919), "GBRGOV");
  EXPECT_EQ(code_of("U.S.", 20160919), "USA");
  EXPECT_EQ(code_of("BURMA", 20160919), "MMR");      // ISO 3166-3 former name
  EXPECT_EQ(code_of("ZAIRE", 20160919), "COD");      // ISO 3166-3 former name
  EXPECT_EQ(code_of("SWAZILAND", 20160919), "SWZ");  // renamed Eswatini
  EXPECT_EQ(code_of("IVORY COAST", 20160919), "CIV");
  EXPECT_EQ(code_of("CôTE D'IVOIRE", 20160919), "CIV");
  EXPECT_EQ(code_of("COTE D’IVOIRE", 20160919), "CIV");
  EXPECT_EQ(code_of("DEMOCRATIC PEOPLE REPUBLIC OF KOREA", 20160919), "PRK");  // 's dropped
  EXPECT_EQ(code_of("KOSOVO", 20160919), "XKX");
  EXPECT_EQ(code_of("THE UN SECURITY COUNCIL", 20160919), "IGOUNO");
  EXPECT_EQ(code_of("NATO", 20160919), "IGOWSTNAT");
  EXPECT_EQ(code_of("DOCTORS WITHOUT BORDERS", 20160919), "NGOHLH");
}

TEST(OwnDictionaries, AgentsGiveSectors) {
  EXPECT_EQ(code_of("SYRIAN REBELS", 20160919), "SYRREB");
  EXPECT_EQ(code_of("AMERICAN WARPLANES", 20160919), "USAMIL");
  EXPECT_EQ(code_of("AMERICAN FIGHTER JETS", 20160919), "USAMIL");  // not FIGHTER: REB
  EXPECT_EQ(code_of("IRAQI SECURITY FORCES", 20160919), "IRQCOP");
  EXPECT_EQ(code_of("UKRAINIAN PROTESTERS", 20160919), "UKROPP");
  EXPECT_EQ(code_of("EGYPTIAN JOURNALISTS", 20160919), "EGYJRN");
  EXPECT_EQ(code_of("PALESTINIAN REFUGEES", 20160919), "PSEREF");
  EXPECT_EQ(code_of("RUSSIAN RIGHTS GROUP", 20160919), "NGORUS");
}

TEST(OwnDictionaries, ArmedGroupsByDate) {
  EXPECT_EQ(code_of("TALIBAN", 19990101), "AFGGOV");
  EXPECT_EQ(code_of("TALIBAN", 20100101), "AFGREB");
  EXPECT_EQ(code_of("TALIBAN", 20220101), "AFGGOV");
  EXPECT_EQ(code_of("HOUTHI REBELS", 20160919), "YEMREB");
  EXPECT_EQ(code_of("ISLAMIC STATE", 20160919), "IMGMUSISL");
  EXPECT_EQ(code_of("AL QAEDA", 20160919), "IMGMUSALQ");  // "al-Qaeda": hyphens split
  EXPECT_EQ(code_of("RAPID SUPPORT FORCES", 20200101), "SDNMIL");
  EXPECT_EQ(code_of("RAPID SUPPORT FORCES", 20240101), "SDNREB");
}

TEST(OwnDictionaries, StatsCountEveryIsoCountry) {
  const DictionaryStats s = compute_stats(own_set(), nullptr);
  EXPECT_GE(s.countries, 249u);  // ISO 3166-1 and Kosovo
  EXPECT_GT(s.organisations, 50u);
  EXPECT_GT(s.dated_actors, 500u);
  EXPECT_GT(s.agents_by_sector.at("GOV"), 50u);
  EXPECT_GT(s.verbs, 600u);  // 651 verb entries when written (dyad dict stats data/dict)
}

}  // namespace
}  // namespace dyad::dict
