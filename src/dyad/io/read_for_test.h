#pragma once

// Helpers for the io tests (header only, not part of the library proper).

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/io/reader.h"

namespace dyad::io::testing {

struct ReadResult {
  std::vector<Article> articles;
  Diagnostics diags;
  ReadStats stats;

  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const auto& d : diags.collected()) out.push_back(d.str());
    return out;
  }
};

// Runs one format reader over `data`, as if read from a file named "t".
inline ReadResult read_with(InputFormat format, const std::string& data, ReadOptions options = {}) {
  ReadResult r;
  std::istringstream in(data);
  BufferedInput input(in, 7);  // a tiny buffer, to cross buffer boundaries everywhere
  ReaderContext ctx{"t", options, r.diags, r.stats};
  auto reader = make_reader(format, input, ctx);
  Article a;
  while (reader->next(a)) r.articles.push_back(a);
  return r;
}

// A fresh directory under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("dyad_io_test_" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string write(const std::string& relative, const std::string& content) const {
    const auto p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace dyad::io::testing
