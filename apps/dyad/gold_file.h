#pragma once

// The gold annotation files of data/eval/ (JSON Lines, data/eval/README.md): a header
// whose "articles" lists the annotated articles with their annotation counts, then one
// record per annotation. What `dyad eval coref` and `dyad eval places` score against.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace dyad::app {

struct GoldFile {
  std::map<std::string, int> articles;  // url -> annotations in it
  std::vector<nlohmann::json> records;  // every line but the header, in order
};

// Reads `path`; nullopt when it cannot be opened. A line that is not JSON throws.
std::optional<GoldFile> read_gold_file(const std::string& path);

// The string value of `key`, "" when it is absent, null or not a string.
std::string json_string(const nlohmann::json& j, const char* key);

}  // namespace dyad::app
