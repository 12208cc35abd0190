#include "dyad/io/format_detect.h"

#include <gtest/gtest.h>

#include "dyad/io/csv_reader.h"

namespace dyad::io {
namespace {

TEST(ReaderFormatDetect, ByExtension) {
  EXPECT_EQ(format_from_extension("a/b.txt"), InputFormat::kText);
  EXPECT_EQ(format_from_extension("news.JSONL"), InputFormat::kJsonl);
  EXPECT_EQ(format_from_extension("x.json"), InputFormat::kJsonl);
  EXPECT_EQ(format_from_extension("x.ndjson"), InputFormat::kJsonl);
  EXPECT_EQ(format_from_extension("x.csv"), InputFormat::kCsv);
  EXPECT_EQ(format_from_extension("x.htm"), InputFormat::kHtml);
  EXPECT_EQ(format_from_extension("x.html"), InputFormat::kHtml);
  EXPECT_EQ(format_from_extension("x.xml"), InputFormat::kPetrarch);
  EXPECT_EQ(format_from_extension("README.md"), InputFormat::kAuto);
  EXPECT_EQ(format_from_extension("LICENSE"), InputFormat::kAuto);
}

TEST(ReaderFormatDetect, ByContent) {
  EXPECT_EQ(format_from_content("  {\"text\": \"x\"}\n"), InputFormat::kJsonl);
  EXPECT_EQ(format_from_content("<Sentences>\n<Sentence date=\"20080804\">"), InputFormat::kPetrarch);
  EXPECT_EQ(format_from_content("<?xml version=\"1.0\"?>\n<!-- c -->\n<Sentences>"), InputFormat::kPetrarch);
  EXPECT_EQ(format_from_content("<!-- # PETRARCH sample\n-->\n<Sentences>\n"), InputFormat::kPetrarch);
  EXPECT_EQ(format_from_content("<!DOCTYPE html>\n<html><body>"), InputFormat::kHtml);
  EXPECT_EQ(format_from_content("<html lang=en>"), InputFormat::kHtml);
  EXPECT_EQ(format_from_content("url,date,title,text\r\n\"http://x\",2019-01-01,T,\"body\""),
            InputFormat::kCsv);
  EXPECT_EQ(format_from_content("\xEF\xBB\xBFid,Text\n1,x\n"), InputFormat::kCsv);
  EXPECT_EQ(format_from_content("Headline, with a comma\n\nThe text."), InputFormat::kText);
  EXPECT_EQ(format_from_content("Just text about the context of texts."), InputFormat::kText);
}

TEST(ReaderFormatDetect, CsvHeaderNeedsATextColumn) {
  EXPECT_TRUE(csv_header_has_text_column("url,date,title,text"));
  EXPECT_TRUE(csv_header_has_text_column("\"id\",\" Text \""));
  EXPECT_FALSE(csv_header_has_text_column("text"));  // one column: indistinguishable from prose
  EXPECT_FALSE(csv_header_has_text_column("id,body"));
  EXPECT_FALSE(csv_header_has_text_column("The text, as written, is here"));
}

TEST(ReaderFormatDetect, Binary) {
  EXPECT_TRUE(looks_binary(std::string_view("ab\0cd", 5)));
  EXPECT_FALSE(looks_binary("plain"));
}

}  // namespace
}  // namespace dyad::io
