#include "dyad/text/offsets.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::text {
namespace {

TEST(CodePointOffsets, AsciiIsIdentity) {
  CodePointOffsets offsets("Lavrov criticized Washington.");
  EXPECT_EQ(offsets(0), 0u);
  EXPECT_EQ(offsets(7), 7u);
  EXPECT_EQ(offsets(29), 29u);
}

TEST(CodePointOffsets, CountsMultibyteCharactersOnce) {
  // "Zürich – “talks”": ü is 2 bytes, – and the curly quotes 3 bytes each.
  const std::string text = "Z\xC3\xBCrich \xE2\x80\x93 \xE2\x80\x9Ctalks\xE2\x80\x9D";
  CodePointOffsets offsets(text);
  EXPECT_EQ(offsets(1), 1u);   // before ü
  EXPECT_EQ(offsets(3), 2u);   // after ü
  EXPECT_EQ(offsets(8), 7u);   // before –
  EXPECT_EQ(offsets(11), 8u);  // after –
  EXPECT_EQ(offsets(static_cast<uint32_t>(text.size())), 16u);
}

TEST(CodePointOffsets, AgreesWithNaiveCountAcrossBlockBoundaries) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += (i % 3 == 0) ? "\xC3\xA9" : (i % 5 == 0 ? "\xF0\x9F\x99\x82" : "a");
  CodePointOffsets offsets(text);
  uint32_t naive = 0;  // code points before `byte`, counted one lead byte at a time
  for (uint32_t byte = 0; byte <= text.size(); ++byte) {
    const bool at_boundary = byte == text.size() || (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
    if (!at_boundary) continue;
    EXPECT_EQ(offsets(byte), naive) << "byte " << byte;
    ++naive;
  }
}

}  // namespace
}  // namespace dyad::text
