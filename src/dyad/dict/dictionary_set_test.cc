#include "dyad/dict/dictionary_set.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "test_support.h"

namespace dyad::dict {
namespace {
namespace fs = std::filesystem;

// A fresh empty directory under the test temp dir.
class DictionarySetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_dict_set_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  fs::path dir_;
};

constexpr const char* kVerbs =
    "--- CRITICIZE [111] ---\n"
    "CRITICIZE\n"
    "- * $ [111]\n";
constexpr const char* kActors = "RUSSIA [RUS]\nVLADIMIR_PUTIN_ [RUSGOV >000507]\n";

TEST_F(DictionarySetTest, FindsPetrarchFilesByName) {
  write("CAMEO.test.txt", kVerbs);
  write("b.actors.txt", kActors);
  write("a.actors.txt", "FRANCE [FRA]\n");
  write("x.agents.txt", "MINISTER [~GOV]\n");
  write("x.discards.txt", "+GOLF\n");
  write("My.IssueCoding.txt", "<ISSUE CATEGORY=\"X\">\nn:refugee [REFUGEES]\n</ISSUE>\n");
  write("notes.txt", "not a dictionary\n");
  Diagnostics diags;
  DictionarySet set;
  ASSERT_TRUE(load_dictionary_set(dir_, set, diags));
  EXPECT_EQ(diags.errors() + diags.warnings(), 0u);
  EXPECT_EQ(set.files.verbs.filename(), "CAMEO.test.txt");
  ASSERT_EQ(set.files.actors.size(), 2u);
  EXPECT_EQ(set.files.actors[0].filename(), "a.actors.txt");  // name order
  EXPECT_EQ(set.files.issues.filename(), "My.IssueCoding.txt");
  EXPECT_EQ(set.verbs.patterns().size(), 1u);
  EXPECT_EQ(set.actors.size(), 3u);
  ASSERT_NE(set.actors.find("VLADIMIR PUTIN"), nullptr);
  EXPECT_EQ(set.actors.find("VLADIMIR PUTIN")->code_for(20100101)->substr(0, 3), "RUS");
  EXPECT_EQ(set.agents.find("MINISTER")->code, "GOV");
  EXPECT_TRUE(set.discards.find("GOLF")->story_level);
  EXPECT_NE(set.issues.find("REFUGEES"), nullptr);
  EXPECT_NE(set.summary().find("3 actors"), std::string::npos);
}

TEST_F(DictionarySetTest, ConfigNamesTheFilesAndReportsMissingOnes) {
  write("verbs-main.txt", kVerbs);
  write("people.txt", kActors);
  write("ignored.actors.txt", "FRANCE [FRA]\n");
  write("PETR_config.ini",
        "[Dictionaries]\n"
        "verbfile_name = verbs-main.txt\n"
        "actorfile_list = people.txt, gone.txt\n"
        "agentfile_name = nowhere.txt\n");
  Diagnostics diags;
  DictionarySet set;
  ASSERT_TRUE(load_dictionary_set(dir_, set, diags));
  EXPECT_EQ(set.files.verbs.filename(), "verbs-main.txt");
  ASSERT_EQ(set.files.actors.size(), 1u);
  EXPECT_EQ(set.actors.size(), 2u);  // ignored.actors.txt is not read: the config decides
  EXPECT_EQ(set.actors.find("FRANCE"), nullptr);
  ASSERT_EQ(diags.errors(), 2u);
  EXPECT_EQ(diags.collected()[0].where.line, 3u);
  EXPECT_NE(diags.collected()[0].message.find("gone.txt"), std::string::npos);
  EXPECT_EQ(diags.collected()[1].where.line, 4u);
}

TEST_F(DictionarySetTest, SeveralVerbFilesWarnAndTheFirstIsUsed) {
  write("CAMEO.a.txt", kVerbs);
  write("z.verbs.txt", "--- SAY [010] ---\nSAY\n- * $ [010]\n");
  Diagnostics diags;
  DictionarySet set;
  ASSERT_TRUE(load_dictionary_set(dir_, set, diags));
  EXPECT_EQ(diags.warnings(), 1u);
  EXPECT_EQ(set.files.verbs.filename(), "CAMEO.a.txt");
  EXPECT_FALSE(set.verbs.verbs_for("CRITICIZE").empty());
  EXPECT_TRUE(set.verbs.verbs_for("SAY").empty());
}

TEST_F(DictionarySetTest, EmptyOrMissingDirectoryIsAnError) {
  Diagnostics diags;
  DictionarySet set;
  EXPECT_FALSE(load_dictionary_set(dir_, set, diags));
  EXPECT_EQ(diags.errors(), 1u);
  EXPECT_FALSE(load_dictionary_set(dir_ / "absent", set, diags));
  EXPECT_EQ(diags.errors(), 2u);
  EXPECT_NE(diags.collected()[1].where.file.find("absent"), std::string::npos);
}

TEST_F(DictionarySetTest, BadEntriesAreReportedAndTheRestIsLoaded) {
  write("t.verbs.txt", std::string(kVerbs) + "- * $ [111\n- * + [112]\n");
  write("t.actors.txt", "RUSSIA [RUS]\nBROKEN [RUS 99999999]\nFRANCE [FRA]\n");
  Diagnostics diags;
  DictionarySet set;
  ASSERT_TRUE(load_dictionary_set(dir_, set, diags));
  EXPECT_GE(diags.errors(), 2u);
  for (const Diagnostic& d : diags.collected()) EXPECT_GT(d.where.line, 0u) << d.str();
  EXPECT_EQ(set.verbs.patterns().size(), 2u);
  EXPECT_NE(set.actors.find("FRANCE"), nullptr);
}

TEST_F(DictionarySetTest, HashFollowsTheBytes) {
  write("t.verbs.txt", kVerbs);
  write("t.actors.txt", kActors);
  Diagnostics diags;
  DictionarySet a, b, c;
  ASSERT_TRUE(load_dictionary_set(dir_, a, diags));
  ASSERT_TRUE(load_dictionary_set(dir_, b, diags));
  EXPECT_EQ(a.hash, b.hash);
  EXPECT_EQ(hash_hex(a.hash).size(), 16u);
  write("t.actors.txt", std::string(kActors) + "FRANCE [FRA]\n");
  ASSERT_TRUE(load_dictionary_set(dir_, c, diags));
  EXPECT_NE(a.hash, c.hash);
}

TEST_F(DictionarySetTest, NativeSetIsFoundAndReadsBackTheSame) {
  write("CAMEO.t.txt", kVerbs);
  write("a.actors.txt", kActors);
  write("b.actors.txt", "FRANCE [FRA]\n");
  write("t.agents.txt", "MINISTER [~GOV]\n");
  write("PETR_config.ini",
        "[Dictionaries]\nverbfile_name = CAMEO.t.txt\nactorfile_list = a.actors.txt, b.actors.txt\n"
        "agentfile_name = t.agents.txt\n[Options]\nrequire_dyad = False\n");
  Diagnostics diags;
  DictionarySet petrarch;
  ASSERT_TRUE(load_dictionary_set(dir_, petrarch, diags));
  const fs::path native_dir = dir_ / "native";
  ASSERT_TRUE(write_native_set(petrarch, native_dir, diags));
  EXPECT_TRUE(fs::exists(native_dir / "verbs.dyad"));
  EXPECT_TRUE(fs::exists(native_dir / "actors.dyad"));   // both actor files merged
  EXPECT_FALSE(fs::exists(native_dir / "issues.dyad"));  // the set has none
  DictionarySet native;
  ASSERT_TRUE(load_dictionary_set(native_dir, native, diags));
  EXPECT_EQ(diags.errors() + diags.warnings(), 0u);
  EXPECT_EQ(native.files.format, DictionaryFormat::kNative);
  EXPECT_EQ(native.files.actors.size(), 1u);
  EXPECT_EQ(differences(petrarch, native), std::vector<std::string>{});
  ASSERT_NE(native.config.find("Options", "require_dyad"), nullptr);
  EXPECT_EQ(native.config.find("Options", "require_dyad")->value, "False");
  // A change shows up as a difference.
  native.actors.begin_actor({"x", 1});
  native.actors.add_actor_phrase({"SPAIN"}, {"x", 1}, diags);
  native.actors.add_actor_code(DatedCode{"ESP"});
  native.actors.end_actor(diags);
  EXPECT_FALSE(differences(petrarch, native).empty());
}

TEST_F(DictionarySetTest, ANativeFileWithABadHeaderIsReported) {
  write("verbs.dyad", "dyad-dictionary 1 verbs\nblock SAY [010]\nverb SAY\n");
  write("junk.dyad", "not a dictionary\n");
  Diagnostics diags;
  DictionarySet set;
  ASSERT_TRUE(load_dictionary_set(dir_, set, diags));
  ASSERT_EQ(diags.errors(), 1u);
  EXPECT_EQ(diags.collected()[0].where.str(), (dir_ / "junk.dyad").string() + ":1");
  EXPECT_FALSE(set.verbs.verbs_for("SAY").empty());
}

// The Phoenix directory has no PETR_config.ini: every file is found by its name.
TEST(DictionarySetShared, FindsAndLoadsThePhoenixSet) {
  DYAD_REQUIRE_SHARED("petrarch/phoenix/CAMEO.2.0.txt", cameo);
  Diagnostics diags([](const Diagnostic&) {});
  DictionarySet set;
  ASSERT_TRUE(load_dictionary_set(cameo.parent_path(), set, diags));
  EXPECT_EQ(set.files.verbs.filename(), "CAMEO.2.0.txt");
  EXPECT_EQ(set.files.actors.size(), 3u);
  EXPECT_EQ(set.files.agents.filename(), "Phoenix.agents.txt");
  EXPECT_EQ(set.files.discards.filename(), "Phoenix.discards.txt");
  EXPECT_EQ(set.files.issues.filename(), "Phoenix.IssueCoding.txt");
  // The set holds what the readers give file by file (their own tests check the counts
  // against grep counts of the files).
  const fs::path dir = cameo.parent_path();
  const VerbDictionary verbs = load_verb_dictionary(cameo, diags);
  ActorDictionary actors;
  for (const char* f :
       {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"})
    ASSERT_TRUE(actors.load_file(dir / f, diags));
  AgentDictionary agents;
  ASSERT_TRUE(agents.load_file(dir / "Phoenix.agents.txt", diags));
  DiscardList discards;
  ASSERT_TRUE(discards.load_file(dir / "Phoenix.discards.txt", diags));
  IssueDictionary issues;
  ASSERT_TRUE(issues.load_file(dir / "Phoenix.IssueCoding.txt", diags));
  EXPECT_EQ(set.verbs.patterns().size(), verbs.patterns().size());
  EXPECT_EQ(set.verbs.verbs().size(), verbs.verbs().size());
  EXPECT_EQ(set.actors.size(), actors.size());
  EXPECT_EQ(set.actors.phrase_count(), actors.phrase_count());
  EXPECT_EQ(set.agents.size(), agents.size());
  EXPECT_EQ(set.discards.size(), discards.size());
  EXPECT_EQ(set.issues.size(), issues.size());
  EXPECT_GT(set.verbs.patterns().size(), 4000u);
  EXPECT_GT(set.actors.size(), 20000u);
}

TEST(DictionarySetShared, FindsTheValidationSet) {
  DYAD_REQUIRE_SHARED("petrarch/validate/PETR.Validate.verbs.txt", verbs);
  Diagnostics diags([](const Diagnostic&) {});
  DictionarySet set;
  ASSERT_TRUE(load_dictionary_set(verbs.parent_path(), set, diags));
  EXPECT_EQ(set.files.verbs.filename(), "PETR.Validate.verbs.txt");
  EXPECT_EQ(set.files.actors.size(), 1u);
  EXPECT_FALSE(set.files.agents.empty());
  EXPECT_FALSE(set.files.discards.empty());
  EXPECT_TRUE(set.files.issues.empty());
  EXPECT_GT(set.verbs.patterns().size(), 0u);
}

}  // namespace
}  // namespace dyad::dict
