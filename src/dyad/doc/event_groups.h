#pragma once

// One event reported many times (issue #7): the sentence-level events of `dyad code`
// ("mentions") grouped into events, GDELT's Events/Mentions split.
//
// Key. Mentions with the same source code, target code, CAMEO root (the first two
// characters of the event code), place (`place_key` of Event::place, set by the
// document stage: doc/places.h) and date period are one event. The period is fixed by
// the mention's own date alone:
//   day precision    the window of `window_days` days holding it, windows counted from
//                    1970-01-01 (day n is in window floor(n / window_days)); with the
//                    default of 1 day, the day itself
//   month precision  that month ("last month"); year precision: that year
//   no date          the article: undated mentions group only within their article
// The event id is FNV-1a 64 (core/event_id.h) of source, target, root, place and the
// period written as text (`period` below), so it depends only on the mention, never on
// what else was read or in which order: re-runs, resumed runs, shards and their merge
// give the same ids, and a store merges groups by id (store/sqlite_store.h).
//
// Streaming. Memory is bounded by the window, not the corpus: a clock follows the
// latest story date read (an article without one moves it to its latest day-precision
// event date), and a group no mention has joined for more than `window_days` days of
// that clock is closed and handed out; undated groups close with their article. Input
// need only be roughly in date order. A mention that arrives after its group was closed
// (an article far out of date order) starts a new group with the same id; such partial
// groups must be merged by id (SqliteStore does: it counts from its mentions table).
//
// Articles. So that a consumer can record an article only once all of its mentions
// are stored (what `--resume` relies on), the grouper also hands out each article's
// record once every group holding one of its mentions has been handed out.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/core/article.h"
#include "dyad/core/event.h"

namespace dyad::doc {

struct GroupOptions {
  int window_days = 1;  // at least 1
};

// One sentence-level event, with what is kept of its article and sentence.
struct EventMention {
  std::string id;  // the sentence-level event id (the JSON Lines `id`, core/event_id.h)
  std::string article_id;
  uint32_t sentence_index = 0;
  int32_t date = 0;  // yyyymmdd by precision (month: dd = 00, year: mmdd = 0000); 0 unknown
  DatePrecision precision = DatePrecision::kNone;
  std::string code;                      // the full event code ("111")
  std::string outlet;                    // who published it: article_outlet()
  std::string source_text, target_text;  // actor words as written; "" when none
  std::string event_text;                // the verb and pattern words, space-joined
  std::string pattern;                   // file:line of the pattern
  std::string sentence;                  // the sentence as written
};

// What a group's mentions add up to (the same rule wherever counts are made, so that a
// store recounting from its tables agrees with the grouper).
struct EventSummary {
  int32_t date = 0;  // the earliest mention date (all of a group's share its precision)
  DatePrecision precision = DatePrecision::kNone;
  std::string code;  // the most frequent full code; ties to the smallest
  uint32_t num_mentions = 0, num_articles = 0, num_sources = 0;  // distinct ids / articles / outlets
};
EventSummary summarize(const std::vector<EventMention>& mentions);

struct EventGroup {
  std::string id;  // 16 hex digits
  std::string source, target, root;
  std::string place;    // place_key of `location`, the text the id was made from
  EventPlace location;  // the place of the first mention (all share its key)
  std::string period;   // "2016-09-19/1d" (window start / length), "2016-09", "2016", "article:ID"
  std::vector<EventMention> mentions;  // distinct mention ids, in arrival order
  EventSummary summary;                // of `mentions`, filled when the group is handed out
};

// The fields of the articles table (store/sqlite_store.h).
struct ArticleRecord {
  std::string id, url, title, story_date, source;
  std::string outlet;  // article_outlet()
  uint32_t sentences = 0;
  uint32_t events = 0;       // sentence-level events coded (before de-duplication of ids)
  std::string duplicate_of;  // Article::duplicate_of: a near copy, its events in no group
};

// Who published an article, for num_sources: the host of its URL (lower case, without
// "www."), else its `source` field, else its id (every article its own source).
std::string article_outlet(const Article& article);

// The CAMEO root of an event code: its first two characters (the whole code if shorter).
std::string cameo_root(std::string_view code);

// The place part of the key: the GeoNames id in decimal ("170063") when the place has
// one, so that a city is one place whatever name it was written under; else
// "COUNTRY/ADMIN1/NAME" ("USA/Texas/Texas", "SYR//Syria": countries and divisions have
// no GeoNames id in the gazetteer), which holds a '/' and so never equals an id; "" for
// an unknown place.
std::string place_key(const EventPlace& place);

// The event id of a key and period, 16 hex digits.
std::string event_group_id(std::string_view source, std::string_view target, std::string_view root,
                           std::string_view place, std::string_view period);

// Days since 1970-01-01 of a valid yyyymmdd, and back.
int32_t day_number(int32_t yyyymmdd);
int32_t date_of_day(int32_t day_number);

class EventGrouper {
 public:
  explicit EventGrouper(GroupOptions options = {});

  // One article's events, after the document stage (Event::date set, else the story
  // date is used). Events whose sentence index is out of range keep empty texts. A near
  // copy of an earlier article (Article::duplicate_of, doc/near_duplicates.h) is recorded
  // but its events join no group: an article reported many times is counted once.
  void add(const Article& article, const std::vector<Event>& events);

  struct Output {
    std::vector<EventGroup> groups;       // closed, summaries filled
    std::vector<ArticleRecord> articles;  // complete: all their mentions are in handed-out groups
  };
  // What has closed since the last call.
  Output take_closed();
  // Closes everything (end of input) and returns what has not been taken.
  Output finish();

  size_t open_groups() const { return open_.size(); }
  size_t open_mentions() const { return open_mentions_; }
  size_t pending_articles() const { return pending_.size(); }

 private:
  struct OpenGroup {
    EventGroup group;
    std::unordered_set<std::string> mention_ids;
    std::vector<uint64_t> articles;  // serials of the articles with a mention in it
    int64_t touched = 0;             // the clock when a mention last joined
  };
  struct PendingArticle {
    ArticleRecord record;
    uint32_t open_groups = 0;
  };

  void close(const std::vector<std::string>& ids);  // hands these groups out, in id order
  void advance_clock(int64_t day);

  GroupOptions options_;
  int64_t clock_ = INT32_MIN;  // day number of the latest story date; INT32_MIN before any
  uint64_t next_serial_ = 0;
  size_t open_mentions_ = 0;
  std::unordered_map<std::string, OpenGroup> open_;
  std::unordered_map<uint64_t, PendingArticle> pending_;
  Output ready_;
};

}  // namespace dyad::doc
