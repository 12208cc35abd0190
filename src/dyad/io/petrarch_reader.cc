#include "dyad/io/petrarch_reader.h"

#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

#include "dyad/core/utf8.h"
#include "dyad/io/date.h"
#include "dyad/io/reader.h"

namespace dyad::io {
namespace {

constexpr size_t kMaxTag = size_t{1} << 20;

bool is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct Tag {
  std::string name;  // "Sentence", or "/Sentence" for an end tag
  std::vector<std::pair<std::string, std::string>> attributes;
  bool too_long = false;
};

// Trims and turns every run of white space that contains a line break into one space.
std::string unwrap(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (is_space(static_cast<unsigned char>(s[i]))) {
      size_t j = i;
      bool newline = false;
      while (j < s.size() && is_space(static_cast<unsigned char>(s[j]))) {
        newline |= s[j] == '\n' || s[j] == '\r';
        ++j;
      }
      if (i == 0 || j == s.size()) {
        // leading or trailing: dropped
      } else if (newline) {
        out.push_back(' ');
      } else {
        out.append(s.substr(i, j - i));
      }
      i = j;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

class PetrarchReader final : public Reader {
 public:
  PetrarchReader(BufferedInput& in, ReaderContext& ctx) : in_(in), ctx_(ctx) {}

  bool next(Article& a) override {
    while (true) {
      int c = get();
      if (c < 0) {
        if (in_sentence_) {
          in_sentence_ = false;
          ctx_.reject(sentence_line_,
                      "<Sentence> has no </Sentence> before the end of the file; record skipped");
        }
        return false;
      }
      if (c != '<') {
        if (in_text_) {
          append_text(static_cast<char>(c));
        } else if (in_parse_ && parse_.size() < ctx_.options.max_record_bytes) {
          parse_ += static_cast<char>(c);
        }
        continue;
      }
      if (!markup()) continue;
      // A tag was read into tag_.
      if (tag_.name == "Sentence") {
        if (in_sentence_)
          ctx_.reject(sentence_line_, "<Sentence> is not closed before the next <Sentence>; record skipped");
        start_sentence();
      } else if (tag_.name == "Config" && !in_sentence_) {
        // Validation files set coder options between records; the next record carries them.
        nlohmann::json config = nlohmann::json::object();
        for (auto& [k, v] : tag_.attributes) config[k] = v;
        configs_.push_back(std::move(config));
      } else if (!in_sentence_) {
        continue;
      } else if (tag_.name == "Text") {
        in_text_ = true;
        ++texts_;
        text_.clear();
        text_too_long_ = false;
      } else if (tag_.name == "/Text") {
        in_text_ = false;
      } else if (tag_.name == "Parse") {
        in_parse_ = true;
        parse_.clear();
      } else if (tag_.name == "/Parse") {
        in_parse_ = false;
      } else if (tag_.name == "EventCoding") {
        nlohmann::json coding = nlohmann::json::object();
        for (auto& [k, v] : tag_.attributes) coding[k] = v;
        codings_.push_back(std::move(coding));
      } else if (tag_.name == "/Sentence") {
        in_sentence_ = false;
        in_text_ = false;
        if (finish(a)) return true;
      }
    }
  }

 private:
  int get() {
    const int c = in_.get();
    if (c == '\n') ++line_;
    return c;
  }

  void append_text(char c) {
    if (text_.size() >= ctx_.options.max_record_bytes) {
      text_too_long_ = true;
      return;
    }
    text_.push_back(c);
  }

  // Skips input up to and including `end`; false at the end of input.
  bool skip_past(std::string_view end, std::string* keep = nullptr) {
    size_t matched = 0;
    while (matched < end.size()) {
      const int c = get();
      if (c < 0) return false;
      if (keep) keep->push_back(static_cast<char>(c));
      if (c == static_cast<unsigned char>(end[matched])) {
        ++matched;
      } else {
        matched = c == static_cast<unsigned char>(end[0]) ? 1 : 0;
      }
    }
    if (keep) keep->resize(keep->size() - end.size());
    return true;
  }

  // After '<': reads a comment, declaration, CDATA section or tag. True when a tag was
  // read into tag_.
  bool markup() {
    const int c = in_.peek_byte();
    if (c == '!' || c == '?') {
      const std::string_view ahead = in_.peek(9);
      if (ahead.starts_with("!--")) {
        skip_past("-->");
      } else if (ahead.starts_with("![CDATA[")) {
        std::string content;
        for (int i = 0; i < 8; ++i) get();
        skip_past("]]>", in_text_ ? &content : nullptr);
        // Entities are not decoded in CDATA: escape '&' so that decoding keeps it.
        for (const char ch : content) {
          if (ch == '&') {
            for (const char e : std::string_view("&amp;")) append_text(e);
          } else {
            append_text(ch);
          }
        }
      } else {
        skip_past(">");
      }
      return false;
    }
    read_tag();
    return true;
  }

  void read_tag() {
    tag_.name.clear();
    tag_.attributes.clear();
    tag_.too_long = false;
    int c = get();
    size_t size = 0;
    while (c >= 0 && !is_space(c) && c != '>' && !(c == '/' && !tag_.name.empty())) {
      if (++size < kMaxTag) tag_.name.push_back(static_cast<char>(c));
      c = get();
    }
    while (c >= 0 && c != '>') {
      if (is_space(c) || c == '/') {
        c = get();
        continue;
      }
      std::string name, value;
      while (c >= 0 && !is_space(c) && c != '=' && c != '>' && c != '/') {
        if (++size < kMaxTag) name.push_back(static_cast<char>(c));
        c = get();
      }
      while (is_space(c)) c = get();
      if (c == '=') {
        c = get();
        while (is_space(c)) c = get();
        if (c == '"' || c == '\'') {
          const int quote = c;
          while ((c = get()) >= 0 && c != quote)
            if (++size < kMaxTag) value.push_back(static_cast<char>(c));
          if (c >= 0) c = get();
        } else {
          while (c >= 0 && !is_space(c) && c != '>') {
            if (++size < kMaxTag) value.push_back(static_cast<char>(c));
            c = get();
          }
        }
      }
      if (!name.empty()) tag_.attributes.emplace_back(std::move(name), decode_xml_entities(value));
    }
    tag_.too_long = size >= kMaxTag;
  }

  void start_sentence() {
    in_sentence_ = true;
    in_text_ = false;
    in_parse_ = false;
    parse_.clear();
    sentence_line_ = line_;
    attributes_ = std::move(tag_.attributes);
    codings_ = nlohmann::json::array();
    text_.clear();
    texts_ = 0;
    text_too_long_ = false;
    sentence_tag_too_long_ = tag_.too_long;
  }

  bool finish(Article& a) {
    ++ctx_.stats.records;
    if (sentence_tag_too_long_) {
      ctx_.reject(sentence_line_, "<Sentence> tag is too long; record skipped");
      return false;
    }
    if (texts_ == 0) {
      ctx_.reject(sentence_line_, "<Sentence> has no <Text> element; record skipped");
      return false;
    }
    if (text_too_long_) {
      ctx_.reject(sentence_line_, fmt::format("<Text> is larger than {}; record skipped",
                                              describe_size(ctx_.options.max_record_bytes)));
      return false;
    }
    a = Article{};
    a.origin = ctx_.at(sentence_line_);
    for (auto& [key, value] : attributes_) {
      a.invalid_utf8 += utf8::sanitize(value);
      if (key == "id") {
        a.id = std::move(value);
      } else if (key == "source") {
        a.source = std::move(value);
      } else if (key == "date") {
        if (value.empty()) continue;
        std::string why;
        const bool ok = value.find('-') != std::string::npos ? parse_iso_date(value, a.story_date, why)
                                                             : parse_compact_date(value, a.story_date, why);
        if (!ok) {
          ctx_.reject(sentence_line_,
                      fmt::format("bad date=\"{}\": {}; record skipped", value.substr(0, 40), why));
          return false;
        }
      } else {
        a.extra[key] = std::move(value);
      }
    }
    if (!codings_.empty()) a.extra["event_codings"] = std::move(codings_);
    if (!configs_.empty()) a.extra["config"] = std::exchange(configs_, nlohmann::json::array());
    if (!parse_.empty()) a.extra["parse"] = decode_xml_entities(parse_);
    a.text = unwrap(decode_xml_entities(text_));
    a.invalid_utf8 += utf8::sanitize(a.text);
    return true;
  }

  BufferedInput& in_;
  ReaderContext& ctx_;
  uint64_t line_ = 1;
  Tag tag_;
  bool in_sentence_ = false;
  bool in_text_ = false;
  bool in_parse_ = false;
  std::string parse_;  // the <Parse> content as written (a Penn tree or CoNLL-U lines)
  uint64_t sentence_line_ = 0;
  std::vector<std::pair<std::string, std::string>> attributes_;
  nlohmann::json codings_ = nlohmann::json::array();
  nlohmann::json configs_ = nlohmann::json::array();  // <Config> elements since the last record
  std::string text_;
  int texts_ = 0;
  bool text_too_long_ = false;
  bool sentence_tag_too_long_ = false;
};

}  // namespace

std::string decode_xml_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    const size_t semi = s.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) {
      out.push_back('&');
      i = amp + 1;
      continue;
    }
    const std::string_view name = s.substr(amp + 1, semi - amp - 1);
    bool ok = true;
    if (name == "lt")
      out.push_back('<');
    else if (name == "gt")
      out.push_back('>');
    else if (name == "amp")
      out.push_back('&');
    else if (name == "quot")
      out.push_back('"');
    else if (name == "apos")
      out.push_back('\'');
    else if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      uint32_t cp = 0;
      ok = !digits.empty();
      for (const char d : digits) {
        int v;
        if (d >= '0' && d <= '9')
          v = d - '0';
        else if (hex && d >= 'a' && d <= 'f')
          v = d - 'a' + 10;
        else if (hex && d >= 'A' && d <= 'F')
          v = d - 'A' + 10;
        else {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
        if (cp > 0x10FFFF) cp = 0x110000;  // stays out of range, no overflow
      }
      if (ok) utf8::append(out, cp == 0 ? 0xFFFD : cp);
    } else {
      ok = false;
    }
    if (ok) {
      i = semi + 1;
    } else {
      out.push_back('&');
      i = amp + 1;
    }
  }
  return out;
}

std::unique_ptr<Reader> make_petrarch_reader(BufferedInput& in, ReaderContext& ctx) {
  return std::make_unique<PetrarchReader>(in, ctx);
}

}  // namespace dyad::io
