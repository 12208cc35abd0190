#include "dyad/doc/event_date.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "dyad/coder/article_coder.h"
#include "dyad/dict/dictionary_set.h"
#include "dyad/doc/document.h"
#include "test_support.h"

namespace dyad::doc {
namespace {

// Weekdays used below (from any calendar): 2016-09-18 Sunday, 19 Monday, 20 Tuesday,
// 21 Wednesday, 22 Thursday, 23 Friday; 2017-01-02 Monday; 2016 is a leap year.
constexpr int32_t kWednesday = 20160921;

Sentence parsed(const std::string& spec) { return testing::parsed_sentence(spec); }

// "Russia [AUX] VERB Ukraine EXPRESSION ." with the expression attached to the verb as
// a parser would: its prepositions ("on", "in") as case of the next word, its first
// other word obl of the verb, the rest dependents of that word.
Sentence simple(const std::string& verb, const std::string& xpos, const std::string& expression,
                const std::string& aux = "") {
  std::string spec = "Russia/NNP/" + std::string(aux.empty() ? "2" : "3") + "/nsubj ";
  const int v = aux.empty() ? 2 : 3;
  if (!aux.empty()) spec += aux + "/MD/3/aux ";
  spec += verb + "/" + xpos + "/0/root Ukraine/NNP/" + std::to_string(v) + "/obj ";
  std::istringstream in(expression);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  int position = v + 2, head = 0;
  for (size_t i = 0; i < words.size(); ++i, ++position) {
    const std::string& w = words[i];
    if (w == "on" || w == "in") {
      spec += w + "/IN/" + std::to_string(position + 1) + "/case ";
    } else if (head == 0) {
      head = position;
      spec += w + "/NNP/" + std::to_string(v) + "/obl ";
    } else {
      spec +=
          w + "/" + (w == "," ? std::string(",") : std::string("NN")) + "/" + std::to_string(head) + "/dep ";
    }
  }
  spec += "././" + std::to_string(v) + "/punct";
  return parsed(spec);
}

uint32_t root_of(const Sentence& s) {
  for (uint32_t w = 0; w < s.words.size(); ++w)
    if (s.words[w].head < 0) return w;
  return 0;
}

struct Case {
  std::string verb, xpos, expression, aux;
  int32_t story;
  int32_t date;
  DatePrecision precision;
  std::string text;
  const char* why;  // how the expected date was worked out
};

void expect_case(const Case& c) {
  const Sentence s = simple(c.verb, c.xpos, c.expression, c.aux);
  const EventDate d = resolve_event_date(s, root_of(s), c.story);
  SCOPED_TRACE(c.expression + " / " + std::to_string(c.story) + ": " + c.why);
  EXPECT_EQ(d.date, c.date);
  EXPECT_EQ(d.precision, c.precision);
  EXPECT_EQ(d.text, c.text);
  EXPECT_EQ(d.words.empty(), c.text.empty());
}

constexpr DatePrecision kDay = DatePrecision::kDay, kMonth = DatePrecision::kMonth,
                        kYear = DatePrecision::kYear;

TEST(EventDate, MonthAndDay) {
  const Case cases[] = {
      {"criticized", "VBD", "on September 19", "", kWednesday, 20160919, kDay, "September 19",
       "same year: Sept 19 is two days before the story date"},
      {"criticized", "VBD", "on Sept. 9", "", kWednesday, 20160909, kDay, "Sept. 9",
       "abbreviation with a period"},
      {"criticized", "VBD", "on 19 September", "", kWednesday, 20160919, kDay, "19 September", "day first"},
      {"criticized", "VBD", "on Sep 9th", "", kWednesday, 20160909, kDay, "Sep 9th", "ordinal suffix"},
      {"criticized", "VBD", "on September 19 , 2016", "", 20170105, 20160919, kDay, "September 19, 2016",
       "the year is given, so the story year (2017) does not matter"},
      {"criticized", "VBD", "on 9 September 2015", "", kWednesday, 20150909, kDay, "9 September 2015",
       "day, month and year given"},
      {"criticized", "VBD", "on December 30", "", 20170102, 20161230, kDay, "December 30",
       "past tense: the latest Dec 30 on or before 2017-01-02 is in 2016"},
      {"meet", "VB", "on January 3", "will", 20161230, 20170103, kDay, "January 3",
       "future tense: the earliest Jan 3 on or after 2016-12-30 is in 2017"},
      {"criticized", "VBD", "on September 25", "", kWednesday, 20150925, kDay, "September 25",
       "past tense: Sept 25, 2016 is after the story date, so the year before"},
      {"meets", "VBZ", "on September 25", "", kWednesday, 20160925, kDay, "September 25",
       "present tense: the nearest Sept 25 (4 days ahead, not 361 days back)"},
      {"criticized", "VBD", "on February 29", "", 20170315, 20160229, kDay, "February 29",
       "2017 has no Feb 29; 2016 (leap) has"},
      {"criticized", "VBD", "on Tuesday , Sept. 20", "", kWednesday, 20160920, kDay, "Tuesday, Sept. 20",
       "a weekday before a date is that date"},
      {"criticized", "VBD", "2016-09-19", "", 20170105, 20160919, kDay, "2016-09-19", "ISO date in the text"},
  };
  for (const Case& c : cases) expect_case(c);
}

// February 30 and September 31 are no days; such an expression is ignored and the
// event keeps the story date.
TEST(EventDate, ImpossibleDatesAreRejected) {
  const Case cases[] = {
      {"criticized", "VBD", "on February 30", "", kWednesday, kWednesday, kDay, "", "no Feb 30 in any year"},
      {"criticized", "VBD", "on September 31", "", kWednesday, kWednesday, kDay, "", "September has 30 days"},
      {"criticized", "VBD", "on February 30 , 2016", "", kWednesday, kWednesday, kDay, "",
       "not even with a year"},
      {"criticized", "VBD", "on 32 September", "", kWednesday, kWednesday, kDay, "", "day 32 is no day"},
  };
  for (const Case& c : cases) expect_case(c);
}

TEST(EventDate, Weekdays) {
  // Story date Wednesday 2016-09-21.
  const Case cases[] = {
      {"criticized", "VBD", "on Tuesday", "", kWednesday, 20160920, kDay, "Tuesday",
       "past: the latest Tuesday on or before Wed 21 is the 20th"},
      {"criticized", "VBD", "on Wednesday", "", kWednesday, 20160921, kDay, "Wednesday",
       "past: the story day itself is a Wednesday"},
      {"criticized", "VBD", "on Thursday", "", kWednesday, 20160915, kDay, "Thursday",
       "past: Thursday 22 is after the story date, so Thursday 15"},
      {"meet", "VB", "on Tuesday", "will", kWednesday, 20160927, kDay, "Tuesday",
       "future: the earliest Tuesday on or after Wed 21 is the 27th"},
      {"meets", "VBZ", "on Friday", "", kWednesday, 20160923, kDay, "Friday",
       "present: Friday 23 (2 days ahead) is nearer than Friday 16 (5 back)"},
      {"criticized", "VBD", "last Wednesday", "", kWednesday, 20160914, kDay, "last Wednesday",
       "last: strictly before, so a week back"},
      {"meet", "VB", "next Tuesday", "will", kWednesday, 20160927, kDay, "next Tuesday",
       "next: the first Tuesday strictly after"},
      {"meet", "VB", "next Wednesday", "will", kWednesday, 20160928, kDay, "next Wednesday",
       "next: strictly after, so not the story day"},
      {"criticized", "VBD", "on Sunday night", "", 20170102, 20170101, kDay, "Sunday night",
       "past: Monday 2017-01-02 minus one day, across the year boundary"},
  };
  for (const Case& c : cases) expect_case(c);
}

TEST(EventDate, RelativeDays) {
  const Case cases[] = {
      {"criticized", "VBD", "yesterday", "", kWednesday, 20160920, kDay, "yesterday", "21 - 1"},
      {"criticized", "VBD", "today", "", kWednesday, 20160921, kDay, "today", "the story date"},
      {"meet", "VB", "tomorrow", "will", kWednesday, 20160922, kDay, "tomorrow", "21 + 1"},
      {"criticized", "VBD", "last night", "", kWednesday, 20160920, kDay, "last night", "21 - 1"},
      {"criticized", "VBD", "this morning", "", kWednesday, 20160921, kDay, "this morning", "the story date"},
      {"criticized", "VBD", "yesterday", "", 20160301, 20160229, kDay, "yesterday", "2016 is a leap year"},
      {"meet", "VB", "tomorrow", "will", 20161231, 20170101, kDay, "tomorrow", "across the year end"},
      {"criticized", "VBD", "two days ago", "", 20170301, 20170227, kDay, "two days ago",
       "2017 is no leap year: March 1 - 2 = Feb 27"},
      {"criticized", "VBD", "last week", "", kWednesday, 20160914, kDay, "last week", "21 - 7"},
      {"criticized", "VBD", "three weeks ago", "", kWednesday, 20160831, kDay, "three weeks ago", "21 - 21"},
      {"meet", "VB", "next week", "will", 20161228, 20170104, kDay, "next week", "Dec 28 + 7"},
  };
  for (const Case& c : cases) expect_case(c);
}

TEST(EventDate, MonthsAndYears) {
  const Case cases[] = {
      {"criticized", "VBD", "last month", "", 20160115, 20151200, kMonth, "last month", "January - 1 month"},
      {"criticized", "VBD", "this month", "", kWednesday, 20160900, kMonth, "this month", "the story month"},
      {"meet", "VB", "next month", "will", 20161215, 20170100, kMonth, "next month", "December + 1 month"},
      {"criticized", "VBD", "three months ago", "", 20160215, 20151100, kMonth, "three months ago",
       "February - 3 months"},
      {"criticized", "VBD", "last year", "", kWednesday, 20150000, kYear, "last year", "2016 - 1"},
      {"criticized", "VBD", "this year", "", kWednesday, 20160000, kYear, "this year", "the story year"},
      {"meet", "VB", "next year", "will", kWednesday, 20170000, kYear, "next year", "2016 + 1"},
      {"criticized", "VBD", "in 2015", "", kWednesday, 20150000, kYear, "2015", "the year given"},
      {"criticized", "VBD", "in March", "", kWednesday, 20160300, kMonth, "March",
       "past: the latest March not after September 2016"},
      {"criticized", "VBD", "in March", "", 20160215, 20150300, kMonth, "March",
       "past: March 2016 is after the story month (February), so 2015"},
      {"meet", "VB", "in March", "will", kWednesday, 20170300, kMonth, "March",
       "future: the first March on or after September 2016"},
      {"criticized", "VBD", "in March 2015", "", kWednesday, 20150300, kMonth, "March 2015",
       "month and year given"},
      {"criticized", "VBD", "last March", "", 20160315, 20150300, kMonth, "last March",
       "last: strictly before March 2016"},
  };
  for (const Case& c : cases) expect_case(c);
}

TEST(EventDate, EarlierThisYearAndNoExpression) {
  // "earlier this year" as EWT parses it: "earlier" advmod of the verb, "year" obl.
  const Sentence s = parsed(
      "Britain/NNP/2/nsubj condemned/VBD/0/root Syria/NNP/2/obj earlier/RBR/2/advmod this/DT/5/det "
      "year/NN/2/obl:unmarked ././2/punct");
  EventDate d = resolve_event_date(s, 1, kWednesday);
  EXPECT_EQ(d.date, 20160000);  // the story year
  EXPECT_EQ(d.precision, DatePrecision::kYear);
  EXPECT_EQ(d.text, "earlier this year");
  EXPECT_EQ(d.words, (std::vector<uint32_t>{3, 4, 5}));

  // No date in the sentence: the story date, to the day, with no words.
  const Sentence plain = parsed("Britain/NNP/2/nsubj condemned/VBD/0/root Syria/NNP/2/obj ././2/punct");
  d = resolve_event_date(plain, 1, kWednesday);
  EXPECT_EQ(d.date, kWednesday);
  EXPECT_EQ(d.precision, DatePrecision::kDay);
  EXPECT_TRUE(d.words.empty());
  EXPECT_EQ(d.text, "");
  // Neither: nothing is known.
  d = resolve_event_date(plain, 1, 0);
  EXPECT_EQ(d.date, 0);
  EXPECT_EQ(d.precision, DatePrecision::kNone);
}

TEST(EventDate, UnknownStoryDate) {
  // Only explicit years resolve without a story date; relative expressions do not.
  Sentence s = simple("criticized", "VBD", "on September 19 , 2016");
  EXPECT_EQ(resolve_event_date(s, root_of(s), 0).date, 20160919);
  s = simple("criticized", "VBD", "in 2015");
  EXPECT_EQ(resolve_event_date(s, root_of(s), 0).date, 20150000);
  s = simple("criticized", "VBD", "yesterday");
  EXPECT_EQ(resolve_event_date(s, root_of(s), 0).precision, DatePrecision::kNone);
  s = simple("criticized", "VBD", "on Tuesday");
  EXPECT_EQ(resolve_event_date(s, root_of(s), 0).precision, DatePrecision::kNone);
  // A malformed story date (Feb 30) counts as unknown.
  EXPECT_EQ(resolve_event_date(s, root_of(s), 20160230).precision, DatePrecision::kNone);
}

TEST(EventDate, WordsThatAreNotDates) {
  // "may" the modal, "march" the verb, a count that is no day ("12 people").
  const Sentence modal =
      parsed("Russia/NNP/3/nsubj may/MD/3/aux attack/VB/0/root Ukraine/NNP/3/obj ././3/punct");
  EXPECT_TRUE(resolve_event_date(modal, 2, kWednesday).words.empty());
  const Sentence marched =
      parsed("Protesters/NNS/2/nsubj march/VBP/0/root on/IN/4/case Minsk/NNP/2/obl ././2/punct");
  EXPECT_TRUE(resolve_event_date(marched, 1, kWednesday).words.empty());
  const Sentence count =
      parsed("Troops/NNS/2/nsubj killed/VBD/0/root 12/CD/4/nummod people/NNS/2/obj ././2/punct");
  EXPECT_TRUE(resolve_event_date(count, 1, kWednesday).words.empty());
  // "the Sunday Times" is a newspaper.
  const Sentence paper =
      parsed("the/DT/3/det Sunday/NNP/3/compound Times/NNP/4/nsubj reported/VBD/0/root ././4/punct");
  EXPECT_TRUE(resolve_event_date(paper, 3, kWednesday).words.empty());
}

// A date in a nested clause belongs to that clause's event, not to the main one.
TEST(EventDate, NestedClauseKeepsItsOwnDate) {
  // "Russia said on Monday that Ukraine attacked the town on Sunday."
  const Sentence ccomp = parsed(
      "Russia/NNP/2/nsubj said/VBD/0/root on/IN/4/case Monday/NNP/2/obl that/IN/7/mark "
      "Ukraine/NNP/7/nsubj attacked/VBD/2/ccomp the/DT/9/det town/NN/7/obj on/IN/11/case "
      "Sunday/NNP/7/obl ././2/punct");
  EXPECT_EQ(resolve_event_date(ccomp, 1, kWednesday).date, 20160919);  // Monday before Wed 21
  EXPECT_EQ(resolve_event_date(ccomp, 6, kWednesday).date, 20160918);  // Sunday before it
  // "Russia said that Ukraine attacked the town on Sunday.": the saying has no date.
  const Sentence ccomp_only = parsed(
      "Russia/NNP/2/nsubj said/VBD/0/root that/IN/5/mark Ukraine/NNP/5/nsubj attacked/VBD/2/ccomp "
      "the/DT/7/det town/NN/5/obj on/IN/9/case Sunday/NNP/5/obl ././2/punct");
  EXPECT_TRUE(resolve_event_date(ccomp_only, 1, kWednesday).words.empty());
  EXPECT_EQ(resolve_event_date(ccomp_only, 1, kWednesday).date, kWednesday);
  EXPECT_EQ(resolve_event_date(ccomp_only, 4, kWednesday).date, 20160918);

  // "Russia criticized the deal that Ukraine signed last month." The relative clause's
  // date is the signing's; the criticism has none and keeps the story date.
  const Sentence relcl = parsed(
      "Russia/NNP/2/nsubj criticized/VBD/0/root the/DT/4/det deal/NN/2/obj that/WDT/7/obj "
      "Ukraine/NNP/7/nsubj signed/VBD/4/acl:relcl last/JJ/9/amod month/NN/7/obl:unmarked ././2/punct");
  EventDate d = resolve_event_date(relcl, 1, kWednesday);
  EXPECT_EQ(d.date, kWednesday);
  EXPECT_TRUE(d.words.empty());
  EXPECT_EQ(resolve_event_date(relcl, 6, kWednesday).date, 20160800);  // August 2016

  // "India criticized China after Chinese warplanes bombed Indian positions two days ago."
  const Sentence advcl = parsed(
      "India/NNP/2/nsubj criticized/VBD/0/root China/NNP/2/obj after/IN/7/mark Chinese/JJ/6/amod "
      "warplanes/NNS/7/nsubj bombed/VBD/2/advcl Indian/JJ/9/amod positions/NNS/7/obj two/CD/11/nummod "
      "days/NNS/12/obl:unmarked ago/RB/7/advmod ././2/punct");
  d = resolve_event_date(advcl, 1, kWednesday);
  EXPECT_EQ(d.date, kWednesday);
  EXPECT_TRUE(d.words.empty());
  d = resolve_event_date(advcl, 6, kWednesday);
  EXPECT_EQ(d.date, 20160919);  // 21 - 2
  EXPECT_EQ(d.text, "two days ago");
}

TEST(EventDate, PrefersTheExpressionOnTheVerb) {
  // "Russia condemned the September 9 attack on Tuesday.": the attack's date sits in the
  // object; the one attached to the verb wins.
  const Sentence both = parsed(
      "Russia/NNP/2/nsubj condemned/VBD/0/root the/DT/6/det September/NNP/6/compound 9/CD/4/nummod "
      "attack/NN/2/obj on/IN/8/case Tuesday/NNP/2/obl ././2/punct");
  EventDate d = resolve_event_date(both, 1, kWednesday);
  EXPECT_EQ(d.date, 20160920);
  EXPECT_EQ(d.text, "Tuesday");
  // Alone, a date inside the verb's object is still in its clause and is taken.
  const Sentence inner = parsed(
      "Russia/NNP/2/nsubj condemned/VBD/0/root the/DT/6/det September/NNP/6/compound 9/CD/4/nummod "
      "attack/NN/2/obj ././2/punct");
  EXPECT_EQ(resolve_event_date(inner, 1, kWednesday).date, 20160909);
}

TEST(EventDate, CoordinatedVerbs) {
  // "On Monday Russia shelled the town and attacked the port.": the second verb shares
  // the first one's date.
  const Sentence shared = parsed(
      "On/IN/2/case Monday/NNP/4/obl Russia/NNP/4/nsubj shelled/VBD/0/root the/DT/6/det town/NN/4/obj "
      "and/CC/8/cc attacked/VBD/4/conj the/DT/10/det port/NN/8/obj ././4/punct");
  EXPECT_EQ(resolve_event_date(shared, 3, kWednesday).date, 20160919);
  EXPECT_EQ(resolve_event_date(shared, 7, kWednesday).date, 20160919);
  // "Russia shelled the town on Monday and attacked the port on Tuesday.": each its own.
  const Sentence own = parsed(
      "Russia/NNP/2/nsubj shelled/VBD/0/root the/DT/4/det town/NN/2/obj on/IN/6/case Monday/NNP/2/obl "
      "and/CC/8/cc attacked/VBD/2/conj the/DT/10/det port/NN/8/obj on/IN/12/case Tuesday/NNP/8/obl "
      "././2/punct");
  EXPECT_EQ(resolve_event_date(own, 1, kWednesday).date, 20160919);
  EXPECT_EQ(resolve_event_date(own, 7, kWednesday).date, 20160920);
}

TEST(EventDate, FindDatesListsEveryExpression) {
  const Sentence s = parsed(
      "Russia/NNP/2/nsubj said/VBD/0/root on/IN/4/case Monday/NNP/2/obl that/IN/7/mark "
      "Ukraine/NNP/7/nsubj attacked/VBD/2/ccomp the/DT/9/det town/NN/7/obj on/IN/11/case "
      "Sunday/NNP/7/obl ././2/punct");
  const std::vector<EventDate> all = find_dates(s, 1, kWednesday);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].text, "Monday");
  EXPECT_EQ(all[1].text, "Sunday");
}

