#include "dyad/doc/event_groups.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "dyad/core/event_id.h"

namespace dyad::doc {
namespace {

Event event(std::string source, std::string target, std::string code, uint32_t sentence = 0) {
  Event e;
  e.sentence_index = sentence;
  e.source.code = std::move(source);
  e.target.code = std::move(target);
  e.code = std::move(code);
  return e;
}

Article article(std::string id, std::string date, std::string url = "") {
  Article a;
  a.id = std::move(id);
  a.story_date = std::move(date);
  a.url = std::move(url);
  return a;
}

// Every group handed out, taken after each article, then at the end.
std::vector<EventGroup> run(EventGrouper& grouper,
                            const std::vector<std::pair<Article, std::vector<Event>>>& input) {
  std::vector<EventGroup> out;
  for (const auto& [a, events] : input) {
    grouper.add(a, events);
    for (EventGroup& g : grouper.take_closed().groups) out.push_back(std::move(g));
  }
  for (EventGroup& g : grouper.finish().groups) out.push_back(std::move(g));
  return out;
}

// id -> the mention ids of all groups with that id (partial groups merged, as a store does).
std::map<std::string, std::set<std::string>> merged(const std::vector<EventGroup>& groups) {
  std::map<std::string, std::set<std::string>> out;
  for (const EventGroup& g : groups)
    for (const EventMention& m : g.mentions) out[g.id].insert(m.id);
  return out;
}

TEST(EventGroups, IdIsTheDocumentedHash) {
  // Python (docs/events.md): FNV-1a 64 of length-prefixed source, target, root, place, period.
  EXPECT_EQ(event_group_id("RUSGOV", "USAGOV", "11", "", "2016-09-19/1d"), "3f92c826425da0a9");
  // An event in Geneva: the place part is the GeoNames id of Genève as text (place_key).
  EXPECT_EQ(event_group_id("RUSGOV", "USAGOV", "11", "2660646", "2016-09-19/1d"), "d566220c52021974");
  // The mention ids are the writers' sentence-level ids.
  EXPECT_EQ(sentence_event_id("a1", 0, "RUSGOV", "USAGOV", "111"), "f70c24fbe9957e71");
}

EventPlace place(std::string name, std::string country, std::string admin1, int64_t geonameid,
                 std::string feature) {
  EventPlace p;
  p.name = std::move(name);
  p.country = std::move(country);
  p.admin1 = std::move(admin1);
  p.geonameid = geonameid;
  p.feature = std::move(feature);
  return p;
}

TEST(EventGroups, PlaceKeyIsTheGeonamesIdElseCountryDivisionAndName) {
  EXPECT_EQ(place_key(place("Genève", "CHE", "Genève", 2660646, "seat")), "2660646");
  // Countries and divisions have no GeoNames id in the gazetteer.
  EXPECT_EQ(place_key(place("Texas", "USA", "Texas", 0, "admin1")), "USA/Texas/Texas");
  EXPECT_EQ(place_key(place("Syria", "SYR", "", 0, "country")), "SYR//Syria");
  EXPECT_EQ(place_key(EventPlace{}), "");
}

TEST(EventGroups, ThePlaceIsPartOfTheKey) {
  const EventPlace geneva = place("Genève", "CHE", "Genève", 2660646, "seat");
  // The same city under another name (the id decides, not the spelling).
  const EventPlace geneva_too = place("Geneva", "CHE", "Genève", 2660646, "seat");
  const EventPlace vienna = place("Vienna", "AUT", "", 2761369, "capital");
  std::vector<Event> a1 = {event("RUSGOV", "USAGOV", "111"), event("RUSGOV", "USAGOV", "112", 1),
                           event("RUSGOV", "USAGOV", "111", 2), event("RUSGOV", "USAGOV", "111", 3)};
  a1[0].place = geneva;
  a1[1].place = geneva_too;
  a1[2].place = vienna;  // a1[3]: no place
  std::vector<Event> a2 = {event("RUSGOV", "USAGOV", "112")};
  a2[0].place = geneva;
  EventGrouper grouper;
  const auto groups = run(grouper, {{article("a1", "2016-09-19"), a1}, {article("a2", "2016-09-19"), a2}});
  // Geneva (three mentions in two articles), Vienna, and the unplaced mention: three events.
  ASSERT_EQ(groups.size(), 3u);
  std::map<std::string, const EventGroup*> by_place;
  for (const EventGroup& g : groups) by_place[g.place] = &g;
  ASSERT_TRUE(by_place.contains("2660646"));
  ASSERT_TRUE(by_place.contains("2761369"));
  ASSERT_TRUE(by_place.contains(""));
  const EventGroup& g = *by_place["2660646"];
  // The id is the documented hash with the place key in the place field (Python above).
  EXPECT_EQ(g.id, "d566220c52021974");
  EXPECT_EQ(g.summary.num_mentions, 3u);
  EXPECT_EQ(g.summary.num_articles, 2u);
  EXPECT_EQ(g.location.name, "Genève");  // the first mention's place
  EXPECT_EQ(g.location.country, "CHE");
  EXPECT_EQ(by_place[""]->id, event_group_id("RUSGOV", "USAGOV", "11", "", "2016-09-19/1d"));
  EXPECT_FALSE(by_place[""]->location.known());
  EXPECT_EQ(by_place["2761369"]->summary.num_mentions, 1u);
}

TEST(EventGroups, ANearCopyIsRecordedButCountedOnce) {
  Article copy = article("paper-7", "2016-09-19", "https://paper.example/7");
  copy.duplicate_of = "wire-1";
  EventGrouper grouper;
  const std::vector<EventGroup> groups =
      run(grouper,
          {{article("wire-1", "2016-09-19", "https://wire.example/1"), {event("RUSGOV", "USAGOV", "111")}},
           {copy, {event("RUSGOV", "USAGOV", "111"), event("RUSGOV", "USAGOV", "112", 1)}}});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].summary.num_mentions, 1u);
  EXPECT_EQ(groups[0].summary.num_articles, 1u);
  EXPECT_EQ(groups[0].summary.num_sources, 1u);
  EXPECT_EQ(grouper.open_groups(), 0u);
}

