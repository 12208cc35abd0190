#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace dyad::nlp {

// The model file: named binary sections (e.g. "tagger", "lemmatizer", "parser")
// behind a header that carries a format version and a checksum, so a truncated,
// corrupt or mismatched file is refused with a clear message. Layout (little-endian):
//   "DYADMODL"                      8 bytes magic
//   uint32 format_version           kModelFormatVersion
//   uint64 payload_size             size of the payload once decompressed
//   zstd frame                      the payload, compressed:
//       uint32 section_count
//       per section: uint32 name length, name bytes, uint64 size, size bytes
//   uint64 FNV-1a 64 checksum of everything before it
// docs/model-format.md describes it for other readers.
inline constexpr uint32_t kModelFormatVersion = 2;

struct ModelFile {
  std::map<std::string, std::string> sections;
  uint64_t checksum = 0;  // set by read() and write()

  // Throws ModelFormatError (binary_io.h) naming the path and what is wrong.
  static ModelFile read(const std::string& path);
  void write(const std::string& path);
  // The section's bytes; throws ModelFormatError when the model has no such section.
  const std::string& section(const std::string& name, const std::string& path_for_message = "model") const;
};

uint64_t fnv1a64(const void* data, size_t size, uint64_t seed = 0xcbf29ce484222325ULL);

}  // namespace dyad::nlp