TEST(EventDate, IsoDateByPrecision) {
  EXPECT_EQ(iso_date(20160919, DatePrecision::kDay), "2016-09-19");
  EXPECT_EQ(iso_date(20160900, DatePrecision::kMonth), "2016-09");
  EXPECT_EQ(iso_date(20160000, DatePrecision::kYear), "2016");
  EXPECT_EQ(iso_date(20160230, DatePrecision::kDay), "");
  EXPECT_EQ(iso_date(20160919, DatePrecision::kNone), "");
  EXPECT_STREQ(precision_name(DatePrecision::kMonth), "month");
}

// ---------------------------------------------------------------------------------------
// Through the whole pipeline: front end, the committed model, the coder with the example
// dictionaries, then the document stage.

class EventDatePipeline : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pipeline_ = &testing::example_coding().pipeline;
    coder_ = &testing::example_coding().coder;
  }

  // "SOURCE>TARGET:CODE date precision 'text'" for every event, in order, the text being
  // the article's from the first to the last word of the date expression.
  static std::vector<std::string> dated_events(const std::string& text, const std::string& story_date) {
    Article article;
    article.id = "t";
    article.text = text;
    article.story_date = story_date;
    std::vector<Event> events = coder::code_article(article, *pipeline_, *coder_).events;
    resolve_event_dates(article, events);
    std::vector<std::string> out;
    for (const Event& e : events) {
      std::string words;
      if (!e.date_words.empty()) {
        const auto& w = article.sentences[e.sentence_index].words;
        const Span span{w[e.date_words.front()].span.begin, w[e.date_words.back()].span.end};
        words = std::string(span.of(article.text));
      }
      out.push_back(e.source.code + ">" + e.target.code + ":" + e.code + " " +
                    iso_date(e.date, e.date_precision) + " " + precision_name(e.date_precision) + " '" +
                    words + "'");
    }
    return out;
  }

  // Every expected event is there with its date (other events may be there too: the
  // coder, not this stage, decides which events a sentence has).
  static void expect_events(const std::vector<std::string>& got, const std::vector<std::string>& expected) {
    std::string all;
    for (const std::string& e : got) all += "\n  " + e;
    for (const std::string& e : expected)
      EXPECT_TRUE(std::find(got.begin(), got.end(), e) != got.end()) << "missing: " << e << "\ngot:" << all;
  }

  static inline const nlp::Pipeline* pipeline_ = nullptr;
  static inline const coder::Coder* coder_ = nullptr;
};

