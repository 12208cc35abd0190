#include "dyad/core/data_path.h"

#include <cstdlib>
#include <system_error>

namespace dyad {
namespace fs = std::filesystem;

std::vector<fs::path> data_file_candidates(std::string_view relative) {
  const fs::path rel(relative);
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("DYAD_DATA_DIR"); env && *env) candidates.push_back(fs::path(env) / rel);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path dir = exe.parent_path();
    candidates.push_back(dir / "../../data" / rel);     // build/<preset>/dyad
    candidates.push_back(dir / "../share/dyad" / rel);  // installed
  }
  candidates.push_back(fs::path(DYAD_DATA_DIR) / rel);  // the source tree (set by CMake)
  return candidates;
}

fs::path find_data_file(std::string_view relative, std::string* looked) {
  std::error_code ec;
  for (const fs::path& candidate : data_file_candidates(relative)) {
    if (fs::exists(candidate, ec)) return candidate.lexically_normal();
    if (looked) *looked += "\n  " + candidate.lexically_normal().string();
  }
  return {};
}

}  // namespace dyad
