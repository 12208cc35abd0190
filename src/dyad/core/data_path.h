#pragma once

// Where Dyad finds the files it ships under data/ (the model, the CAMEO codebook) when
// the user names none.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// The places a file `relative` to data/ (e.g. "models/en_ewt.dyadmodel") is looked for,
// in order:
//   1. $DYAD_DATA_DIR/<relative>, when the variable is set;
//   2. beside the running executable: <exe dir>/../../data/<relative> (the build tree,
//      build/<preset>/dyad) and <exe dir>/../share/dyad/<relative> (an installed tree);
//   3. the data/ directory of the source tree the library was built from.
std::vector<std::filesystem::path> data_file_candidates(std::string_view relative);

// The first of data_file_candidates(relative) that exists, lexically normalised; empty
// when none does. `looked`, when given, receives the places looked at, each on its own
// line indented by two blanks (for error messages).
std::filesystem::path find_data_file(std::string_view relative, std::string* looked = nullptr);

}  // namespace dyad
