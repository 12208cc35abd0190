#include "dyad/dict/actor_code.h"

#include <algorithm>
#include <array>

namespace dyad::dict {
namespace {

bool is_code_text(std::string_view code) {
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; });
}

// The members each federation code is followed by in CAMEO/Phoenix actor codes.
bool is_federation_member(std::string_view federation, std::string_view member) {
  static constexpr std::array<std::string_view, 8> kYugoslavia = {"SRB", "MNE", "SVN", "MKD",
                                                                  "KSV", "HRV", "BIH", "XKX"};
  static constexpr std::array<std::string_view, 15> kSovietUnion = {"RUS", "UKR", "BLR", "UZB", "KAZ",
                                                                    "GEO", "AZE", "LTU", "MDA", "LVA",
                                                                    "KGZ", "TJK", "ARM", "TKM", "EST"};
  static constexpr std::array<std::string_view, 2> kCzechoslovakia = {"CZE", "SVK"};
  const auto in = [&](const auto& members) {
    return std::find(members.begin(), members.end(), member) != members.end();
  };
  if (federation == "YUG" || federation == "SCG") return in(kYugoslavia);
  if (federation == "USR") return in(kSovietUnion);
  if (federation == "CSK") return in(kCzechoslovakia);
  return false;
}

}  // namespace

ActorCodeParts split_actor_country(std::string_view code) {
  ActorCodeParts parts;
  if (code.size() < 3 || !is_code_text(code)) return parts;
  size_t at = 3;
  if (code.substr(0, 3) != "---") parts.country = code.substr(0, 3);
  if (code.size() >= 6 && is_federation_member(code.substr(0, 3), code.substr(3, 3))) {
    parts.country = code.substr(3, 3);
    at = 6;
  }
  parts.types = code.substr(at);
  return parts;
}

}  // namespace dyad::dict
