// dyad query: counts, Goldstein sums and quad-class shares per period and dyad from a
// database written by `dyad code --out FILE.db` (store/event_query.h).
#include <iostream>
#include <stdexcept>

#include "command.h"
#include "dyad/store/event_query.h"

namespace dyad::app {
namespace {

struct QueryCommand {
  std::string database;
  store::QueryOptions options;
  std::string by = "month";
  std::string format = "table";

  int run() {
    if (!store::parse_query_period(by, options.by))
      throw CLI::ValidationError("--by", "unknown period '" + by + "' (use day, week, month or year)");
    store::QueryFormat query_format;
    if (!store::parse_query_format(format, query_format))
      throw CLI::ValidationError("--format", "unknown format '" + format + "' (use table, csv or json)");
    store::QueryResult result;
    try {
      result = store::query_events(database, options);
    } catch (const std::invalid_argument& e) {
      std::cerr << "dyad query: " << e.what() << '\n';
      return 2;
    } catch (const std::runtime_error& e) {
      std::cerr << "dyad query: " << e.what() << '\n';
      return 2;
    }
    store::write_query_result(result, options, query_format, std::cout);
    std::cout.flush();
    return std::cout ? 0 : 2;
  }
};

const CommandRegistration registration(12, [](CLI::App& root, CLI::App*& sub) -> Runner {
  auto command = std::make_shared<QueryCommand>();
  sub = root.add_subcommand("query",
                            "Count events in a database from 'dyad code --out FILE.db', per period and dyad");
  sub->footer(
      "Rows: one per period and (source, target), with events, mentions (sum of num_mentions),\n"
      "the Goldstein sum and the share of events in each quad class (verbal/material\n"
      "cooperation, verbal/material conflict). A side is labelled with the --actor prefix it\n"
      "matches, else its country code. Events dated less precisely than the period (\"last\n"
      "month\" with --by week) and undated events are left out and counted in the total line.\n"
      "Example: dyad query events.db --from 2016-09-01 --to 2016-10-31 --actor RUS --actor USA --by week");
  sub->add_option("database", command->database, "Database written by dyad code --out FILE.db")->required();
  sub->add_option("--from", command->options.from, "First day counted, YYYY-MM-DD (default: no limit)");
  sub->add_option("--to", command->options.to, "Last day counted, YYYY-MM-DD (default: no limit)");
  sub->add_option("--actor", command->options.actors,
                  "Actor code prefix (RUS matches RUSGOV); once: events involving it, twice: events between "
                  "the two, in either direction")
      ->allow_extra_args(false);  // one value per flag: "--actor RUS events.db" works
  sub->add_option("--type", command->options.types,
                  "PLOVER event type (ASSAULT) or CAMEO code prefix (19); repeat for any of several")
      ->allow_extra_args(false);
  sub->add_option("--by", command->by, "Period: day, week (Monday to Sunday), month or year")
      ->capture_default_str();
  sub->add_option("--format", command->format, "Output: table, csv or json")->capture_default_str();
  return [command] { return command->run(); };
});

}  // namespace
}  // namespace dyad::app
