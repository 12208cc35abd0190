#include "dyad/store/event_writer.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "dyad/core/event_id.h"
#include "dyad/core/utf8.h"
#include "dyad/dict/actor_code.h"
#include "dyad/doc/event_date.h"
#include "dyad/text/offsets.h"

namespace dyad::store {
namespace {

using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------------------------------
// Small helpers

// The sentence-level id (core/event_id.h, shared with the event grouper of doc/).
uint64_t event_hash(const Article& article, const Event& event) {
  return sentence_event_hash(article.id, event.sentence_index, event.source.code, event.target.code,
                             event.code);
}

std::string hex16(uint64_t v) { return fmt::format("{:016x}", v); }

// Dyad's event id as a non-negative signed 64-bit integer (for GDELT's integer id column).
std::string numeric_event_id(const Article& article, const Event& event) {
  return std::to_string(event_hash(article, event) & 0x7FFFFFFFFFFFFFFFULL);
}

// "2019-01-04" -> "20190104"; "" when the date is not YYYY-MM-DD.
std::string yyyymmdd(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return "";
  std::string out;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso[i] < '0' || iso[i] > '9') return "";
    out += iso[i];
  }
  return out;
}

// Tabs, newlines and other ASCII control characters become spaces; runs of white
// space collapse to one (for one-line formats).
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// A field of a tab-separated line: no tabs or newlines inside.
std::string tsv_field(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string format_number(double v) { return fmt::format("{}", v); }

bool is_cameo_root(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9') return false;
  const int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root >= 1 && root <= 20;
}

int quad_class_of_root(int root) {
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

// ---------------------------------------------------------------------------------------
// What every format needs to know about one event, computed once.

struct ActorView {
  const std::string* code = nullptr;
  ActorParts parts;
  std::optional<std::string> text;  // article text from the first to the last word
  Span span;                        // its bytes, when text is set
};

struct EventView {
  std::string id;
  std::string date;  // the event date: YYYY-MM-DD, YYYY-MM or YYYY by precision; "" when unknown
  DatePrecision date_precision = DatePrecision::kNone;
  std::optional<std::string> date_text;  // the date expression as written, when there is one
  const Sentence* sentence = nullptr;    // nullptr when the index is out of range
  ActorView source, target;
  const dict::CameoCode* exact = nullptr;    // the code in the codebook
  const dict::CameoCode* nearest = nullptr;  // it or its longest defined prefix
  std::optional<int> quad_class;
  std::string event_text;  // the event's words, in text order, joined by single spaces
};

const Sentence* sentence_of(const Article& article, const Event& event) {
  return event.sentence_index < article.sentences.size() ? &article.sentences[event.sentence_index] : nullptr;
}

bool valid_span(const Article& article, const Span& span) {
  return span.begin <= span.end && span.end <= article.text.size();
}

// The bytes from the first to the last of `words` (those in range); false when none is.
bool words_span(const Article& article, const Sentence* sentence, const std::vector<uint32_t>& words,
                Span& span) {
  if (!sentence) return false;
  bool any = false;
  span = Span{UINT32_MAX, 0};
  for (uint32_t w : words) {
    if (w >= sentence->words.size()) continue;
    const Span& s = sentence->words[w].span;
    if (!valid_span(article, s)) continue;
    any = true;
    span.begin = std::min(span.begin, s.begin);
    span.end = std::max(span.end, s.end);
  }
  return any;
}

ActorView actor_view(const Article& article, const Sentence* sentence, const EventActor& actor) {
  ActorView view;
  view.code = &actor.code;
  view.parts = split_actor_code(actor.code);
  Span span;
  if (words_span(article, sentence, actor.words, span)) {
    view.span = span;
    view.text = std::string(span.of(article.text));
  }
  return view;
}

EventView event_view(const Article& article, const Event& event, const dict::CameoCodebook& codebook) {
  EventView view;
  view.id = event_id(article, event);
  view.sentence = sentence_of(article, event);
  // The date the document stage resolved, else the story date.
  view.date = doc::iso_date(event.date, event.date_precision);
  if (!view.date.empty()) {
    view.date_precision = event.date_precision;
    Span span;
    if (words_span(article, view.sentence, event.date_words, span))
      view.date_text = std::string(span.of(article.text));
  } else if (!yyyymmdd(article.story_date).empty()) {
    view.date = article.story_date.substr(0, 10);
    view.date_precision = DatePrecision::kDay;
  }
  view.source = actor_view(article, view.sentence, event.source);
  view.target = actor_view(article, view.sentence, event.target);
  view.exact = codebook.find(event.code);
  view.nearest = codebook.find_nearest(event.code);
  if (view.exact && view.exact->quad_class > 0)
    view.quad_class = view.exact->quad_class;
  else if (is_cameo_root(event.code))
    view.quad_class = quad_class_of_root((event.code[0] - '0') * 10 + (event.code[1] - '0'));
  if (view.sentence) {
    std::vector<uint32_t> words;
    for (uint32_t w : event.words)
      if (w < view.sentence->words.size() && valid_span(article, view.sentence->words[w].span))
        words.push_back(w);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (uint32_t w : words) {
      if (!view.event_text.empty()) view.event_text += ' ';
      view.event_text += view.sentence->words[w].span.of(article.text);
    }
  }
  return view;
}

const std::string* plover_type(const EventView& v) {
  return v.nearest && v.nearest->has_plover() ? &v.nearest->plover_type : nullptr;
}

// ---------------------------------------------------------------------------------------
// jsonl

class JsonlWriter final : public EventWriter {
 public:
  JsonlWriter(std::ostream& out, const dict::CameoCodebook& codebook) : out_(out), codebook_(codebook) {}

  void begin(const RunInfo& run) override {
    Json header;
    header["type"] = "header";
    header["schema_version"] = kEventSchemaVersion;
    header["dyad_version"] = run.dyad_version;
    header["model_checksum"] = hex16(run.model_checksum);
    header["dictionary_hash"] = hex16(run.dictionary_hash);
    header["dictionaries"] = run.dictionaries;
    emit(header);
  }

  void write(const Article& article, const std::vector<Event>& events) override {
    if (events.empty()) return;
    const text::CodePointOffsets cp(article.text);
    for (const Event& event : events) {
      const EventView v = event_view(article, event, codebook_);
      Json r;
      r["type"] = "event";
      r["id"] = v.id;
      r["article_id"] = article.id;
      if (!article.duplicate_of.empty()) r["duplicate_of"] = article.duplicate_of;  // a near copy
      r["sentence_index"] = event.sentence_index;
      r["story_date"] = article.story_date.empty() ? Json() : Json(article.story_date);
      r["date"] = v.date.empty() ? Json() : Json(v.date);
      r["date_precision"] = v.date.empty() ? Json() : Json(doc::precision_name(v.date_precision));
      r["date_text"] = v.date_text ? Json(*v.date_text) : Json();
      r["place"] = place(event.place);
      r["source"] = actor(v.source, cp);
      r["target"] = actor(v.target, cp);
      r["cameo"] = event.code;
      r["cameo_name"] = v.exact ? Json(v.exact->name) : Json();
      if (const std::string* type = plover_type(v)) {
        r["plover"] = *type;
        if (!v.nearest->plover_mode.empty()) r["plover_mode"] = v.nearest->plover_mode;
        if (!v.nearest->plover_context.empty()) r["plover_context"] = v.nearest->plover_context;
      } else {
        r["plover"] = nullptr;
      }
      r["quad_class"] = v.quad_class ? Json(*v.quad_class) : Json();
      r["goldstein"] = v.exact ? Json(v.exact->goldstein) : Json();
      r["issues"] = event.issues;
      r["event_text"] = v.event_text;
      r["pattern"] = event.pattern.empty() ? Json() : Json(event.pattern);
      r["pattern_text"] = event.pattern_text.empty() ? Json() : Json(event.pattern_text);
      r["sentence"] = v.sentence && valid_span(article, v.sentence->span)
                          ? Json(std::string(v.sentence->span.of(article.text)))
                          : Json();
      if (event.reverse) r["reverse"] = true;
      emit(r);
      ++written_;
    }
  }

  void end() override {}
  uint64_t events_written() const override { return written_; }

 private:
  static Json place(const EventPlace& p) {
    if (!p.known()) return Json();
    Json j;
    j["name"] = p.name;
    j["country"] = p.country.empty() ? Json() : Json(p.country);
    j["admin1"] = p.admin1.empty() ? Json() : Json(p.admin1);
    j["lat"] = p.has_coordinates ? Json(p.lat) : Json();
    j["lon"] = p.has_coordinates ? Json(p.lon) : Json();
    j["geonameid"] = p.geonameid != 0 ? Json(p.geonameid) : Json();
    j["feature"] = p.feature;
    return j;
  }

  static Json actor(const ActorView& a, const text::CodePointOffsets& cp) {
    Json j;
    j["code"] = *a.code;
    j["country"] = a.parts.country.empty() ? Json() : Json(a.parts.country);
    j["sector"] = a.parts.sector.empty() ? Json() : Json(a.parts.sector);
    j["text"] = a.text ? Json(*a.text) : Json();
    j["span"] = a.text ? Json::array({cp(a.span.begin), cp(a.span.end)}) : Json();
    return j;
  }

  void emit(const Json& j) { out_ << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n'; }

  std::ostream& out_;
  const dict::CameoCodebook& codebook_;
  uint64_t written_ = 0;
};

// ---------------------------------------------------------------------------------------
// table

// Columns on a terminal: 0 for combining marks and format characters, 2 for East
// Asian wide and fullwidth characters, else 1. `s` must be valid UTF-8.
size_t char_width(char32_t cp) {
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  const int ea = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) width += char_width(utf8::next(s, i));
  return width;
}

// One line of at most `width` columns: control characters become spaces, invalid
// UTF-8 U+FFFD; a longer text is cut at a character boundary and ends with "...".
// Padded with spaces to `width` unless `pad` is false.
std::string fit(std::string_view text, size_t width, bool pad = true) {
  std::string s = one_line(text);
  utf8::sanitize(s);
  std::string out;
  if (display_width(s) <= width) {
    out = s;
  } else {
    const size_t room = width >= 3 ? width - 3 : 0;
    size_t used = 0;
    for (size_t i = 0; i < s.size();) {
      const size_t start = i;
      const size_t w = char_width(utf8::next(s, i));
      if (used + w > room) break;
      used += w;
      out.append(s, start, i - start);
    }
    out += std::string_view("...").substr(0, std::min<size_t>(3, width));
  }
  if (pad) {
    const size_t shown = display_width(out);
    if (shown < width) out.append(width - shown, ' ');
  }
  return out;
}

class TableWriter final : public EventWriter {
 public:
  TableWriter(std::ostream& out, const dict::CameoCodebook& codebook) : out_(out), codebook_(codebook) {}

  static constexpr size_t kDate = 10, kActor = 12, kCameo = 5, kName = 30, kText = 50;

  void begin(const RunInfo&) override {
    row("date", "source", "target", "cameo", "cameo name", "event text");
  }

  void write(const Article& article, const std::vector<Event>& events) override {
    for (const Event& event : events) {
      const EventView v = event_view(article, event, codebook_);
      row(v.date.empty() ? "-" : v.date, event.source.code, event.target.code, event.code,
          v.exact ? v.exact->name : "-", v.event_text.empty() ? "-" : v.event_text);
      ++written_;
    }
  }

  void end() override { out_ << written_ << (written_ == 1 ? " event\n" : " events\n"); }
  uint64_t events_written() const override { return written_; }

 private:
  void row(std::string_view date, std::string_view source, std::string_view target, std::string_view cameo,
           std::string_view name, std::string_view text) {
    out_ << fit(date, kDate) << "  " << fit(source, kActor) << "  " << fit(target, kActor) << "  "
         << fit(cameo, kCameo) << "  " << fit(name, kName) << "  " << fit(text, kText, false) << '\n';
  }

  std::ostream& out_;
  const dict::CameoCodebook& codebook_;
  uint64_t written_ = 0;
};

// ---------------------------------------------------------------------------------------
// tsv and gdelt

// The GDELT 2.0 event table (GDELT Event Codebook V2.0), in export order.
constexpr std::array<const char*, 61> kGdeltColumns = {
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
};

// The GDELT columns Dyad fills, then its own: the tsv layout. The place columns came
// later and are at the end, so that the earlier columns keep their positions.
constexpr std::array<const char*, 28> kTsvColumns = {
    "GLOBALEVENTID",     "SQLDATE",         "Actor1Code",          "Actor1Name",
    "Actor1CountryCode", "Actor1Type1Code", "Actor2Code",          "Actor2Name",
    "Actor2CountryCode", "Actor2Type1Code", "EventCode",           "EventBaseCode",
    "EventRootCode",     "QuadClass",       "GoldsteinScale",      "SOURCEURL",
    "Dyad_EventID",      "Dyad_ArticleID",  "Dyad_SentenceIndex",  "Dyad_PLOVER",
    "Dyad_Pattern",      "ActionGeo_Type",  "ActionGeo_FullName",  "ActionGeo_CountryCode",
    "ActionGeo_Lat",     "ActionGeo_Long",  "ActionGeo_FeatureID", "Dyad_ActionGeo_ADM1",
};

// Values of the columns named in `kGdeltColumns` (by name), for one event.
class GdeltRecord {
 public:
  void set(std::string_view column, std::string value) { values_[std::string(column)] = tsv_field(value); }
  const std::string& get(std::string_view column) const {
    static const std::string kEmpty;
    const auto it = values_.find(std::string(column));
    return it == values_.end() ? kEmpty : it->second;
  }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// Is the sentence in the article's first paragraph (GDELT's IsRootEvent: the lead)?
bool in_lead_paragraph(const Article& article, uint32_t sentence_index) {
  if (sentence_index >= article.sentences.size()) return false;
  for (uint32_t i = 1; i <= sentence_index; ++i)
    if (article.sentences[i].starts_paragraph) return false;
  return true;
}

void fill_actor(GdeltRecord& r, std::string_view prefix, const ActorView& a) {
  const std::string p(prefix);
  r.set(p + "Code", *a.code);
  r.set(p + "Name", a.text ? one_line(*a.text) : "");
  r.set(p + "CountryCode", a.parts.country);
  // Type codes: the three-letter groups after the country ("USAGOVMIL": GOV, MIL).
  const std::string& code = *a.code;
  if (!a.parts.sector.empty()) {
    r.set(p + "Type1Code", a.parts.sector);
    for (int k = 2; k <= 3; ++k) {
      const size_t at = 3 * static_cast<size_t>(k);
      if (code.size() >= at + 3) r.set(p + "Type" + std::to_string(k) + "Code", code.substr(at, 3));
    }
  }
}

// GDELT's geographic columns for the event's place. GDELT's country and ADM1 codes are
// FIPS 10-4, which the gazetteer does not have: the country is ISO 3166 alpha-3, as in
// the Actor*CountryCode columns, and ADM1Code stays empty (the division's name is in
// FullName and, in tsv, Dyad_ActionGeo_ADM1).
void fill_action_geo(GdeltRecord& r, const EventPlace& p) {
  if (!p.known()) return;
  const bool usa = p.country == "USA";
  // GDELT's types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
  const char* type = p.feature == "country"  ? "1"
                     : p.feature == "admin1" ? (usa ? "2" : "5")
                     : usa                   ? "3"
                                             : "4";
  r.set("ActionGeo_Type", type);
  std::string full = p.name;
  if (!p.admin1.empty() && p.admin1 != p.name) full += ", " + p.admin1;
  if (p.feature != "country" && !p.country.empty()) full += ", " + p.country;
  r.set("ActionGeo_FullName", one_line(full));
  r.set("ActionGeo_CountryCode", p.country);
  if (p.has_coordinates) {
    r.set("ActionGeo_Lat", format_number(p.lat));
    r.set("ActionGeo_Long", format_number(p.lon));
  }
  if (p.geonameid != 0) r.set("ActionGeo_FeatureID", std::to_string(p.geonameid));
  r.set("Dyad_ActionGeo_ADM1", one_line(p.admin1));
}

GdeltRecord gdelt_record(const Article& article, const Event& event, const EventView& v) {
  GdeltRecord r;
  r.set("GLOBALEVENTID", numeric_event_id(article, event));
  // The event date as YYYYMMDD, with 00 for a month or day it does not know.
  std::string day = v.date.size() >= 4 ? v.date.substr(0, 4) : "";
  if (!day.empty()) day += v.date.size() >= 7 ? v.date.substr(5, 2) : "00";
  if (!day.empty()) day += v.date.size() >= 10 ? v.date.substr(8, 2) : "00";
  if (!day.empty()) {
    r.set("SQLDATE", day);
    r.set("MonthYear", day.substr(0, 6));
    r.set("Year", day.substr(0, 4));
    if (v.date_precision == DatePrecision::kDay) {
      const int month = std::stoi(day.substr(4, 2)), dom = std::stoi(day.substr(6, 2));
      // GDELT's approximation: year + ((month - 1) * 30 + day) / 365.
      r.set("FractionDate",
            fmt::format("{:.4f}", std::stoi(day.substr(0, 4)) + ((month - 1) * 30 + dom) / 365.0));
    }
  }
  fill_actor(r, "Actor1", v.source);
  fill_actor(r, "Actor2", v.target);
  r.set("IsRootEvent", in_lead_paragraph(article, event.sentence_index) ? "1" : "0");
  r.set("EventCode", event.code);
  r.set("EventBaseCode", event.code.substr(0, 3));
  r.set("EventRootCode", event.code.substr(0, 2));
  if (v.quad_class) r.set("QuadClass", std::to_string(*v.quad_class));
  if (v.exact) r.set("GoldsteinScale", format_number(v.exact->goldstein));
  r.set("NumMentions", "1");
  r.set("NumSources", "1");
  r.set("NumArticles", "1");
  r.set("SOURCEURL", article.url.empty() ? article.id : article.url);
  r.set("Dyad_EventID", v.id);
  r.set("Dyad_ArticleID", article.id);
  r.set("Dyad_SentenceIndex", std::to_string(event.sentence_index));
  if (const std::string* type = plover_type(v)) r.set("Dyad_PLOVER", *type);
  r.set("Dyad_Pattern", event.pattern);
  fill_action_geo(r, event.place);
  return r;
}

template <size_t N>
class ColumnsWriter final : public EventWriter {
 public:
  ColumnsWriter(std::ostream& out, const dict::CameoCodebook& codebook,
                const std::array<const char*, N>& columns, bool header)
      : out_(out), codebook_(codebook), columns_(columns), header_(header) {}

  void begin(const RunInfo&) override {
    if (!header_) return;
    for (size_t i = 0; i < N; ++i) out_ << (i ? "\t" : "") << columns_[i];
    out_ << '\n';
  }

  void write(const Article& article, const std::vector<Event>& events) override {
    for (const Event& event : events) {
      const GdeltRecord r = gdelt_record(article, event, event_view(article, event, codebook_));
      for (size_t i = 0; i < N; ++i) out_ << (i ? "\t" : "") << r.get(columns_[i]);
      out_ << '\n';
      ++written_;
    }
  }

  void end() override {}
  uint64_t events_written() const override { return written_; }

 private:
  std::ostream& out_;
  const dict::CameoCodebook& codebook_;
  const std::array<const char*, N>& columns_;
  bool header_;
  uint64_t written_ = 0;
};

// ---------------------------------------------------------------------------------------
// petrarch

// PETRARCH 2's event file: one line per distinct (story date, source, target, code) of
// a story, with the issues and the ids of the sentences it came from:
//   date  source  target  code  issues  ids  [url]  story-source
// issues: ISSUE,COUNT;... (empty when none); ids: sentence ids joined by ';'; the url
// column is there only when the story has one; story-source "NULL" when unknown.
class PetrarchWriter final : public EventWriter {
 public:
  explicit PetrarchWriter(std::ostream& out) : out_(out) {}

  void begin(const RunInfo&) override {}

  void write(const Article& article, const std::vector<Event>& events) override {
    struct Merged {
      std::string source, target, code;
      std::set<uint32_t> sentences;
      std::vector<std::pair<std::string, int>> issues;  // in order of first mention
    };
    std::vector<Merged> merged;
    for (const Event& event : events) {
      auto it = std::find_if(merged.begin(), merged.end(), [&](const Merged& m) {
        return m.source == event.source.code && m.target == event.target.code && m.code == event.code;
      });
      if (it == merged.end()) {
        merged.push_back({event.source.code, event.target.code, event.code, {}, {}});
        it = merged.end() - 1;
      }
      // Issues count once per sentence.
      if (!it->sentences.insert(event.sentence_index).second) continue;
      for (const std::string& issue : event.issues) {
        auto i = std::find_if(it->issues.begin(), it->issues.end(),
                              [&](const auto& p) { return p.first == issue; });
        if (i == it->issues.end())
          it->issues.emplace_back(issue, 1);
        else
          ++i->second;
      }
    }
    const std::string date = yyyymmdd(article.story_date);
    for (const Merged& m : merged) {
      std::string issues, ids;
      for (const auto& [issue, count] : m.issues)
        issues += fmt::format("{}{},{}", issues.empty() ? "" : ";", tsv_field(issue), count);
      for (uint32_t s : m.sentences) ids += fmt::format("{}{}_{}", ids.empty() ? "" : ";", article.id, s);
      out_ << date << '\t' << tsv_field(m.source) << '\t' << tsv_field(m.target) << '\t' << tsv_field(m.code)
           << '\t' << issues << '\t' << tsv_field(ids);
      if (!article.url.empty()) out_ << '\t' << tsv_field(article.url);
      out_ << '\t' << (article.source.empty() ? "NULL" : tsv_field(article.source)) << '\n';
      ++written_;
    }
  }

  void end() override {}
  uint64_t events_written() const override { return written_; }

 private:
  std::ostream& out_;
  uint64_t written_ = 0;
};

}  // namespace

bool parse_event_format(std::string_view name, EventFormat& out) {
  static constexpr std::pair<std::string_view, EventFormat> kNames[] = {{"jsonl", EventFormat::kJsonl},
                                                                        {"table", EventFormat::kTable},
                                                                        {"tsv", EventFormat::kTsv},
                                                                        {"gdelt", EventFormat::kGdelt},
                                                                        {"petrarch", EventFormat::kPetrarch}};
  for (const auto& [n, f] : kNames)
    if (n == name) {
      out = f;
      return true;
    }
  return false;
}

std::unique_ptr<EventWriter> make_event_writer(EventFormat format, std::ostream& out,
                                               const dict::CameoCodebook& codebook) {
  switch (format) {
    case EventFormat::kJsonl:
      return std::make_unique<JsonlWriter>(out, codebook);
    case EventFormat::kTable:
      return std::make_unique<TableWriter>(out, codebook);
    case EventFormat::kTsv:
      return std::make_unique<ColumnsWriter<kTsvColumns.size()>>(out, codebook, kTsvColumns, true);
    case EventFormat::kGdelt:
      return std::make_unique<ColumnsWriter<kGdeltColumns.size()>>(out, codebook, kGdeltColumns, false);
    case EventFormat::kPetrarch:
      return std::make_unique<PetrarchWriter>(out);
  }
  return nullptr;
}

std::string event_id(const Article& article, const Event& event) { return hex16(event_hash(article, event)); }

ActorParts split_actor_code(std::string_view code) {
  ActorParts parts;
  const dict::ActorCodeParts split = dict::split_actor_country(code);  // "" for a new actor "TEXT"
  parts.country = split.country;
  if (split.types.size() >= 3 && split.types.substr(0, 3) != "---") parts.sector = split.types.substr(0, 3);
  return parts;
}

int quad_class_of(const dict::CameoCodebook& codebook, std::string_view code) {
  if (const dict::CameoCode* exact = codebook.find(code); exact && exact->quad_class > 0)
    return exact->quad_class;
  if (is_cameo_root(code)) return quad_class_of_root((code[0] - '0') * 10 + (code[1] - '0'));
  return 0;
}

}  // namespace dyad::store
