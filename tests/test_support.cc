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
