#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace dyad::io {

// A byte reader over a std::istream with its own buffer, look-ahead and push-back.
// Readers use it instead of the stream so that format detection can look at the
// start of standard input, and the CSV reader can re-read a broken record.
class BufferedInput {
 public:
  explicit BufferedInput(std::istream& in, size_t chunk = size_t{1} << 16);

  // Up to `n` bytes ahead, without consuming them (fewer at the end of input).
  std::string_view peek(size_t n);

  // The next byte (0-255), or -1 at the end of input.
  int get() {
    if (pos_ < buf_.size()) return static_cast<unsigned char>(buf_[pos_++]);
    return fill() ? static_cast<unsigned char>(buf_[pos_++]) : -1;
  }
  int peek_byte() {
    if (pos_ < buf_.size()) return static_cast<unsigned char>(buf_[pos_]);
    return fill() ? static_cast<unsigned char>(buf_[pos_]) : -1;
  }
  bool at_end() { return peek_byte() < 0; }

  // Reads one line into `line` (replacing its content), without the '\n' and without a
  // trailing '\r'. Keeps at most `max` bytes: the rest of a longer line is consumed and
  // dropped, and `overflow` is set. False at the end of input when no byte was read.
  bool getline(std::string& line, size_t max, bool& overflow);

  // Reads all remaining bytes into `out` (replacing its content). When there are more
  // than `max`, keeps the first `max`, drops the rest and returns false.
  bool read_all(std::string& out, size_t max);

  // Puts `bytes` back in front of the unread input.
  void unread(std::string_view bytes);

 private:
  bool fill();  // makes at least one more byte available; false at the end of input

  std::istream& in_;
  size_t chunk_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
};

}  // namespace dyad::io
