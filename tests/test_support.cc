#include "test_support.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

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

}  // namespace dyad::testing
