#include "dyad/io/date.h"

#include <gtest/gtest.h>

namespace dyad::io {
namespace {

std::string iso(std::string_view s) {
  std::string out, why;
  return parse_iso_date(s, out, why) ? out : "ERR: " + why;
}

TEST(ReaderDate, AcceptsDatesAndTimestamps) {
  EXPECT_EQ(iso("2019-01-04"), "2019-01-04");
  EXPECT_EQ(iso("2019-01-04T10:00:00Z"), "2019-01-04");
  EXPECT_EQ(iso("2019-01-04T10:00:00.123+02:00"), "2019-01-04");
  EXPECT_EQ(iso("2019-01-04 10:00"), "2019-01-04");
  EXPECT_EQ(iso("2019-01-04T23:59:59-0500"), "2019-01-04");
  EXPECT_EQ(iso(" 2020-02-29 "), "2020-02-29");
  EXPECT_EQ(iso("2000-02-29"), "2000-02-29");
}

TEST(ReaderDate, RejectsImpossibleDates) {
  EXPECT_EQ(iso("2019-02-30"), "ERR: day 30 does not exist in 2019-02");
  EXPECT_EQ(iso("2019-02-29"), "ERR: day 29 does not exist in 2019-02");
  EXPECT_EQ(iso("1900-02-29"), "ERR: day 29 does not exist in 1900-02");
  EXPECT_EQ(iso("2019-13-01"), "ERR: month 13 does not exist");
  EXPECT_EQ(iso("2019-04-31"), "ERR: day 31 does not exist in 2019-04");
  EXPECT_EQ(iso("2019-04-00"), "ERR: day 00 does not exist in 2019-04");
}

TEST(ReaderDate, RejectsOtherShapes) {
  EXPECT_TRUE(iso("04/01/2019").starts_with("ERR: expected an ISO 8601 date"));
  EXPECT_TRUE(iso("2019-1-4").starts_with("ERR: expected"));
  EXPECT_TRUE(iso("").starts_with("ERR: expected"));
  EXPECT_TRUE(iso("2019-01-04X").starts_with("ERR: the time"));
  EXPECT_TRUE(iso("2019-01-04T25:00").starts_with("ERR: the time"));
  EXPECT_TRUE(iso("2019-01-04T10:00:00Zjunk").starts_with("ERR: the time"));
}

TEST(ReaderDate, CompactPetrarchDates) {
  std::string out, why;
  ASSERT_TRUE(parse_compact_date("20080804", out, why));
  EXPECT_EQ(out, "2008-08-04");
  EXPECT_FALSE(parse_compact_date("20080231", out, why));
  EXPECT_EQ(why, "day 31 does not exist in 2008-02");
  EXPECT_FALSE(parse_compact_date("2008-08-04", out, why));
  EXPECT_FALSE(parse_compact_date("2008080", out, why));
}

}  // namespace
}  // namespace dyad::io
