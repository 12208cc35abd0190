#include "dyad/io/article_id.h"

#include <gtest/gtest.h>

namespace dyad::io {
namespace {

TEST(ReaderArticleId, Fnv1aKnownValues) {
  // Published FNV-1a 64-bit test vectors.
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(ReaderArticleId, StableHexAndFieldSensitive) {
  const std::string id = make_article_id("AFP", "Title", "Some text.");
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(id, make_article_id("AFP", "Title", "Some text."));
  // Fixed value: must never change between versions, runs or machines.
  EXPECT_EQ(make_article_id("", "", ""), "08328807b4eb6fed") << "if this changes, stored ids change";
  EXPECT_NE(id, make_article_id("AFPT", "itle", "Some text."));
  EXPECT_NE(id, make_article_id("AFP", "Title", "Some text!"));
}

}  // namespace
}  // namespace dyad::io
