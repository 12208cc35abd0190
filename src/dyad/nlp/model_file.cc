#include "dyad/nlp/model_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <zstd.h>

#include "dyad/nlp/binary_io.h"

namespace dyad::nlp {
namespace {

constexpr std::string_view kMagic = "DYADMODL";
// High enough to halve the file, low enough that writing takes well under a second.
constexpr int kCompressionLevel = 9;

}  // namespace

uint64_t fnv1a64(const void* data, size_t size, uint64_t seed) {
  const auto* p = static_cast<const unsigned char*>(data);
  uint64_t h = seed;
  for (size_t i = 0; i < size; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

ModelFile ModelFile::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ModelFormatError(
        path + ": cannot open the model file" +
        (std::filesystem::exists(path) ? "" : " (it does not exist; see README for how to train one)"));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  if (bytes.size() < kMagic.size() + 8 || std::string_view(bytes).substr(0, kMagic.size()) != kMagic)
    throw ModelFormatError(path + ": not a Dyad model file (bad magic)");
  const size_t body = bytes.size() - 8;
  BinaryReader trailer(std::string_view(bytes).substr(body), path);
  const uint64_t stored = trailer.get<uint64_t>();
  const uint64_t actual = fnv1a64(bytes.data(), body);
  if (stored != actual)
    throw ModelFormatError(path + ": checksum mismatch: the file is corrupt or truncated");

  BinaryReader header(std::string_view(bytes).substr(kMagic.size(), body - kMagic.size()), path);
  const uint32_t version = header.get<uint32_t>();
  if (version != kModelFormatVersion)
    throw ModelFormatError(path + ": model format version " + std::to_string(version) +
                           ", this dyad reads version " + std::to_string(kModelFormatVersion) +
                           " (retrain or use a matching dyad)");
  const uint64_t payload_size = header.get<uint64_t>();
  const std::string_view frame = std::string_view(bytes).substr(kMagic.size() + header.position(),
                                                                body - kMagic.size() - header.position());
  if (ZSTD_getFrameContentSize(frame.data(), frame.size()) != payload_size)
    throw ModelFormatError(path + ": the compressed payload does not match its stated size");
  std::string payload(payload_size, '\0');
  const size_t got = ZSTD_decompress(payload.data(), payload.size(), frame.data(), frame.size());
  if (ZSTD_isError(got) || got != payload_size)
    throw ModelFormatError(path + ": cannot decompress the model: " +
                           (ZSTD_isError(got) ? ZSTD_getErrorName(got) : "short payload"));
  BinaryReader reader(payload, path);
  ModelFile model;
  const uint32_t count = reader.get<uint32_t>();
  for (uint32_t i = 0; i < count; ++i) {
    std::string name = reader.get_string();
    const uint64_t size = reader.get<uint64_t>();
    model.sections.emplace(std::move(name), std::string(reader.get_bytes(size)));
  }
  if (!reader.done()) throw ModelFormatError(path + ": trailing bytes after the last section");
  model.checksum = actual;
  return model;
}

void ModelFile::write(const std::string& path) {
  BinaryWriter payload;
  payload.put<uint32_t>(static_cast<uint32_t>(sections.size()));
  for (const auto& [name, data] : sections) {
    payload.put_string(name);
    payload.put<uint64_t>(data.size());
    payload.put_raw(data);
  }
  std::string frame(ZSTD_compressBound(payload.bytes().size()), '\0');
  const size_t compressed = ZSTD_compress(frame.data(), frame.size(), payload.bytes().data(),
                                          payload.bytes().size(), kCompressionLevel);
  if (ZSTD_isError(compressed))
    throw ModelFormatError(path + ": cannot compress the model: " + ZSTD_getErrorName(compressed));
  frame.resize(compressed);

  BinaryWriter header;
  header.put<uint32_t>(kModelFormatVersion);
  header.put<uint64_t>(payload.bytes().size());
  std::string bytes(kMagic);
  bytes += header.bytes();
  bytes += frame;
  checksum = fnv1a64(bytes.data(), bytes.size());
  BinaryWriter trailer;
  trailer.put<uint64_t>(checksum);
  bytes += trailer.bytes();

  const std::string tmp = path + ".tmp";
  {
    std::ofstream outf(tmp, std::ios::binary | std::ios::trunc);
    if (!outf) throw ModelFormatError(tmp + ": cannot write");
    outf.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!outf) throw ModelFormatError(tmp + ": write failed");
  }
  std::filesystem::rename(tmp, path);
}

const std::string& ModelFile::section(const std::string& name, const std::string& path_for_message) const {
  auto it = sections.find(name);
  if (it == sections.end())
    throw ModelFormatError(path_for_message + ": the model has no '" + name + "' section");
  return it->second;
}

}  // namespace dyad::nlp
