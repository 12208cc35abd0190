#include "dyad/io/petrarch_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "dyad/io/read_for_test.h"
#include "test_support.h"

namespace dyad::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::read_with;

const char* const kSample = R"(<!-- a comment with a <Sentence date="19990101" id="NOT-1"> inside -->
<Sentences>
<Sentence date = "20080804" id ="AFP0808020625_4" source = "AFP" sentence = "True">
<Text>
The stopover came as the US leader prepared to attend the Beijing Olympics, an 
event which will test his vow to keep &quot;politics&quot; out of the Games &amp; more. 
</Text>
<Parse>
( (S (NP (DT The) (NN stopover)) (VP (VBD came))) (. .))
</Parse>
</Sentence>

<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- Last update: 29 July 2013 -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor&#39;s envoy met Gondor&#x2019;s king.</Text>
</Sentence>
</Sentences>
)";

TEST(PetrarchReader, ReadsSentencesAttributesAndText) {
  auto r = read_with(InputFormat::kPetrarch, kSample);
  EXPECT_TRUE(r.messages().empty());
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, "AFP0808020625_4");
  EXPECT_EQ(a.story_date, "2008-08-04");
  EXPECT_EQ(a.source, "AFP");
  EXPECT_EQ(
      a.text,
      "The stopover came as the US leader prepared to attend the Beijing Olympics, an event which will test "
      "his vow to keep \"politics\" out of the Games & more.");
  EXPECT_EQ(a.extra["sentence"], "True");
  EXPECT_EQ(a.extra["parse"], "\n( (S (NP (DT The) (NN stopover)) (VP (VBD came))) (. .))\n");
  EXPECT_EQ(a.origin.str(), "t:3");
  const Article& b = r.articles[1];
  EXPECT_EQ(b.id, "DEMO-00");
  EXPECT_EQ(b.story_date, "1995-01-01");
  EXPECT_EQ(b.text, "Arnor's envoy met Gondor\xE2\x80\x99s king.");
  EXPECT_EQ(b.extra["category"], "DEMO");
  EXPECT_EQ(b.extra["event_codings"],
            nlohmann::json::parse(R"([{"sourcecode":"ARN","targetcode":"GON","eventcode":"064"}])"));
  EXPECT_EQ(b.origin.line, 14u);
  EXPECT_EQ(b.extra["config"], nlohmann::json::parse(R"([{"option":"require_dyad","value":"false"}])"));
  EXPECT_FALSE(a.extra.contains("config"));
  EXPECT_FALSE(b.extra.contains("parse"));
  EXPECT_EQ(r.stats.records, 2u);
}

TEST(PetrarchReader, BadRecordsAreReportedAndSkipped) {
  const std::string xml =
      "<Sentences>\n"
      "<Sentence date=\"20080231\" id=\"BAD-DATE\"><Text>x</Text></Sentence>\n"
      "<Sentence date=\"20080201\" id=\"NO-TEXT\"><Parse>(S)</Parse></Sentence>\n"
      "<Sentence id=\"NO-DATE\"><Text> Fine &lt;here&gt; </Text></Sentence>\n"
      "<Sentence date=\"20080201\" id=\"OPEN\"><Text>never closed</Text>\n"
      "<Sentence date=\"20080202\" id=\"OK\"><Text><![CDATA[A & B <met>.]]></Text></Sentence>\n"
      "<Sentence date=\"20080203\" id=\"EOF\"><Text>cut";
  auto r = read_with(InputFormat::kPetrarch, xml);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "NO-DATE");
  EXPECT_EQ(r.articles[0].text, "Fine <here>");
  EXPECT_EQ(r.articles[0].story_date, "");
  EXPECT_EQ(r.articles[1].id, "OK");
  EXPECT_EQ(r.articles[1].text, "A & B <met>.");
  EXPECT_THAT(
      r.messages(),
      ElementsAre("t:2: error: bad date=\"20080231\": day 31 does not exist in 2008-02; record skipped",
                  "t:3: error: <Sentence> has no <Text> element; record skipped",
                  "t:5: error: <Sentence> is not closed before the next <Sentence>; record skipped",
                  "t:7: error: <Sentence> has no </Sentence> before the end of the file; record skipped"));
  EXPECT_EQ(r.stats.skipped, 4u);
}

TEST(PetrarchReader, DecodesEntities) {
  EXPECT_EQ(decode_xml_entities("a &lt;b&gt; &amp;amp; &quot;q&quot; &apos;s &#65;&#x42; &unknown; & done"),
            "a <b> &amp; \"q\" 's AB &unknown; & done");
  EXPECT_EQ(decode_xml_entities("&#xD800;&#1114112;"), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

// Independent counts: python3 -c "import xml.etree.ElementTree as ET;
// print(len(list(ET.parse(F).getroot().iter('Sentence'))))" gives 76 for the GigaWord sample and 284 for the
// unit-test records.
TEST(PetrarchReader, ReadsTheGigawordSample) {
  DYAD_REQUIRE_SHARED("petrarch/samples/GigaWord.sample.PETR.xml", path);
  std::ifstream in(path, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto r = read_with(InputFormat::kPetrarch, data);
  EXPECT_TRUE(r.messages().empty()) << r.messages()[0];
  ASSERT_EQ(r.articles.size(), 76u);
  EXPECT_EQ(
      r.articles[0].text,
      "The stopover came as the US leader prepared to attend the Beijing Olympics, an event which will test "
      "his vow to keep politics out of the Games.");
  // TEST_1 .. TEST_9 have an empty <Text> (only a parse tree): ArticleStream reports and
  // skips them as having no text.
  size_t empty = 0;
  for (const auto& a : r.articles) {
    if (a.text.empty()) {
      EXPECT_TRUE(a.id.starts_with("TEST_")) << a.id;
      ++empty;
      continue;
    }
    EXPECT_EQ(a.text.find('\n'), std::string::npos) << a.id;
    EXPECT_EQ(a.story_date.size(), 10u) << a.id;
  }
  EXPECT_EQ(empty, 9u);
}

TEST(PetrarchReader, ReadsTheUnitTestRecords) {
  DYAD_REQUIRE_SHARED("petrarch/validate/PETR.UnitTest.records.xml", path);
  std::ifstream in(path, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto r = read_with(InputFormat::kPetrarch, data);
  EXPECT_TRUE(r.messages().empty()) << r.messages()[0];
  ASSERT_EQ(r.articles.size(), 284u);
  EXPECT_EQ(r.articles[0].id, "DEMO-00");
  EXPECT_EQ(
      r.articles[0].text,
      "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its "
      "embassy.");
  EXPECT_TRUE(r.articles[0].extra.contains("event_codings"));
}

}  // namespace
}  // namespace dyad::io
