// dyad merge: shard databases (`dyad code --shard i/N --out shard-i.db`) into one
// (store/sqlite_store.h, SqliteStore::merge).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <system_error>

#include "command.h"
#include "dyad/dict/cameo_codebook.h"
#include "dyad/store/sqlite_store.h"
#include "input_options.h"

namespace dyad::app {
namespace {

struct MergeCommand {
  std::string out;
  std::vector<std::string> inputs;

  int run() {
    if (!store::is_database_path(out))
      throw CLI::ValidationError("OUT", "'" + out + "' is not a database name (use FILE.db or FILE.sqlite)");
    for (const std::string& in : inputs)
      if (std::error_code ec; std::filesystem::equivalent(in, out, ec))
        throw CLI::ValidationError("IN", "'" + in + "' is the output database itself");
    for (const std::string& in : inputs)
      if (!std::filesystem::exists(in)) {  // before OUT is created
        std::cerr << "dyad merge: " << in << ": no such file\n";
        return 2;
      }
    // Recounted events take their names, Goldstein scores and quad classes from it.
    Diagnostics diags = stderr_diagnostics();
    dict::CameoCodebook codebook;
    if (!dict::load_default_codebook(codebook, diags))
      std::cerr << "dyad merge: going on without CAMEO names, Goldstein scores and PLOVER types\n";
    try {
      store::SqliteStore store(out, codebook);
      for (const std::string& in : inputs) {
        for (const std::string& warning : store.merge(in))
          std::cerr << "dyad merge: warning: " << warning << '\n';
      }
      const store::SqliteStore::Counts added = store.added(), total = store.counts();
      std::cerr << fmt::format(
          "dyad merge: {}: added {} articles, {} events, {} mentions from {} database{}; it holds {} "
          "articles, {} events, {} mentions\n",
          out, added.articles, added.events, added.mentions, inputs.size(), inputs.size() == 1 ? "" : "s",
          total.articles, total.events, total.mentions);
    } catch (const std::runtime_error& e) {
      std::cerr << "dyad merge: " << e.what() << '\n';
      return 2;
    }
    return 0;
  }
};

const CommandRegistration registration(13, [](CLI::App& root, CLI::App*& sub) -> Runner {
  auto command = std::make_shared<MergeCommand>();
  sub = root.add_subcommand("merge", "Merge databases from 'dyad code --out FILE.db' (e.g. shards) into one");
  sub->footer(
      "Rows are matched by their content ids: an article, event or mention in several inputs is\n"
      "kept once, an event found in several gets all their mentions and its counts are recounted.\n"
      "OUT may already hold events (merging into it adds what is missing). The inputs must have\n"
      "been written with the same --event-window.\n"
      "Example: dyad code --shard 1/2 --out a.db news/ && dyad code --shard 2/2 --out b.db news/ &&\n"
      "         dyad merge all.db a.db b.db");
  sub->add_option("out", command->out, "The database written (created when missing)")->required();
  sub->add_option("inputs", command->inputs, "Databases merged into it")->required();
  return [command] { return command->run(); };
});

}  // namespace
}  // namespace dyad::app
