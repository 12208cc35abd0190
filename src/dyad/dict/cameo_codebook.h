#pragma once

// The CAMEO codebook Dyad ships: data/cameo/cameo_codes.tsv (made by
// scripts/make-cameo-table from the icews CAMEO code list and the CAMEO-to-PLOVER table).
// A tab-separated table: '#' comment lines, a line naming the columns
//
//   code  name  goldstein  quad_class  plover_type  plover_mode  plover_context
//
// then one line per code, e.g. "111  Criticize or denounce  -2  3  ACCUSE  disapprove  ".
// PLOVER fields are empty where PLOVER has no equivalent (roots 01 and 02).

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/core/diagnostics.h"
#include "dyad/core/source_location.h"

namespace dyad::dict {

struct CameoCode {
  std::string code;  // "111"
  std::string name;  // "Criticize or denounce"
  double goldstein = 0;
  int quad_class = 0;  // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
  std::string plover_type;     // "ACCUSE"; empty when PLOVER has no equivalent
  std::string plover_mode;     // "disapprove"; may be empty
  std::string plover_context;  // "military;legal"; may be empty
  SourceLocation where;

  bool has_plover() const { return !plover_type.empty(); }
};

// The file name of the committed table under data/.
inline constexpr const char* kDefaultCodebookName = "cameo/cameo_codes.tsv";

class CameoCodebook {
 public:
  // Reads a table and adds its codes. A malformed line is an error at file:line and is
  // skipped; a repeated code is a warning (the first is kept). Returns false when the
  // file cannot be read or does not start with the column line.
  bool load(const std::filesystem::path& path, Diagnostics& diags);
  bool load_string(std::string_view content, const std::string& file, Diagnostics& diags);

  // The code exactly as written ("111", "0211"), or nullptr.
  const CameoCode* find(std::string_view code) const;
  // The code, else its longest prefix that is defined ("0431" -> 043), or nullptr.
  const CameoCode* find_nearest(std::string_view code) const;
  bool is_defined(std::string_view code) const { return find(code) != nullptr; }

  size_t size() const { return codes_.size(); }
  bool empty() const { return codes_.empty(); }
  const std::vector<CameoCode>& codes() const { return codes_; }  // in file order

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> index_;
};

// The committed table: data/cameo/cameo_codes.tsv found by find_data_file
// (core/data_path.h). Empty when there is none; `looked` then lists the places tried.
std::filesystem::path find_default_codebook(std::string* looked = nullptr);

// Loads the default table; when there is none, an error naming the places looked at.
bool load_default_codebook(CameoCodebook& codebook, Diagnostics& diags);

}  // namespace dyad::dict
