#include "dyad/text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace dyad::text {
namespace {

// Decodes one code point of valid UTF-8 at s[i] (advancing i); invalid bytes come
// back as U+FFFD, one byte at a time.
char32_t decode(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void encode(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The ASCII replacement of a typographic character, or nullptr to keep it.
const char* ascii_for(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
    case 0x00AD:
      return "-";
    case 0x2014:
    case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    case 0x00A0:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return " ";
    default:
      return nullptr;
  }
}

}  // namespace

std::string normalize_form(std::string_view word) {
  size_t i = 0;
  while (i < word.size() && static_cast<unsigned char>(word[i]) < 0x80) ++i;
  if (i == word.size()) return std::string(word);  // ASCII fast path

  std::string out(word.substr(0, i));
  bool non_ascii = false;
  while (i < word.size()) {
    char32_t cp = decode(word, i);
    if (const char* rep = ascii_for(cp)) {
      out += rep;
    } else {
      non_ascii |= cp >= 0x80;
      encode(out, cp);
    }
  }
  if (!non_ascii) return out;

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(out);
  if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return out;
  status = U_ZERO_ERROR;
  icu::UnicodeString composed = nfc->normalize(u, status);
  if (U_FAILURE(status)) return out;
  std::string result;
  composed.toUTF8String(result);
  return result;
}

}  // namespace dyad::text
