#include "dyad/core/data_path.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include <unistd.h>

#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { had_ ? setenv(name_, old_.c_str(), 1) : unsetenv(name_); }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

TEST(DataPath, FindsShippedFilesInTheSourceTree) {
  ScopedEnv env("DYAD_DATA_DIR", "");
  const fs::path model = find_data_file("models/en_ewt.dyadmodel");
  ASSERT_FALSE(model.empty());
  EXPECT_TRUE(fs::equivalent(model, testing::source_dir() / "data" / "models" / "en_ewt.dyadmodel"));
  const fs::path table = find_data_file("cameo/cameo_codes.tsv");
  ASSERT_FALSE(table.empty());
  EXPECT_TRUE(fs::equivalent(table, testing::source_dir() / "data" / "cameo" / "cameo_codes.tsv"));
}

TEST(DataPath, EnvironmentVariableComesFirst) {
  const fs::path dir = fs::temp_directory_path() / ("dyad_data_path_test_" + std::to_string(getpid()));
  fs::create_directories(dir / "cameo");
  std::ofstream(dir / "cameo" / "cameo_codes.tsv") << "x\n";
  {
    ScopedEnv env("DYAD_DATA_DIR", dir.string());
    EXPECT_EQ(data_file_candidates("cameo/cameo_codes.tsv").front(), dir / "cameo" / "cameo_codes.tsv");
    EXPECT_EQ(find_data_file("cameo/cameo_codes.tsv"),
              (dir / "cameo" / "cameo_codes.tsv").lexically_normal());
    // Files it does not hold are still found in the other places.
    EXPECT_FALSE(find_data_file("models/en_ewt.dyadmodel").empty());
  }
  fs::remove_all(dir);
}

TEST(DataPath, ListsThePlacesLookedAtWhenAbsent) {
  ScopedEnv env("DYAD_DATA_DIR", "/nonexistent-dyad-data");
  std::string looked;
  EXPECT_TRUE(find_data_file("no/such/file.txt", &looked).empty());
  EXPECT_NE(looked.find("\n  /nonexistent-dyad-data/no/such/file.txt"), std::string::npos) << looked;
  EXPECT_NE(looked.find((testing::source_dir() / "data" / "no/such/file.txt").lexically_normal().string()),
            std::string::npos)
      << looked;
  EXPECT_EQ(data_file_candidates("x").size(), 4u);  // env, build tree, install tree, source tree
}

}  // namespace
}  // namespace dyad
