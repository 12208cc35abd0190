#include "dyad/text/cleaner.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "dyad/text/cleaner_rules.h"
#include "test_support.h"

namespace dyad::text {
namespace {

std::vector<std::string> kept(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& span : clean(text)) out.emplace_back(span.of(text));
  return out;
}

using Strings = std::vector<std::string>;

TEST(Cleaner, EmptyAndBlankText) {
  EXPECT_TRUE(clean("").empty());
  EXPECT_TRUE(clean(" \n\n \t\r\n\xC2\xA0\n").empty());
}

TEST(Cleaner, SplitsParagraphsOnBlankLinesAndTrims) {
  const std::string text =
      "  Iran and the European Union resumed talks on Monday.  \n"
      "\n"
      "   \t\n"
      "The delegations met for four hours in Vienna.\r\n"
      "\r\n"
      "Neither side gave details.\n";
  EXPECT_EQ(kept(text),
            (Strings{"Iran and the European Union resumed talks on Monday.",
                     "The delegations met for four hours in Vienna.", "Neither side gave details."}));
}

TEST(Cleaner, SpansAreOffsetsIntoTheOriginalText) {
  const std::string text = "Friday, January 4, 2019\n\nKYIV, Ukraine \xE2\x80\x94 Talks resumed.\n";
  const std::vector<Span> spans = clean(text);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].begin, text.find("Talks"));
  EXPECT_EQ(spans[0].end, text.find(".\n") + 1);
}

TEST(Cleaner, KeepsSingleNewlinesInsideAParagraph) {
  // A hard-wrapped paragraph stays one span, its line breaks inside.
  const std::string text =
      "Turkey's foreign minister said on Wednesday that Ankara would not accept\n"
      "the proposal in its current form, and that talks with Athens would\n"
      "continue next month.\n";
  EXPECT_EQ(kept(text), (Strings{"Turkey's foreign minister said on Wednesday that Ankara would not accept\n"
                                 "the proposal in its current form, and that talks with Athens would\n"
                                 "continue next month."}));
}

TEST(Cleaner, ShortLineWithoutFinalPunctuationIsItsOwnParagraph) {
  const std::string text =
      "Seoul protests Pyongyang missile launch\n"
      "Wednesday, March 6, 2024\n"
      "South Korea lodged a protest on Wednesday after the North fired two missiles.\n"
      "Officials in Seoul called the launch a provocation.\n"
      "Reaction in Tokyo\n"
      "Japan's defence ministry said the missiles fell outside its waters.\n";
  EXPECT_EQ(
      kept(text),
      (Strings{"Seoul protests Pyongyang missile launch",
               "South Korea lodged a protest on Wednesday after the North fired two missiles.\n"
               "Officials in Seoul called the launch a provocation.",
               "Reaction in Tokyo", "Japan's defence ministry said the missiles fell outside its waters."}));
}

TEST(Cleaner, WrappedLineThatLooksShortStaysInItsParagraph) {
  // Short lines followed by a lowercase continuation, ending in a word such as
  // "with", or after a line that ends mid-sentence are wrapped text, not headlines.
  const std::string text =
      "The envoy met Russian Foreign Minister\n"
      "in Moscow on Friday, officials said.\n"
      "He then flew to Ankara, where he met with\n"
      "Turkish President Recep Tayyip Erdogan\n"
      "and his foreign minister.\n";
  EXPECT_EQ(kept(text), (Strings{text.substr(0, text.size() - 1)}));
}

struct DatelineCase {
  const char* prefix;
};

TEST(Cleaner, StripsDatelinesAndAgencyPrefixes) {
  const char* prefixes[] = {
      "WASHINGTON (Reuters) - ",
      "MOSCOW, Oct. 4 (Xinhua) -- ",
      "UNITED NATIONS (AP) \xE2\x80\x94 ",
      "BEIRUT, Lebanon (AP) \xE2\x80\x94 ",
      "KYIV, Ukraine \xE2\x80\x94 ",
      "SITE.VN - ",
      "GENEVA, 12 March 2019 (UNHCR) \xE2\x80\x93 ",
      "(CNN) \xE2\x80\x94 ",
      "LONDON: ",
      "NEW DELHI, Jan. 21, 2020 (Reuters) - ",
      "RIO DE JANEIRO (AFP) - ",
  };
  const std::string body = "The foreign minister rejected the proposal on Tuesday.";
  for (const char* prefix : prefixes) {
    const std::string text = std::string(prefix) + body + "\n\nTalks will resume in May.";
    EXPECT_EQ(kept(text), (Strings{body, "Talks will resume in May."})) << prefix;
  }
}

