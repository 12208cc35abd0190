#pragma once

// `dyad query`: counts, Goldstein sums and quad-class shares of the events in a Dyad
// database (sqlite_store.h), per period and dyad.
//
// Which events. Those dated at least as precisely as the period (--by day or week: day
// precision; month: day or month; year: any date) and lying wholly within [from, to]
// (a month-precision event needs its whole month inside). Undated events and events
// dated too coarsely are left out and counted apart. --actor prefixes: none, every
// event; one, events with the source or the target starting with it; two, events
// between them in either direction (source matches one, target the other).
// --type: a PLOVER type (ASSAULT, any case) or, when all digits, a CAMEO code prefix
// ("19", "190"), matched against the event's code; several mean any of them.
//
// Rows. One per period and directed dyad (source, target), in that order. A side is
// labelled with the --actor prefix it matches, else with its country (the first three
// characters of a CAMEO actor code: "---" for an unknown country), else the whole code
// ("\"TEXT\"" new actors). Periods: day YYYY-MM-DD; week YYYY-MM-DD, the Monday
// starting it; month YYYY-MM; year YYYY. Periods without events have no row.
// events: events; mentions: the sum of their num_mentions; goldstein: the sum of their
// Goldstein scores (events without one add nothing); quad shares: the fraction of the
// row's events in quad class 1 (verbal cooperation), 2 (material cooperation), 3
// (verbal conflict), 4 (material conflict), events without a quad class in none.

#include <array>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::store {

enum class QueryPeriod { kDay, kWeek, kMonth, kYear };
enum class QueryFormat { kTable, kCsv, kJson };

bool parse_query_period(std::string_view name, QueryPeriod& out);  // day, week, month, year
bool parse_query_format(std::string_view name, QueryFormat& out);  // table, csv, json

struct QueryOptions {
  std::string from, to;             // YYYY-MM-DD, inclusive; "" for no bound
  std::vector<std::string> actors;  // code prefixes, at most two
  std::vector<std::string> types;   // PLOVER types or CAMEO code prefixes
  QueryPeriod by = QueryPeriod::kMonth;
};

struct QueryRow {
  std::string period, source, target;
  uint64_t events = 0, mentions = 0;
  double goldstein = 0;
  std::array<uint64_t, 5> quad{};  // events by quad class; [0]: none

  double share(int quad_class) const { return events ? double(quad[quad_class]) / double(events) : 0.0; }
};

struct QueryResult {
  std::vector<QueryRow> rows;
  uint64_t undated = 0;     // matching events left out: no date
  uint64_t too_coarse = 0;  // matching events left out: dated less precisely than the period
};

// Throws std::invalid_argument for bad options (a malformed date, more than two actors)
// and std::runtime_error naming the file when it is missing or not a Dyad database.
QueryResult query_events(const std::filesystem::path& database, const QueryOptions& options);

void write_query_result(const QueryResult& result, const QueryOptions& options, QueryFormat format,
                        std::ostream& out);

}  // namespace dyad::store