TEST(EventGroups, ANearCopysRecordNamesItsOriginal) {
  Article copy = article("paper-7", "2016-09-19");
  copy.duplicate_of = "wire-1";
  EventGrouper grouper;
  grouper.add(copy, {event("RUSGOV", "USAGOV", "111")});
  const EventGrouper::Output out = grouper.take_closed();
  ASSERT_EQ(out.articles.size(), 1u);  // complete at once: none of its events is in a group
  EXPECT_EQ(out.articles[0].duplicate_of, "wire-1");
  EXPECT_EQ(out.articles[0].events, 1u);
  EXPECT_TRUE(out.groups.empty());
}

TEST(EventGroups, SameKeySameDayAcrossArticlesIsOneEvent) {
  EventGrouper grouper;
  const auto groups =
      run(grouper,
          {
              {article("a1", "2016-09-19", "https://www.Reuters.com/x"),
               {event("RUSGOV", "USAGOV", "111"), event("RUSGOV", "USAGOV", "112", 2)}},
              {article("a2", "2016-09-19", "http://reuters.com/y"), {event("RUSGOV", "USAGOV", "112")}},
              {article("a3", "2016-09-19", "https://apnews.com/z"), {event("RUSGOV", "USAGOV", "112", 1)}},
          });
  ASSERT_EQ(groups.size(), 1u);
  const EventGroup& g = groups[0];
  EXPECT_EQ(g.id, event_group_id("RUSGOV", "USAGOV", "11", "", "2016-09-19/1d"));
  EXPECT_EQ(g.period, "2016-09-19/1d");
  EXPECT_EQ(g.root, "11");
  EXPECT_EQ(g.place, "");
  // Four mentions in three articles from two outlets (reuters.com twice, apnews.com).
  EXPECT_EQ(g.summary.num_mentions, 4u);
  EXPECT_EQ(g.summary.num_articles, 3u);
  EXPECT_EQ(g.summary.num_sources, 2u);
  EXPECT_EQ(g.summary.code, "112");  // three of the four mentions
  EXPECT_EQ(g.summary.date, 20160919);
  EXPECT_EQ(g.summary.precision, DatePrecision::kDay);
  ASSERT_EQ(g.mentions.size(), 4u);
  EXPECT_EQ(g.mentions[0].id, sentence_event_id("a1", 0, "RUSGOV", "USAGOV", "111"));
  EXPECT_EQ(g.mentions[1].sentence_index, 2u);
  EXPECT_EQ(g.mentions[2].article_id, "a2");
  EXPECT_EQ(g.mentions[2].outlet, "reuters.com");
}