// Articles written for these tests. Story dates: Wednesday 2016-09-21 for the first two,
// Monday 2017-01-02 for the third.
TEST_F(EventDatePipeline, BorderDispute) {
  const std::string text =
      "India and China trade accusations over border clash\n\n"
      "NEW DELHI (Dyad Test Wire) - India accused China on Tuesday of sending troops across the border. "
      "Chinese troops attacked an Indian post on Sept. 9, officials in New Delhi said.\n\n"
      "India criticized China on Monday after Chinese warplanes had bombed Indian positions last month. "
      "Chinese troops attacked an Indian post, officials in New Delhi said on Monday. Beijing denounced "
      "the Indian statement yesterday. Britain condemned China earlier this year. The United Nations "
      "urged India and China to negotiate.\n\n"
      "Indian officials met Chinese officials in Geneva on September 19, 2016. China will meet India again "
      "next Tuesday. Iran condemned India two days ago.\n\n"
      "Indian troops shelled Chinese positions last night. Chinese forces attacked Indian troops this "
      "morning. Russia criticized China last week. Syria accused Israel three weeks ago.\n";
  expect_events(dated_events(text, "2016-09-21"),
                {
                    // past tense: the latest Tuesday on or before Wed 21 is the 20th
                    "IND>CHN:112 2016-09-20 day 'Tuesday'",
                    // month and day in the story's year, before the story date
                    "CHNMIL>IND:190 2016-09-09 day 'Sept. 9'",
                    // "last month" is the bombing's (a nested clause); the criticism is Monday the 19th
                    "IND>CHN:111 2016-09-19 day 'Monday'",
                    // "said on Monday" is the officials' clause: the attack keeps the story date
                    "CHNMIL>IND:190 2016-09-21 day ''",
                    // 21 - 1
                    "CHNGOV>IND:111 2016-09-20 day 'yesterday'",
                    // the story year
                    "GBR>CHN:111 2016 year 'earlier this year'",
                    // no expression: the story date
                    "IGOUNO>IND:020 2016-09-21 day ''",
                    // explicit day, month and year
                    "INDGOV>CHNGOV:040 2016-09-19 day 'September 19, 2016'",
                    // "next": the first Tuesday after Wed 21
                    "CHN>IND:040 2016-09-27 day 'next Tuesday'",
                    // 21 - 2
                    "IRN>IND:111 2016-09-19 day 'two days ago'",
                    // 21 - 1
                    "INDMIL>CHN:190 2016-09-20 day 'last night'",
                    // the story date
                    "CHNMIL>INDMIL:190 2016-09-21 day 'this morning'",
                    // 21 - 7
                    "RUS>CHN:111 2016-09-14 day 'last week'",
                    // 21 - 21 = Aug 31
                    "SYR>ISR:112 2016-08-31 day 'three weeks ago'",
                });
}

