#include "dyad/doc/event_groups.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>

#include "dyad/coder/article_coder.h"
#include "dyad/core/ascii.h"
#include "dyad/core/event_id.h"

namespace dyad::doc {
namespace {

namespace chr = std::chrono;

bool valid_day(int32_t yyyymmdd) {
  const chr::year_month_day ymd{chr::year(yyyymmdd / 10000),
                                chr::month(static_cast<unsigned>(yyyymmdd / 100 % 100)),
                                chr::day(static_cast<unsigned>(yyyymmdd % 100))};
  return yyyymmdd > 0 && ymd.ok();
}

// The date a mention is grouped by. THE one place to change when the event date
// changes meaning: the document stage's date (Event::date, doc/document.h) when it
// resolved one, else the story date at day precision, else unknown.
void mention_date(const Article& article, const Event& event, int32_t& date, DatePrecision& precision) {
  date = 0;
  precision = DatePrecision::kNone;
  if (event.date > 0 && event.date_precision != DatePrecision::kNone) {
    const int32_t year = event.date / 10000, month = event.date / 100 % 100;
    const bool ok = event.date_precision == DatePrecision::kDay ? valid_day(event.date)
                    : event.date_precision == DatePrecision::kMonth
                        ? year >= 1 && month >= 1 && month <= 12 && event.date % 100 == 0
                        : year >= 1 && event.date % 10000 == 0;
    if (ok) {
      date = event.date;
      precision = event.date_precision;
      return;
    }
  }
  const int32_t story = coder::compact_date(article.story_date);
  if (valid_day(story)) {
    date = story;
    precision = DatePrecision::kDay;
  }
}

std::string iso_day(int32_t d) { return fmt::format("{:04}-{:02}-{:02}", d / 10000, d / 100 % 100, d % 100); }

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The period of a mention (the id's date part).
std::string period_of(int32_t date, DatePrecision precision, int window_days, const std::string& article_id) {
  switch (precision) {
    case DatePrecision::kDay: {
      const int64_t start = floor_div(day_number(date), window_days) * window_days;
      return fmt::format("{}/{}d", iso_day(date_of_day(static_cast<int32_t>(start))), window_days);
    }
    case DatePrecision::kMonth:
      return fmt::format("{:04}-{:02}", date / 10000, date / 100 % 100);
    case DatePrecision::kYear:
      return fmt::format("{:04}", date / 10000);
    case DatePrecision::kNone:
      break;
  }
  return "article:" + article_id;
}

// The text from the first to the last of `words` (those in range), "" when none is.
std::string words_text(const Article& article, const Sentence& sentence, const std::vector<uint32_t>& words) {
  uint32_t begin = UINT32_MAX, end = 0;
  for (uint32_t w : words) {
    if (w >= sentence.words.size()) continue;
    const Span& s = sentence.words[w].span;
    if (s.begin > s.end || s.end > article.text.size()) continue;
    begin = std::min(begin, s.begin);
    end = std::max(end, s.end);
  }
  return begin < end ? article.text.substr(begin, end - begin) : std::string();
}

std::string event_words(const Article& article, const Sentence& sentence, std::vector<uint32_t> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  for (uint32_t w : words) {
    if (w >= sentence.words.size()) continue;
    const Span& s = sentence.words[w].span;
    if (s.begin > s.end || s.end > article.text.size()) continue;
    if (!out.empty()) out += ' ';
    out += s.of(article.text);
  }
  return out;
}

}  // namespace

int32_t day_number(int32_t yyyymmdd) {
  const chr::sys_days days{chr::year_month_day{chr::year(yyyymmdd / 10000),
                                               chr::month(static_cast<unsigned>(yyyymmdd / 100 % 100)),
                                               chr::day(static_cast<unsigned>(yyyymmdd % 100))}};
  return static_cast<int32_t>(days.time_since_epoch().count());
}

int32_t date_of_day(int32_t day) {
  const chr::year_month_day ymd{chr::sys_days{chr::days{day}}};
  return static_cast<int32_t>(int(ymd.year()) * 10000 + unsigned(ymd.month()) * 100 + unsigned(ymd.day()));
}

std::string cameo_root(std::string_view code) { return std::string(code.substr(0, 2)); }

std::string event_group_id(std::string_view source, std::string_view target, std::string_view root,
                           std::string_view place, std::string_view period) {
  uint64_t h = kFnvOffsetBasis;
  for (std::string_view field : {source, target, root, place, period}) h = fnv1a64_field(h, field);
  return hex_id(h);
}

std::string place_key(const EventPlace& place) {
  if (!place.known()) return "";
  if (place.geonameid != 0) return std::to_string(place.geonameid);
  return place.country + "/" + place.admin1 + "/" + place.name;
}

std::string article_outlet(const Article& article) {
  std::string_view url = article.url;
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.empty() && url.front() != '[') url = url.substr(0, url.find(':'));  // port; not IPv6
  std::string host = ascii_lower(std::string(url));
  if (host.starts_with("www.")) host.erase(0, 4);
  if (!host.empty()) return host;
  if (!article.source.empty()) return article.source;
  return article.id;
}

EventSummary summarize(const std::vector<EventMention>& mentions) {
  EventSummary s;
  std::unordered_set<std::string_view> ids, articles, outlets;
  std::map<std::string_view, uint32_t> codes;  // ordered: ties go to the smallest code
  bool first = true;
  for (const EventMention& m : mentions) {
    if (!ids.insert(m.id).second) continue;
    articles.insert(m.article_id);
    outlets.insert(m.outlet);
    ++codes[m.code];
    if (m.precision != DatePrecision::kNone && (first || m.date < s.date)) {
      s.date = m.date;
      s.precision = m.precision;
      first = false;
    }
  }
  uint32_t best = 0;
  for (const auto& [code, n] : codes)
    if (n > best) {
      best = n;
      s.code = std::string(code);
    }
  s.num_mentions = static_cast<uint32_t>(ids.size());
  s.num_articles = static_cast<uint32_t>(articles.size());
  s.num_sources = static_cast<uint32_t>(outlets.size());
  return s;
}

EventGrouper::EventGrouper(GroupOptions options) : options_(options) {
  if (options_.window_days < 1) throw std::invalid_argument("the event window must be at least 1 day");
}

void EventGrouper::advance_clock(int64_t day) {
  if (day <= clock_) return;
  clock_ = day;
  std::vector<std::string> stale;
  for (const auto& [id, open] : open_)
    if (clock_ - open.touched > options_.window_days) stale.push_back(id);
  close(stale);
}

void EventGrouper::close(const std::vector<std::string>& ids) {
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  for (const std::string& id : sorted) {
    const auto it = open_.find(id);
    if (it == open_.end()) continue;
    OpenGroup& open = it->second;
    open.group.summary = summarize(open.group.mentions);
    open_mentions_ -= open.group.mentions.size();
    for (uint64_t serial : open.articles) {
      const auto p = pending_.find(serial);
      if (p == pending_.end() || --p->second.open_groups > 0) continue;
      ready_.articles.push_back(std::move(p->second.record));
      pending_.erase(p);
    }
    ready_.groups.push_back(std::move(open.group));
    open_.erase(it);
  }
}

void EventGrouper::add(const Article& article, const std::vector<Event>& events) {
  const uint64_t serial = next_serial_++;
  PendingArticle pending;
  pending.record = {article.id,
                    article.url,
                    article.title,
                    article.story_date,
                    article.source,
                    article_outlet(article),
                    static_cast<uint32_t>(article.sentences.size()),
                    static_cast<uint32_t>(events.size()),
                    article.duplicate_of};

  // The clock: the story date, else the article's latest day-precision event date.
  std::vector<std::pair<int32_t, DatePrecision>> dates(events.size());
  for (size_t i = 0; i < events.size(); ++i)
    mention_date(article, events[i], dates[i].first, dates[i].second);
  const int32_t story = coder::compact_date(article.story_date);
  if (valid_day(story)) {
    advance_clock(day_number(story));
  } else {
    int32_t latest = 0;
    for (const auto& [date, precision] : dates)
      if (precision == DatePrecision::kDay) latest = std::max(latest, date);
    if (latest) advance_clock(day_number(latest));
  }

  std::vector<std::string> undated;
  const size_t grouped = article.duplicate_of.empty() ? events.size() : 0;  // a copy: counted once
  for (size_t i = 0; i < grouped; ++i) {
    const Event& event = events[i];
    EventMention m;
    m.id =
        sentence_event_id(article.id, event.sentence_index, event.source.code, event.target.code, event.code);
    m.article_id = article.id;
    m.sentence_index = event.sentence_index;
    m.date = dates[i].first;
    m.precision = dates[i].second;
    m.code = event.code;
    m.outlet = pending.record.outlet;
    m.pattern = event.pattern;
    if (event.sentence_index < article.sentences.size()) {
      const Sentence& sentence = article.sentences[event.sentence_index];
      m.source_text = words_text(article, sentence, event.source.words);
      m.target_text = words_text(article, sentence, event.target.words);
      m.event_text = event_words(article, sentence, event.words);
      if (sentence.span.begin <= sentence.span.end && sentence.span.end <= article.text.size())
        m.sentence = std::string(sentence.span.of(article.text));
    }
    const std::string place = place_key(event.place);
    const std::string root = cameo_root(event.code);
    const std::string period = period_of(m.date, m.precision, options_.window_days, article.id);
    const std::string id = event_group_id(event.source.code, event.target.code, root, place, period);

    auto [it, created] = open_.try_emplace(id);
    OpenGroup& open = it->second;
    if (created) {
      open.group.id = id;
      open.group.source = event.source.code;
      open.group.target = event.target.code;
      open.group.root = root;
      open.group.place = place;
      open.group.location = event.place;
      open.group.period = period;
      if (m.precision == DatePrecision::kNone) undated.push_back(id);
    }
    open.touched = clock_;
    if (!open.mention_ids.insert(m.id).second) continue;  // the same id twice in a sentence
    if (open.articles.empty() || open.articles.back() != serial) {
      open.articles.push_back(serial);
      ++pending.open_groups;
    }
    open.group.mentions.push_back(std::move(m));
    ++open_mentions_;
  }
  if (pending.open_groups == 0)
    ready_.articles.push_back(std::move(pending.record));
  else
    pending_.emplace(serial, std::move(pending));
  close(undated);
}

EventGrouper::Output EventGrouper::take_closed() {
  Output out = std::move(ready_);
  ready_ = Output{};
  return out;
}

EventGrouper::Output EventGrouper::finish() {
  std::vector<std::string> all;
  all.reserve(open_.size());
  for (const auto& [id, open] : open_) all.push_back(id);
  close(all);
  return take_closed();
}

}  // namespace dyad::doc