TEST(EventGroups, DirectionRootDayAndPlaceSeparateEvents) {
  EventGrouper grouper;
  const auto groups = run(grouper, {
                                       {article("a1", "2016-09-19"),
                                        {event("RUSGOV", "USAGOV", "111"), event("USAGOV", "RUSGOV", "111"),
                                         event("RUSGOV", "USAGOV", "190"), event("RUSGOV", "USA", "111")}},
                                       {article("a2", "2016-09-20"), {event("RUSGOV", "USAGOV", "111")}},
                                   });
  // Reversed direction, another root, another target code, another day: five events.
  EXPECT_EQ(groups.size(), 5u);
  std::set<std::string> ids;
  for (const EventGroup& g : groups) {
    ids.insert(g.id);
    EXPECT_EQ(g.summary.num_mentions, 1u);
  }
  EXPECT_EQ(ids.size(), 5u);
}

TEST(EventGroups, WindowsAreCountedFrom1970) {
  // 2016-09-19 is day 17063; 7-day windows start at multiples of 7: day 17059 is
  // 2016-09-15, so 09-15 .. 09-21 are one window and 09-14 belongs to the one before.
  EXPECT_EQ(day_number(20160919), 17063);
  EXPECT_EQ(date_of_day(17059), 20160915);
  EXPECT_EQ(day_number(19700101), 0);
  EXPECT_EQ(date_of_day(-1), 19691231);
  EventGrouper grouper({7});
  const auto groups = run(grouper, {
                                       {article("a1", "2016-09-14"), {event("RUS", "USA", "111")}},
                                       {article("a2", "2016-09-15"), {event("RUS", "USA", "111")}},
                                       {article("a3", "2016-09-21"), {event("RUS", "USA", "112")}},
                                       {article("a4", "2016-09-22"), {event("RUS", "USA", "111")}},
                                   });
  std::map<std::string, uint32_t> mentions_by_period;
  for (const EventGroup& g : groups) mentions_by_period[g.period] += g.summary.num_mentions;
  const std::map<std::string, uint32_t> expected = {
      {"2016-09-08/7d", 1}, {"2016-09-15/7d", 2}, {"2016-09-22/7d", 1}};
  EXPECT_EQ(mentions_by_period, expected);
  for (const EventGroup& g : groups)
    if (g.period == "2016-09-15/7d") {
      EXPECT_EQ(g.summary.date, 20160915);  // the earliest mention
    }
}

