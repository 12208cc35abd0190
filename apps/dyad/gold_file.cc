#include "gold_file.h"

#include <fstream>

namespace dyad::app {

std::optional<GoldFile> read_gold_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  GoldFile gold;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    if (json_string(j, "kind") == "header") {
      for (const auto& a : j.at("articles")) gold.articles[a.at("url").get<std::string>()] = a.at("mentions");
      continue;
    }
    gold.records.push_back(std::move(j));
  }
  return gold;
}

std::string json_string(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() || !it->is_string() ? std::string() : it->get<std::string>();
}

}  // namespace dyad::app
