#include "dictionary_choice.h"

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "dyad/core/data_path.h"

namespace dyad::app {

std::string choose_dictionaries(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("DYAD_DICT"); env && *env) return env;
  std::string looked;
  const std::filesystem::path shipped = find_data_file("dict", &looked);
  if (shipped.empty())
    throw CLI::ValidationError(
        "--dict", "no dictionaries given and Dyad's own set (data/dict) was not found; looked in:\n" +
                      looked + "name a directory with --dict DIR or set DYAD_DICT");
  return shipped.string();
}

}  // namespace dyad::app