TEST(EventGroups, MemoryIsBoundedByTheWindow) {
  // A year of daily news, ten articles a day, the same three dyads every day.
  for (int window : {1, 3}) {
    EventGrouper grouper({window});
    size_t most_open = 0, handed_out = 0, articles_out = 0;
    for (int day = 0; day < 365; ++day) {
      const int32_t date = date_of_day(day_number(20160101) + day);
      const std::string iso = std::to_string(date / 10000) + "-" +
                              std::to_string(date / 100 % 100 + 100).substr(1) + "-" +
                              std::to_string(date % 100 + 100).substr(1);
      for (int i = 0; i < 10; ++i) {
        grouper.add(article("d" + std::to_string(day) + "-" + std::to_string(i), iso),
                    {event("RUS", "USA", "111"), event("USA", "RUS", "112"), event("SYR", "TUR", "190")});
        const auto out = grouper.take_closed();
        handed_out += out.groups.size();
        articles_out += out.articles.size();
        most_open = std::max(most_open, grouper.open_groups());
        // At most the last complete window and the current one: 2 windows of `window`
        // days, 10 articles and 30 mentions a day.
        EXPECT_LE(grouper.open_mentions(), size_t(30 * 2 * window));
        EXPECT_LE(grouper.pending_articles(), size_t(10 * 2 * window));
      }
    }
    const auto rest = grouper.finish();
    handed_out += rest.groups.size();
    articles_out += rest.articles.size();
    // A group stays open until the clock is more than `window` days past its last
    // mention: the days touched within the window span at most 2 windows, 3 groups each.
    EXPECT_EQ(most_open, 6u) << "window " << window;
    // Each window's 3 groups are handed out once: windows from day 16801 (2016-01-01) to 17165.
    const size_t windows = static_cast<size_t>(17165 / window - 16801 / window + 1);
    EXPECT_EQ(handed_out, 3 * windows) << "window " << window;
    EXPECT_EQ(articles_out, 3650u);
    EXPECT_EQ(grouper.open_groups(), 0u);
    EXPECT_EQ(grouper.pending_articles(), 0u);
  }
}

TEST(EventGroups, IdsAndGroupsDoNotDependOnRunOrOrder) {
  std::vector<std::pair<Article, std::vector<Event>>> input;
  const char* dyads[][2] = {{"RUSGOV", "USAGOV"}, {"USAGOV", "RUSGOV"}, {"SYRMIL", "TURMIL"}};
  const char* codes[] = {"111", "112", "190", "036", "043"};
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i) {
    const int day = 1 + static_cast<int>(rng() % 20);
    Article a = article("a" + std::to_string(i), "2016-09-" + std::to_string(day + 100).substr(1),
                        "https://site" + std::to_string(rng() % 5) + ".example/" + std::to_string(i));
    std::vector<Event> events;
    for (int k = 0; k < 3; ++k) {
      const auto& d = dyads[rng() % 3];
      events.push_back(event(d[0], d[1], codes[rng() % 5], static_cast<uint32_t>(rng() % 6)));
    }
    input.emplace_back(std::move(a), std::move(events));
  }
  // Roughly date-ordered input (the usual case): sorted by story date.
  std::stable_sort(input.begin(), input.end(),
                   [](const auto& x, const auto& y) { return x.first.story_date < y.first.story_date; });
  EventGrouper first, second;
  const auto a = run(first, input), b = run(second, input);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].mentions.size(), b[i].mentions.size());
  }
  // In date order every group is handed out once: no partial groups.
  std::set<std::string> ids;
  for (const EventGroup& g : a) EXPECT_TRUE(ids.insert(g.id).second) << g.id << " handed out twice";

  // Shuffled within each day: the very same groups and counts.
  auto within_days = input;
  for (size_t begin = 0; begin < within_days.size();) {
    size_t end = begin;
    while (end < within_days.size() &&
           within_days[end].first.story_date == within_days[begin].first.story_date)
      ++end;
    std::shuffle(within_days.begin() + static_cast<long>(begin), within_days.begin() + static_cast<long>(end),
                 rng);
    begin = end;
  }
  EventGrouper third;
  const auto c = run(third, within_days);
  std::map<std::string, uint32_t> counts_a, counts_c;
  for (const EventGroup& g : a) counts_a[g.id] = g.summary.num_mentions * 1000 + g.summary.num_sources;
  for (const EventGroup& g : c) counts_c[g.id] = g.summary.num_mentions * 1000 + g.summary.num_sources;
  EXPECT_EQ(counts_a, counts_c);

  // Any order at all: the same ids and, merged by id, the same mentions (some groups
  // come out in parts when their articles arrive far out of date order).
  auto shuffled = input;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  EventGrouper fourth;
  const auto d = run(fourth, shuffled);
  EXPECT_GT(d.size(), a.size());  // partial groups: the order was far from date order
  EXPECT_EQ(merged(a), merged(d));
}

