#include "dyad/io/buffered_input.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dyad::io {
namespace {

TEST(ReaderBufferedInput, GetlineStripsNewlinesAndCarriageReturns) {
  std::istringstream in("one\r\ntwo\n\nlast");
  BufferedInput b(in, 3);
  std::string line;
  bool overflow = false;
  ASSERT_TRUE(b.getline(line, 100, overflow));
  EXPECT_EQ(line, "one");
  ASSERT_TRUE(b.getline(line, 100, overflow));
  EXPECT_EQ(line, "two");
  ASSERT_TRUE(b.getline(line, 100, overflow));
  EXPECT_EQ(line, "");
  ASSERT_TRUE(b.getline(line, 100, overflow));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(overflow);
  EXPECT_FALSE(b.getline(line, 100, overflow));
}

TEST(ReaderBufferedInput, GetlineCapsLongLinesAndGoesOn) {
  std::istringstream in(std::string(1000, 'x') + "\nnext\n");
  BufferedInput b(in, 16);
  std::string line;
  bool overflow = false;
  ASSERT_TRUE(b.getline(line, 10, overflow));
  EXPECT_TRUE(overflow);
  EXPECT_EQ(line, std::string(10, 'x'));
  ASSERT_TRUE(b.getline(line, 10, overflow));
  EXPECT_FALSE(overflow);
  EXPECT_EQ(line, "next");
}

TEST(ReaderBufferedInput, PeekDoesNotConsumeAndUnreadPutsBack) {
  std::istringstream in("abcdefghij");
  BufferedInput b(in, 4);
  EXPECT_EQ(b.peek(6), "abcdef");
  EXPECT_EQ(b.get(), 'a');
  EXPECT_EQ(b.get(), 'b');
  b.unread("XYZ");
  std::string rest;
  EXPECT_TRUE(b.read_all(rest, 100));
  EXPECT_EQ(rest, "XYZcdefghij");
  EXPECT_EQ(b.get(), -1);
  EXPECT_TRUE(b.at_end());
}

TEST(ReaderBufferedInput, ReadAllReportsOverflow) {
  std::istringstream in(std::string(100, 'y'));
  BufferedInput b(in, 8);
  std::string out;
  EXPECT_FALSE(b.read_all(out, 50));
  EXPECT_EQ(out.size(), 50u);
  EXPECT_TRUE(b.at_end());
}

}  // namespace
}  // namespace dyad::io
