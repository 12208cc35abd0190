#include "dyad/store/event_query.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <tuple>

#include "dyad/io/date.h"
#include "dyad/store/sqlite.h"
#include "dyad/store/sqlite_store.h"

namespace dyad::store {
namespace {

namespace chr = std::chrono;

int64_t days(int year, unsigned month, unsigned day) {
  return chr::sys_days{chr::year_month_day{chr::year(year), chr::month(month), chr::day(day)}}
      .time_since_epoch()
      .count();
}

int64_t last_day(int year, unsigned month) {
  return chr::sys_days{chr::year_month_day_last{chr::year(year), chr::month_day_last{chr::month(month)}}}
      .time_since_epoch()
      .count();
}

// A --from/--to value as a day number.
int64_t parse_bound(const std::string& flag, const std::string& value) {
  const bool shape =
      value.size() == 10 && value[4] == '-' && value[7] == '-' &&
      std::all_of(value.begin(), value.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  const int y = shape ? std::stoi(value.substr(0, 4)) : 0, m = shape ? std::stoi(value.substr(5, 2)) : 0,
            d = shape ? std::stoi(value.substr(8, 2)) : 0;
  if (!shape || !io::valid_date(y, m, d))
    throw std::invalid_argument(flag + ": '" + value + "' is not a date of the form YYYY-MM-DD");
  return days(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// The first and last day an ISO date (by precision) covers; false when it is none.
bool date_span(const std::string& iso, int64_t& first, int64_t& last, int& precision) {
  auto number = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) return false;
  const int y = number(0, 4), m = iso.size() >= 7 ? number(5, 2) : 1, d = iso.size() == 10 ? number(8, 2) : 1;
  if (y < 1 || m < 1 || m > 12 || d < 1 || !io::valid_date(y, m, d)) return false;
  const auto month = static_cast<unsigned>(m);
  first = days(y, month, static_cast<unsigned>(d));
  if (iso.size() == 10) {
    last = first;
    precision = 3;
  } else if (iso.size() == 7) {
    last = last_day(y, month);
    precision = 2;
  } else {
    last = last_day(y, 12);
    precision = 1;
  }
  return true;
}

std::string iso_of_day(int64_t day) {
  const chr::year_month_day ymd{chr::sys_days{chr::days{day}}};
  return fmt::format("{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

std::string period_label(QueryPeriod by, int64_t day) {
  switch (by) {
    case QueryPeriod::kDay:
      return iso_of_day(day);
    case QueryPeriod::kWeek: {
      // 1970-01-01 was a Thursday: (day + 3) mod 7 counts from Monday.
      const int64_t from_monday = ((day + 3) % 7 + 7) % 7;
      return iso_of_day(day - from_monday);
    }
    case QueryPeriod::kMonth:
      return iso_of_day(day).substr(0, 7);
    case QueryPeriod::kYear:
      return iso_of_day(day).substr(0, 4);
  }
  return "";
}

int needed_precision(QueryPeriod by) {
  switch (by) {
    case QueryPeriod::kDay:
    case QueryPeriod::kWeek:
      return 3;
    case QueryPeriod::kMonth:
      return 2;
    case QueryPeriod::kYear:
      return 1;
  }
  return 3;
}

// The label of one side of an event: the --actor prefix it matches, else its country.
std::string side_label(const std::string& code) {
  const bool cameo = code.size() >= 3 && std::all_of(code.begin(), code.end(), [](char c) {
                       return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
                     });
  return cameo ? code.substr(0, 3) : code;
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool type_matches(const std::vector<std::string>& types, const std::string& cameo,
                  const std::string& plover) {
  if (types.empty()) return true;
  for (const std::string& t : types) {
    const bool digits =
        !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits ? cameo.starts_with(t) : upper(t) == plover) return true;
  }
  return false;
}

}  // namespace

bool parse_query_period(std::string_view name, QueryPeriod& out) {
  static const std::pair<std::string_view, QueryPeriod> kNames[] = {{"day", QueryPeriod::kDay},
                                                                    {"week", QueryPeriod::kWeek},
                                                                    {"month", QueryPeriod::kMonth},
                                                                    {"year", QueryPeriod::kYear}};
  for (const auto& [n, p] : kNames)
    if (n == name) {
      out = p;
      return true;
    }
  return false;
}

bool parse_query_format(std::string_view name, QueryFormat& out) {
  static const std::pair<std::string_view, QueryFormat> kNames[] = {
      {"table", QueryFormat::kTable}, {"csv", QueryFormat::kCsv}, {"json", QueryFormat::kJson}};
  for (const auto& [n, f] : kNames)
    if (n == name) {
      out = f;
      return true;
    }
  return false;
}

QueryResult query_events(const std::filesystem::path& database, const QueryOptions& options) {
  if (options.actors.size() > 2)
    throw std::invalid_argument("--actor: give at most two (one actor, or the two sides of a dyad)");
  for (const std::string& a : options.actors)
    if (a.empty()) throw std::invalid_argument("--actor: an empty code prefix");
  const int64_t from = options.from.empty() ? INT64_MIN : parse_bound("--from", options.from);
  const int64_t to = options.to.empty() ? INT64_MAX : parse_bound("--to", options.to);
  if (from > to) throw std::invalid_argument("--from " + options.from + " is after --to " + options.to);
  if (!std::filesystem::exists(database))
    throw std::runtime_error(database.string() + ": no such file; write one with `dyad code --out " +
                             database.string() + " ARTICLES...`");

  sqlite::Database db(database, sqlite::Database::Mode::kReadOnly);
  check_database(db, false);
  // The index on date narrows the rows; exact bounds, actors and types are checked
  // below. Every date within the bounds sorts between the year of --from and --to
  // ("2016-09" < "2016-10-31"), so the range keeps all candidates.
  sqlite::Statement s = db.prepare(
      "SELECT date, source, target, cameo, plover, quad_class, goldstein, num_mentions FROM events "
      "WHERE date IS NULL OR (date >= ?1 AND date <= ?2)");
  s.bind_text(1, options.from.empty() ? std::string("0000") : options.from.substr(0, 4));
  s.bind_text(2, options.to.empty() ? std::string("9999-99-99") : options.to);

  const int needed = needed_precision(options.by);
  QueryResult result;
  std::map<std::tuple<std::string, std::string, std::string>, QueryRow> rows;
  while (s.step()) {
    const std::string source = s.text(1), target = s.text(2);
    std::string source_label, target_label;
    const auto& actors = options.actors;
    if (actors.empty()) {
      source_label = side_label(source);
      target_label = side_label(target);
    } else if (actors.size() == 1) {
      const bool src = source.starts_with(actors[0]), tgt = target.starts_with(actors[0]);
      if (!src && !tgt) continue;
      source_label = src ? actors[0] : side_label(source);
      target_label = tgt ? actors[0] : side_label(target);
    } else if (source.starts_with(actors[0]) && target.starts_with(actors[1])) {
      source_label = actors[0];
      target_label = actors[1];
    } else if (source.starts_with(actors[1]) && target.starts_with(actors[0])) {
      source_label = actors[1];
      target_label = actors[0];
    } else {
      continue;
    }
    if (!type_matches(options.types, s.text(3), s.text(4))) continue;
    int64_t first = 0, last = 0;
    int precision = 0;
    if (s.is_null(0) || !date_span(s.text(0), first, last, precision)) {
      ++result.undated;
      continue;
    }
    if (first < from || last > to) continue;
    if (precision < needed) {
      ++result.too_coarse;
      continue;
    }
    QueryRow& row = rows[{period_label(options.by, first), source_label, target_label}];
    ++row.events;
    row.mentions += static_cast<uint64_t>(s.int64(7));
    if (!s.is_null(6)) row.goldstein += s.real(6);
    const int64_t quad = s.is_null(5) ? 0 : s.int64(5);
    ++row.quad[quad >= 1 && quad <= 4 ? static_cast<size_t>(quad) : 0];
  }
  for (auto& [key, row] : rows) {
    std::tie(row.period, row.source, row.target) = key;
    result.rows.push_back(std::move(row));
  }
  return result;
}

namespace {

const char* const kColumns[] = {"period",          "source",           "target",      "events",
                                "mentions",        "goldstein_sum",    "verbal_coop", "material_coop",
                                "verbal_conflict", "material_conflict"};

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string left_out_note(const QueryResult& r, QueryPeriod by) {
  std::string note;
  if (r.undated) note += fmt::format("{} undated", r.undated);
  if (r.too_coarse)
    note += fmt::format("{}{} dated less precisely than a {}", note.empty() ? "" : ", ", r.too_coarse,
                        by == QueryPeriod::kDay    ? "day"
                        : by == QueryPeriod::kWeek ? "week"
                                                   : "month");
  return note;
}

}  // namespace

void write_query_result(const QueryResult& result, const QueryOptions& options, QueryFormat format,
                        std::ostream& out) {
  switch (format) {
    case QueryFormat::kCsv: {
      for (size_t i = 0; i < std::size(kColumns); ++i) out << (i ? "," : "") << kColumns[i];
      out << '\n';
      for (const QueryRow& r : result.rows)
        out << fmt::format("{},{},{},{},{},{:g},{:.4f},{:.4f},{:.4f},{:.4f}\n", csv_cell(r.period),
                           csv_cell(r.source), csv_cell(r.target), r.events, r.mentions, r.goldstein,
                           r.share(1), r.share(2), r.share(3), r.share(4));
      return;
    }
    case QueryFormat::kJson: {
      nlohmann::ordered_json doc, rows = nlohmann::ordered_json::array();
      for (const QueryRow& r : result.rows) {
        nlohmann::ordered_json row;
        row["period"] = r.period;
        row["source"] = r.source;
        row["target"] = r.target;
        row["events"] = r.events;
        row["mentions"] = r.mentions;
        row["goldstein_sum"] = r.goldstein;
        row["verbal_coop"] = r.share(1);
        row["material_coop"] = r.share(2);
        row["verbal_conflict"] = r.share(3);
        row["material_conflict"] = r.share(4);
        rows.push_back(std::move(row));
      }
      doc["rows"] = std::move(rows);
      doc["left_out"] = {{"undated", result.undated}, {"too_coarse", result.too_coarse}};
      out << doc.dump(2) << '\n';
      return;
    }
    case QueryFormat::kTable: {
      std::vector<std::array<std::string, 10>> cells;
      cells.push_back({options.by == QueryPeriod::kWeek ? "week of" : "period", "source", "target", "events",
                       "mentions", "goldstein", "verb.coop", "mat.coop", "verb.confl", "mat.confl"});
      for (const QueryRow& r : result.rows)
        cells.push_back({r.period, r.source, r.target, std::to_string(r.events), std::to_string(r.mentions),
                         fmt::format("{:.1f}", r.goldstein), fmt::format("{:.0f}%", 100 * r.share(1)),
                         fmt::format("{:.0f}%", 100 * r.share(2)), fmt::format("{:.0f}%", 100 * r.share(3)),
                         fmt::format("{:.0f}%", 100 * r.share(4))});
      std::array<size_t, 10> width{};
      for (const auto& row : cells)
        for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
      for (const auto& row : cells) {
        std::string line;
        for (size_t i = 0; i < row.size(); ++i) {
          const size_t pad = width[i] - row[i].size();
          if (i > 0) line += "  ";
          if (i < 3)
            line += row[i] + std::string(i + 1 < row.size() ? pad : 0, ' ');
          else
            line += std::string(pad, ' ') + row[i];
        }
        out << line << '\n';
      }
      uint64_t events = 0;
      for (const QueryRow& r : result.rows) events += r.events;
      out << fmt::format("{} row{}, {} event{}", result.rows.size(), result.rows.size() == 1 ? "" : "s",
                         events, events == 1 ? "" : "s");
      if (const std::string note = left_out_note(result, options.by); !note.empty())
        out << " (left out: " << note << ")";
      out << '\n';
      return;
    }
  }
}

}  // namespace dyad::store