TEST(Cleaner, DatelineOnlyOnTheFirstBodyParagraph) {
  const std::string text =
      "Israel and Hamas agree to pause in fighting\n"
      "\n"
      "CAIRO (Reuters) - Israel and Hamas agreed to a four-day pause, Egyptian officials said.\n"
      "\n"
      "GAZA - a word in capitals later in the article is left alone.\n";
  EXPECT_EQ(kept(text), (Strings{"Israel and Hamas agree to pause in fighting",
                                 "Israel and Hamas agreed to a four-day pause, Egyptian officials said.",
                                 "GAZA - a word in capitals later in the article is left alone."}));
}

TEST(Cleaner, RoundUpItemsLoseTheirDatelines) {
  const std::string text =
      "Around the region\n"
      "\n"
      "VILNIUS - Lithuania protested against Belarus.\n"
      "\n"
      "MOSCOW (Reuters) - Russia criticized Britain.\n"
      "\n"
      "EU - China talks resume: two capitals are no place name.\n";
  EXPECT_EQ(kept(text), (Strings{"Around the region", "Lithuania protested against Belarus.",
                                 "Russia criticized Britain.",
                                 "EU - China talks resume: two capitals are no place name."}));
}

TEST(Cleaner, CapitalisedFirstWordWithoutDashIsNotADateline) {
  const std::string text = "NATO said on Tuesday it would send more troops to Romania.";
  EXPECT_EQ(kept(text), (Strings{text}));
}

TEST(Cleaner, DropsDateLines) {
  const std::string text =
      "Friday, January 4, 2019\xC2\xA0\n\n\n"
      "Protesters rallied in Algiers for a third week.\n\n"
      "Jan. 4, 2019\n\n"
      "Saturday 5 January 2019\n\n"
      "2019-01-05 14:30\n\n"
      "Updated: March 8, 2019 10:32 GMT\n\n"
      "Published 3 hours ago\n\n"
      "Police used tear gas near the presidential palace.\n";
  EXPECT_EQ(kept(text), (Strings{"Protesters rallied in Algiers for a third week.",
                                 "Police used tear gas near the presidential palace."}));
}

TEST(Cleaner, DropsPhotoCaptionsAndCredits) {
  const std::string text =
      "Venezuela expels EU envoy\n\n"
      "Venezuela expels EU envoy [image]\n\n"
      "Image: Ministry of Foreign Affairs.\n\n"
      "Photo by Jane Doe/Reuters\n\n"
      "(Image: Jane Doe)\n\n"
      "File photo: Venezuelan Foreign Minister speaks in Caracas.\n\n"
      "FILE PHOTO: Venezuela's foreign minister attends a news conference in Caracas, June 3, 2020.\n\n"
      "Credit: AFP/Getty Images\n\n"
      "Pictured: the EU delegation building in Caracas\n\n"
      "Click to enlarge\n\n"
      "Supporters of the government outside the embassy. Photo: Jane Doe\n\n"
      "Supporters of the government outside the embassy. Image: Jane Doe.\n\n"
      "The ambassador at the airport (Photo: Reuters)\n\n"
      "The ambassador at the airport. REUTERS/Jane Doe\n\n"
      "The ambassador at the airport. Jane Doe/AFP via Getty Images\n\n"
      "Image 2 of 7\n\n"
      "Caracas gave the ambassador 72 hours to leave the country.\n";
  EXPECT_EQ(kept(text), (Strings{"Venezuela expels EU envoy",
                                 "Caracas gave the ambassador 72 hours to leave the country."}));
}

TEST(Cleaner, DropsBylines) {
  const std::string text =
      "By John Smith and Jane Doe\n\n"
      "By JOHN SMITH, Associated Press\n\n"
      "By Jane Doe | Reuters\n\n"
      "By Ana María de la Cruz, Diplomatic Correspondent\n\n"
      "Chile recalled its ambassador from Caracas on Monday.\n\n"
      "Reporting by Jane Doe in Santiago; Editing by John Smith\n\n"
      "Additional reporting by Ann Lee in Caracas\n\n"
      "(Reporting by Jane Doe; Editing by John Smith)\n\n"
      "Follow Jane Doe on Twitter: @janedoe\n";
  EXPECT_EQ(kept(text), (Strings{"Chile recalled its ambassador from Caracas on Monday."}));
}