TEST_F(EventDatePipeline, RegionalRoundUp) {
  const std::string text =
      "Around the region\n\n"
      "VILNIUS - Lithuania protested against Belarus in 2015. Belarus condemned Lithuania today.\n\n"
      "AMMAN - Jordan condemned Israel in March. Israel will visit Jordan next month. Israeli warplanes "
      "bombed Gaza this month.\n\n"
      "MOSCOW - Russia criticized Britain last year.\n\n"
      "YEREVAN - Armenia accused Azerbaijan this year. The European Union will meet Armenia tomorrow.\n\n"
      "DUBAI - Iran denounced Israel on 19 September. Syria criticized Jordan on Sep 9th.\n";
  expect_events(dated_events(text, "2016-09-21"),
                {
                    "LTU>BLR:140 2015 year '2015'",            // the year given
                    "BLR>LTU:111 2016-09-21 day 'today'",      // the story date
                    "JOR>ISR:111 2016-03 month 'March'",       // past: the latest March not after Sept 2016
                    "ISR>JOR:042 2016-10 month 'next month'",  // September + 1
                    "ISRMIL>PSE:190 2016-09 month 'this month'",    // the story month
                    "RUS>GBR:111 2015 year 'last year'",            // 2016 - 1
                    "ARM>AZE:112 2016 year 'this year'",            // the story year
                    "IGOEUREEC>ARM:040 2016-09-22 day 'tomorrow'",  // 21 + 1
                    "IRN>ISR:111 2016-09-19 day '19 September'",    // day first, the story's year
                    "SYR>JOR:111 2016-09-09 day 'Sep 9th'",         // ordinal, the story's year
                });
}

TEST_F(EventDatePipeline, AcrossTheYearBoundary) {
  const std::string text =
      "Armenia accused Azerbaijan on December 30 of shelling border villages. Azerbaijani forces "
      "attacked Armenian positions on Sunday night.\n";
  expect_events(dated_events(text, "2017-01-02"),
                {
                    // past tense: Dec 30, 2017 is after the story date, so Dec 30, 2016
                    "ARM>AZE:112 2016-12-30 day 'December 30'",
                    // past: the latest Sunday on or before Monday 2017-01-02
                    "AZEMIL>ARM:190 2017-01-01 day 'Sunday night'",
                });
  // Without a story date nothing relative resolves, and the events have no date.
  for (const std::string& e : dated_events(text, "")) EXPECT_TRUE(e.ends_with("  ''")) << e;
}

}  // namespace
}  // namespace dyad::doc
