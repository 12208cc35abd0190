#include "dyad/io/buffered_input.h"

#include <cstring>

namespace dyad::io {

BufferedInput::BufferedInput(std::istream& in, size_t chunk) : in_(in), chunk_(chunk ? chunk : 1) {}

bool BufferedInput::fill() {
  if (eof_) return pos_ < buf_.size();
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buf_.size();
  buf_.resize(old + chunk_);
  in_.read(buf_.data() + old, static_cast<std::streamsize>(chunk_));
  const auto got = static_cast<size_t>(in_.gcount());
  buf_.resize(old + got);
  if (got == 0) eof_ = true;
  return pos_ < buf_.size();
}

std::string_view BufferedInput::peek(size_t n) {
  while (buf_.size() - pos_ < n && !eof_) {
    const size_t before = buf_.size() - pos_;
    fill();
    if (buf_.size() - pos_ == before) break;
  }
  return std::string_view(buf_).substr(pos_, n);
}

bool BufferedInput::getline(std::string& line, size_t max, bool& overflow) {
  line.clear();
  overflow = false;
  bool any = false;
  while (true) {
    if (pos_ >= buf_.size() && !fill()) break;
    any = true;
    const char* begin = buf_.data() + pos_;
    const size_t avail = buf_.size() - pos_;
    const void* nl = std::memchr(begin, '\n', avail);
    const size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - begin) : avail;
    const size_t room = max > line.size() ? max - line.size() : 0;
    if (take > room) overflow = true;
    line.append(begin, take < room ? take : room);
    pos_ += take;
    if (nl) {
      ++pos_;
      break;
    }
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return any;
}

bool BufferedInput::read_all(std::string& out, size_t max) {
  out.clear();
  bool fits = true;
  while (pos_ < buf_.size() || fill()) {
    const size_t avail = buf_.size() - pos_;
    const size_t room = max > out.size() ? max - out.size() : 0;
    if (avail > room) fits = false;
    out.append(buf_, pos_, avail < room ? avail : room);
    pos_ = buf_.size();
  }
  return fits;
}

void BufferedInput::unread(std::string_view bytes) {
  if (bytes.empty()) return;
  if (pos_ >= bytes.size()) {
    pos_ -= bytes.size();
    std::memcpy(buf_.data() + pos_, bytes.data(), bytes.size());
    return;
  }
  std::string merged;
  merged.reserve(bytes.size() + buf_.size() - pos_);
  merged.append(bytes);
  merged.append(buf_, pos_, std::string::npos);
  buf_ = std::move(merged);
  pos_ = 0;
}

}  // namespace dyad::io