TEST(EventGroups, LateArticleGivesAPartialGroupWithTheSameId) {
  EventGrouper grouper;
  const auto groups = run(grouper, {
                                       {article("a1", "2016-09-19"), {event("RUS", "USA", "111")}},
                                       {article("a2", "2016-09-25"), {event("CHN", "USA", "111")}},
                                       {article("a3", "2016-09-19"), {event("RUS", "USA", "112")}},
                                   });
  // 09-19 was closed when the clock reached 09-25; a3's mention comes out apart, same id.
  ASSERT_EQ(groups.size(), 3u);
  const std::string id = event_group_id("RUS", "USA", "11", "", "2016-09-19/1d");
  std::vector<uint32_t> parts;
  for (const EventGroup& g : groups)
    if (g.id == id) parts.push_back(g.summary.num_mentions);
  EXPECT_EQ(parts, (std::vector<uint32_t>{1, 1}));
  EXPECT_EQ(merged(groups)[id].size(), 2u);
}

TEST(EventGroups, UndatedEventsGroupWithinTheirArticleOnly) {
  EventGrouper grouper;
  grouper.add(article("a1", ""), {event("RUS", "USA", "111"), event("RUS", "USA", "112", 3)});
  auto out = grouper.take_closed();  // undated groups close with their article
  ASSERT_EQ(out.groups.size(), 1u);
  EXPECT_EQ(out.groups[0].period, "article:a1");
  EXPECT_EQ(out.groups[0].summary.num_mentions, 2u);
  EXPECT_EQ(out.groups[0].summary.precision, DatePrecision::kNone);
  ASSERT_EQ(out.articles.size(), 1u);
  grouper.add(article("a2", ""), {event("RUS", "USA", "111")});
  out = grouper.take_closed();
  ASSERT_EQ(out.groups.size(), 1u);
  EXPECT_EQ(out.groups[0].period, "article:a2");
}

TEST(EventGroups, DocumentStageDatesAreUsedWithTheirPrecision) {
  EventGrouper grouper;
  Event yesterday = event("RUS", "USA", "111"), last_month = event("RUS", "USA", "112", 1),
        last_year = event("RUS", "USA", "110", 2), bad = event("RUS", "USA", "111", 3);
  yesterday.date = 20160918;
  yesterday.date_precision = DatePrecision::kDay;
  last_month.date = 20160800;
  last_month.date_precision = DatePrecision::kMonth;
  last_year.date = 20150000;
  last_year.date_precision = DatePrecision::kYear;
  bad.date = 20160931;  // no such day: the story date is used
  bad.date_precision = DatePrecision::kDay;
  const auto groups = run(grouper, {{article("a1", "2016-09-19"), {yesterday, last_month, last_year, bad}}});
  std::set<std::string> periods;
  for (const EventGroup& g : groups) periods.insert(g.period);
  const std::set<std::string> expected = {"2016-09-18/1d", "2016-08", "2015", "2016-09-19/1d"};
  EXPECT_EQ(periods, expected);
  for (const EventGroup& g : groups)
    if (g.period == "2016-08") {
      EXPECT_EQ(g.summary.date, 20160800);
      EXPECT_EQ(g.summary.precision, DatePrecision::kMonth);
    }
}

TEST(EventGroups, ArticlesAreHandedOutWithTheirLastGroup) {
  EventGrouper grouper;
  grouper.add(article("quiet", "2016-09-19"), {});
  grouper.add(article("a1", "2016-09-19"), {event("RUS", "USA", "111")});
  auto out = grouper.take_closed();
  ASSERT_EQ(out.articles.size(), 1u);  // no events: complete at once
  EXPECT_EQ(out.articles[0].id, "quiet");
  EXPECT_EQ(grouper.pending_articles(), 1u);
  grouper.add(article("a2", "2016-09-20"), {event("RUS", "USA", "111")});
  EXPECT_TRUE(grouper.take_closed().articles.empty());  // 09-19 is within the window of 09-20
  grouper.add(article("a3", "2016-09-21"), {});
  out = grouper.take_closed();
  ASSERT_EQ(out.groups.size(), 1u);
  EXPECT_EQ(out.groups[0].period, "2016-09-19/1d");
  ASSERT_EQ(out.articles.size(), 2u);  // a1 with its group, and a3 (no events)
  EXPECT_EQ(out.articles[0].id, "a1");
  EXPECT_EQ(out.articles[1].id, "a3");
  out = grouper.finish();
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].id, "a2");
  EXPECT_EQ(out.articles[0].events, 1u);
}

