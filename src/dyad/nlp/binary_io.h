#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dyad::nlp {

// Little-endian binary serialisation for model sections. Readers throw
// ModelFormatError on truncated input instead of reading past the end.
struct ModelFormatError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class BinaryWriter {
 public:
  template <class T>
  requires std::is_arithmetic_v<T>
  void put(T value) {
    const auto* p = reinterpret_cast<const char*>(&value);
    bytes_.append(p, sizeof(T));
  }
  void put_raw(std::string_view s) { bytes_.append(s.data(), s.size()); }
  void put_string(std::string_view s) {
    put<uint32_t>(static_cast<uint32_t>(s.size()));
    bytes_.append(s.data(), s.size());
  }
  template <class T>
  requires std::is_arithmetic_v<T>
  void put_array(const std::vector<T>& values) {
    put<uint64_t>(values.size());
    if (!values.empty())
      bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  const std::string& bytes() const { return bytes_; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class BinaryReader {
 public:
  BinaryReader(std::string_view bytes, std::string what) : bytes_(bytes), what_(std::move(what)) {}

  template <class T>
  requires std::is_arithmetic_v<T> T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }
  std::string get_string() {
    const uint32_t n = get<uint32_t>();
    need(n);
    std::string s(bytes_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::string_view get_bytes(size_t n) {
    need(n);
    std::string_view s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  template <class T>
  requires std::is_arithmetic_v<T> std::vector<T> get_array() {
    const uint64_t n = get<uint64_t>();
    if (n > (bytes_.size() - pos_) / sizeof(T)) fail("array longer than the data left");
    std::vector<T> values(n);
    if (n) std::memcpy(values.data(), bytes_.data() + pos_, n * sizeof(T));  // data() may be null when empty
    pos_ += n * sizeof(T);
    return values;
  }
  bool done() const { return pos_ == bytes_.size(); }
  size_t position() const { return pos_; }

 private:
  void need(size_t n) const {
    if (n > bytes_.size() - pos_) fail("truncated");
  }
  [[noreturn]] void fail(const char* why) const {
    throw ModelFormatError(what_ + ": " + why + " at byte " + std::to_string(pos_));
  }

  std::string_view bytes_;
  size_t pos_ = 0;
  std::string what_;
};

// Reads a model section's 4-byte magic and format version; throws ModelFormatError
// naming `what` when either is not the one this build reads ("not a tagger section (bad
// magic)", "tagger section version 1, this dyad reads version 2 (retrain the model)").
inline void read_section_header(BinaryReader& r, std::string_view magic, uint32_t version,
                                const std::string& section, const std::string& what) {
  if (r.get_bytes(magic.size()) != magic)
    throw ModelFormatError(what + ": not a " + section + " section (bad magic)");
  const uint32_t found = r.get<uint32_t>();
  if (found != version)
    throw ModelFormatError(what + ": " + section + " section version " + std::to_string(found) +
                           ", this dyad reads version " + std::to_string(version) + " (retrain the model)");
}

}  // namespace dyad::nlp