TEST(Cleaner, KeepsBodyTextThatLooksLikeBoilerplate) {
  // Ordinary sentences that start with or contain the words the rules look for.
  const Strings body{
      "By Tuesday, the talks had collapsed.",
      "By then the delegations had left Geneva.",
      "The photo released by the ministry showed the two delegations at the table.",
      "Photographs published by the army showed damaged buildings in the town.",
      "Sources close to the talks said a deal was near.",
      "Related talks on prisoner exchanges are scheduled for May.",
      "Share prices in Moscow fell after the announcement.",
      "Updated figures from the health ministry show 40 dead.",
      "Copyright disputes were not on the agenda, the minister said.",
      "Follow-up talks will be held in Doha.",
      "Image problems have dogged the government for months.",
      "Reporting by state media suggested the convoy had turned back.",
      "Subscribers to the state newspaper received a special edition.",
      "A senior official said the ceasefire was holding.",
      "Comments by the minister angered Beijing.",
      "Read the full statement, the spokesman told reporters.",
      "Credit rating agencies downgraded the country on Friday.",
  };
  std::string text;
  for (const std::string& p : body) text += p + "\n\n";
  EXPECT_EQ(kept(text), body);
}

TEST(Cleaner, InterviewLabelsAreStrippedAndSpeechKept) {
  const std::string text =
      "Q: Will Ankara accept the proposal?\n\n"
      "A: Not in its current form.\n\n"
      "Interviewer: What comes next?\n\n"
      "((WN))  Which issue took the most time?\n\n"
      "((WSS)) : How would you work with Congress?\n\n"
      "((Jane Doe))  Trade, without question.\n\n"
      "((Jane Doe))\n\n"
      ": Why are you running?\n\n"
      "LAVROV: We will respond.\n";
  EXPECT_EQ(kept(text),
            (Strings{"Will Ankara accept the proposal?", "Not in its current form.", "What comes next?",
                     "Which issue took the most time?", "How would you work with Congress?",
                     "Trade, without question.", "Why are you running?", "We will respond."}));
}

TEST(Cleaner, TrailingBoilerplateDropsItselfAndEverythingAfter) {
  const std::string body =
      "TEHRAN (Reuters) - Iran on Sunday accused Britain of piracy after the seizure of a tanker off "
      "Gibraltar, and summoned the British ambassador to protest.\n\n"
      "Foreign ministry spokesman Abbas Mousavi said the seizure was illegal and demanded the ship's "
      "immediate release.\n\n";
  const std::vector<std::string> tails = {
      "Related news\n\nIran seizes tanker in Gulf\n\nUK sends warship\n",
      "Related stories:\n\nIran seizes tanker in Gulf\n",
      "Read more\n\nIran seizes tanker in Gulf\n",
      "Sources\n\nJane Doe. \"Iran summons envoy\" - Example News, July 7, 2019\n",
      "External links\n\nIranian foreign ministry website\n",
      "Have an opinion on this story? Share it!\n\nSome text after it.\n",
      "\xC2\xA9 2019 Reuters\n\nMore text.\n",
      "All rights reserved.\n",
      "Example News. All rights reserved.\n",
  };
  const Strings expected{
      "Iran on Sunday accused Britain of piracy after the seizure of a tanker off Gibraltar, and summoned "
      "the "
      "British ambassador to protest.",
      "Foreign ministry spokesman Abbas Mousavi said the seizure was illegal and demanded the ship's "
      "immediate "
      "release."};
  for (const std::string& tail : tails) EXPECT_EQ(kept(body + tail), expected) << tail;
}

TEST(Cleaner, PromosInsideTheBodyOnlyDropThemselves) {
  const std::string text =
      "Kenya sends police to Haiti\n\n"
      "Kenya deployed 400 police officers to Haiti on Tuesday, the first contingent of a UN-backed "
      "mission.\n\n"
      "Share this article\n\nFacebook\n\nTwitter\n\n"
      "Subscribe to our newsletter\n\n"
      "Sign up for our morning briefing\n\n"
      "Follow us on Twitter\n\n"
      "The officers landed in Port-au-Prince, where gangs control most of the capital.\n";
  EXPECT_EQ(kept(text),
            (Strings{"Kenya sends police to Haiti",
                     "Kenya deployed 400 police officers to Haiti on Tuesday, the first contingent of a "
                     "UN-backed mission.",
                     "The officers landed in Port-au-Prince, where gangs control most of the capital."}));
}