TEST(EventGroups, RepeatedMentionIdCountsOnce) {
  // Two events with the same codes in one sentence share a sentence-level id.
  EventGrouper grouper;
  const auto groups =
      run(grouper,
          {{article("a1", "2016-09-19"), {event("RUS", "USA", "111", 4), event("RUS", "USA", "111", 4)}}});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].mentions.size(), 1u);
  EXPECT_EQ(groups[0].summary.num_mentions, 1u);
}

TEST(EventGroups, MentionKeepsTheSentenceTexts) {
  Article a = article("a1", "2016-09-19");
  a.text = "Russia sharply criticized Washington.";
  Sentence s;
  uint32_t at = 0;
  for (std::string form : {"Russia", "sharply", "criticized", "Washington", "."}) {
    const size_t begin = a.text.find(form, at);
    Word w;
    w.form = form;
    w.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + form.size())};
    s.words.push_back(w);
    at = w.span.end;
  }
  s.span = {0, static_cast<uint32_t>(a.text.size())};
  a.sentences = {s};
  Event e = event("RUS", "USA", "111");
  e.source.words = {0};
  e.target.words = {3};
  e.words = {2};
  e.pattern = "verbs.dyad:12";
  EventGrouper grouper;
  const auto groups = run(grouper, {{a, {e}}});
  ASSERT_EQ(groups.size(), 1u);
  const EventMention& m = groups[0].mentions[0];
  EXPECT_EQ(m.source_text, "Russia");
  EXPECT_EQ(m.target_text, "Washington");
  EXPECT_EQ(m.event_text, "criticized");
  EXPECT_EQ(m.pattern, "verbs.dyad:12");
  EXPECT_EQ(m.sentence, a.text);
}

TEST(EventGroups, Outlets) {
  EXPECT_EQ(article_outlet(article("x", "", "https://www.BBC.co.uk/news/1?a=b")), "bbc.co.uk");
  EXPECT_EQ(article_outlet(article("x", "", "http://user@news.example.org:8080/path")), "news.example.org");
  EXPECT_EQ(article_outlet(article("x", "", "example.com/a")), "example.com");
  Article with_source = article("x", "");
  with_source.source = "AFP";
  EXPECT_EQ(article_outlet(with_source), "AFP");
  EXPECT_EQ(article_outlet(article("x", "")), "x");
}

TEST(EventGroups, SummaryPicksTheCommonestCodeAndTheEarliestDate) {
  std::vector<EventMention> ms(4);
  const char* codes[] = {"112", "111", "112", "111"};
  for (size_t i = 0; i < ms.size(); ++i) {
    ms[i].id = "m" + std::to_string(i);
    ms[i].code = codes[i];
    ms[i].article_id = i < 2 ? "a" : "b";
    ms[i].outlet = "o";
    ms[i].date = 20160920 - static_cast<int32_t>(i);
    ms[i].precision = DatePrecision::kDay;
  }
  ms.push_back(ms[0]);  // a repeated id is counted once
  const EventSummary s = summarize(ms);
  EXPECT_EQ(s.code, "111");  // two each: the tie goes to the smallest code
  EXPECT_EQ(s.date, 20160917);
  EXPECT_EQ(s.num_mentions, 4u);
  EXPECT_EQ(s.num_articles, 2u);
  EXPECT_EQ(s.num_sources, 1u);
}

TEST(EventGroups, RejectsAWindowBelowOneDay) { EXPECT_THROW(EventGrouper({0}), std::invalid_argument); }

}  // namespace
}  // namespace dyad::doc