TEST(Cleaner, TailHeadingAtTheTopOnlyDropsItself) {
  // A "Related" box before the body must not take the article with it.
  const std::string text =
      "Related stories\n\n"
      "Ethiopia and Eritrea reopened their border crossings on Tuesday, ending two decades of closure.\n\n"
      "Thousands crossed in the first hours.\n";
  EXPECT_EQ(
      kept(text),
      (Strings{
          "Ethiopia and Eritrea reopened their border crossings on Tuesday, ending two decades of closure.",
          "Thousands crossed in the first hours."}));
}

TEST(Cleaner, WikinewsShapedArticle) {
  const std::string text =
      "Monday, February 11, 2019\xC2\xA0\n\n\n"
      "Ministers from the two countries met in Brussels on Sunday to discuss the border dispute.\n\n\n"
      "\xE2\x80\x94The foreign minister, after the meeting\n\n"
      "The talks ended without agreement, officials said.\n\n\n"
      "Delegates outside the venue. Image: Jane Doe.\n\n\n"
      "\xE2\x96\x88\xE2\x96\x88\xC2\xA0Territory held by the government\n\n"
      "\xE2\x96\x88\xE2\x96\x88\xC2\xA0Territory held by rebels\n\n\n"
      "Both sides agreed to meet again in March.\n\n\n";
  EXPECT_EQ(kept(text), (Strings{"Ministers from the two countries met in Brussels on Sunday to discuss the "
                                 "border dispute.",
                                 "The talks ended without agreement, officials said.",
                                 "Both sides agreed to meet again in March."}));
}

TEST(Cleaner, PageFurnitureBetweenParagraphs) {
  const std::string text =
      "Kenya sends police to Haiti\n\n"
      "Share\n\nTweet\n\nEmail\n\n"
      "Kenya deployed 400 police officers to Haiti on Tuesday.\n\n"
      "Advertisement\n\n"
      "Read more: Haiti's prime minister resigns\n\n"
      "Story continues below advertisement\n\n"
      "The mission is backed by the United Nations.\n";
  EXPECT_EQ(kept(text),
            (Strings{"Kenya sends police to Haiti", "Kenya deployed 400 police officers to Haiti on Tuesday.",
                     "The mission is backed by the United Nations."}));
}

TEST(Cleaner, RealisticWireStory) {
  const std::string text =
      "Lavrov criticizes Washington over new sanctions\n"
      "\n"
      "By Jane Doe\n"
      "\n"
      "MOSCOW (Reuters) - Russian Foreign Minister Sergey Lavrov on Tuesday criticized Washington for "
      "imposing new sanctions on Russian banks, calling them \"an unfriendly step\".\n"
      "\n"
      "Photo by Jane Doe/Reuters\n"
      "\n"
      "By Tuesday evening, the U.S. embassy in Moscow had not commented.\n"
      "\n"
      "Lavrov said Moscow would respond but did not say how.\n"
      "\n"
      "Reporting by Jane Doe; Editing by John Smith\n"
      "\n"
      "Related stories\n"
      "\n"
      "U.S. sanctions Russian banks\n"
      "\n"
      "\xC2\xA9 2019 Reuters. All rights reserved.\n";
  EXPECT_EQ(
      kept(text),
      (Strings{"Lavrov criticizes Washington over new sanctions",
               "Russian Foreign Minister Sergey Lavrov on Tuesday criticized Washington for imposing new "
               "sanctions on Russian banks, calling them \"an unfriendly step\".",
               "By Tuesday evening, the U.S. embassy in Moscow had not commented.",
               "Lavrov said Moscow would respond but did not say how."}));
}

TEST(Cleaner, RuleTableIsWellFormedAndCommented) {
  EXPECT_TRUE(validate_rules(boilerplate_rules()).empty());
  // Every rule has a comment line just above it saying what it is for.
  std::string_view rules = boilerplate_rules();
  std::string previous;
  int count = 0;
  size_t pos = 0;
  while (pos < rules.size()) {
    size_t end = rules.find('\n', pos);
    if (end == std::string_view::npos) end = rules.size();
    const std::string line(rules.substr(pos, end - pos));
    pos = end + 1;
    if (!line.empty() && line[0] != '#') {
      ++count;
      EXPECT_TRUE(!previous.empty() && previous[0] == '#') << "no comment above rule: " << line;
    }
    previous = line;
  }
  EXPECT_GT(count, 40);
}

TEST(Cleaner, ValidateRulesReportsBadLines) {
  const auto errors = validate_rules(
      "# fine\n"
      "drop Photo : ...\n"
      "# unknown kind\n"
      "remove Photo\n"
      "# unknown class\n"
      "drop {colour}\n"
      "# unbalanced group\n"
      "drop [ Photo\n"
      "# bad limit\n"
      "drop:abc Photo\n");
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0], "line 4: unknown kind 'remove'");
  EXPECT_EQ(errors[1], "line 6: unknown class {colour}");
  EXPECT_EQ(errors[2], "line 8: unclosed [");
  EXPECT_EQ(errors[3], "line 10: bad length limit 'abc'");
}

// ---------------------------------------------------------------------------
// Over the Wikinews corpus (../shared/data/news/wikinews).

// Minimal RFC 4180 reader: quoted fields may span lines, "" is a quote.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> wikinews_texts(const std::filesystem::path& path) {
  const auto rows = parse_csv(testing::read_file(path));
  std::vector<std::string> texts;
  if (rows.empty()) return texts;
  size_t text_column = 0;
  while (text_column < rows[0].size() && rows[0][text_column] != "text") ++text_column;
  for (size_t r = 1; r < rows.size(); ++r)
    if (text_column < rows[r].size()) texts.push_back(rows[r][text_column]);
  return texts;
}

// "Friday, January 4, 2019": weekday, comma, month, day, comma, year.
bool is_bare_date_line(std::string_view p) {
  static const char* kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                    "Friday", "Saturday", "Sunday"};
  for (const char* day : kWeekdays) {
    const std::string_view d(day);
    if (p.substr(0, d.size()) == d && p.substr(d.size(), 2) == ", " && p.size() < d.size() + 25 &&
        p.find_first_of("0123456789") != std::string_view::npos)
      return true;
  }
  return false;
}

TEST(CleanerWikinews, NoDateLinesAndMostTextKept) {
  DYAD_REQUIRE_SHARED("news/wikinews/wikinews_2019.csv", path2019);
  DYAD_REQUIRE_SHARED("news/wikinews/wikinews_2020.csv", path2020);
  std::vector<std::string> texts = wikinews_texts(path2019);
  const std::vector<std::string> more = wikinews_texts(path2020);
  texts.insert(texts.end(), more.begin(), more.end());
  ASSERT_GT(texts.size(), 250u);

  size_t total = 0, total_kept = 0, below_70 = 0, articles = 0;
  for (const std::string& text : texts) {
    const std::vector<Span> spans = clean(text);
    size_t kept_bytes = 0;
    uint32_t last_end = 0;
    for (const Span& span : spans) {
      const std::string_view p = span.of(text);
      EXPECT_FALSE(is_bare_date_line(p)) << "kept a date line: " << p;
      EXPECT_FALSE(p.empty());
      EXPECT_GE(span.begin, last_end);
      EXPECT_LE(span.end, text.size());
      last_end = span.end;
      kept_bytes += span.size();
    }
    if (text.size() < 300) continue;  // a date line and nothing else (a test page)
    ++articles;
    const double share = static_cast<double>(kept_bytes) / static_cast<double>(text.size());
    // Photo-gallery stories lose their long lists of captions; nothing loses more.
    EXPECT_GE(share, 0.45) << text.substr(0, 200);
    if (share < 0.70) ++below_70;
    total += text.size();
    total_kept += kept_bytes;
  }
  EXPECT_GE(static_cast<double>(total_kept) / static_cast<double>(total), 0.90);
  EXPECT_LE(below_70 * 50, articles) << below_70 << " of " << articles << " articles kept < 70 %";
}

TEST(CleanerWikinews, FirstParagraphIsNotADate) {
  DYAD_REQUIRE_SHARED("news/wikinews/wikinews_2019.csv", path);
  for (const std::string& text : wikinews_texts(path)) {
    const std::vector<Span> spans = clean(text);
    if (spans.empty()) continue;
    const std::string_view first = spans[0].of(text);
    EXPECT_FALSE(first.size() < 40 && first.find(", 20") != std::string_view::npos) << first;
  }
}

}  // namespace
}  // namespace dyad::text
