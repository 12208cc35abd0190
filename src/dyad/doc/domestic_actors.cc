#include "dyad/doc/domestic_actors.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "dyad/dict/actor_code.h"
#include "dyad/dict/dict_stats.h"

namespace dyad::doc {
namespace {

bool is_agent_only(const std::string& code) {
  return code.size() > 3 && code.compare(0, 3, "---") == 0 && code.size() % 3 == 0;
}

// The one country the sentence's mentions name; "" for none or several.
std::string sentence_country(const std::vector<Mention>& mentions, bool& several) {
  std::string found;
  several = false;
  for (const Mention& m : mentions)
    for (const std::string& code : m.codes)
      // A code may hold alternatives joined by '/': each is read.
      for (size_t begin = 0; begin <= code.size();) {
        size_t end = code.find('/', begin);
        if (end == std::string::npos) end = code.size();
        const std::string c = country_of_code(code.substr(begin, end - begin));
        if (!c.empty()) {
          if (found.empty()) {
            found = c;
          } else if (c != found) {
            several = true;
            return "";
          }
        }
        begin = end + 1;
      }
  return found;
}

// The country most of the article's coded phrases name, when it is named at least
// twice and more often than every other country together; "" otherwise.
std::string article_country(const std::vector<std::vector<Mention>>& mentions) {
  std::map<std::string, size_t> counts;
  size_t total = 0;
  for (const auto& sentence : mentions)
    for (const Mention& m : sentence)
      for (const std::string& code : m.codes) {
        const std::string c = country_of_code(code);
        if (c.empty()) continue;
        ++counts[c];
        ++total;
      }
  for (const auto& [country, n] : counts)
    if (n >= 2 && 2 * n > total) return country;
  return "";
}

// Sectors whose people belong where they are: protesters and the opposition, civilians
// and residents, police, workers, students, farmers, courts.
bool local_sector(std::string_view sector) {
  for (std::string_view s : {"OPP", "CVL", "COP", "LAB", "EDU", "AGR", "JUD"})
    if (sector == s) return true;
  return false;
}

}  // namespace

void give_local_agents_a_country(Event& event, const std::string& country) {
  if (country.size() != 3) return;
  for (EventActor* side : {&event.source, &event.target}) {
    const std::string& code = side->code;
    if (code.size() < 6 || !code.starts_with("---") || !local_sector(std::string_view(code).substr(3, 3)))
      continue;
    side->code = country + code.substr(3);
  }
}

std::string country_of_code(const std::string& code) {
  if (code.size() < 3 || code.front() == '"') return "";
  std::string country = dict::split_actor_country(code).country;
  if (country.size() != 3 ||
      !std::all_of(country.begin(), country.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return "";
  if (dict::is_organisation_prefix(country) || dict::is_cameo_region(country) ||
      dict::is_sector_code(country))
    return "";
  return country;
}

void assign_domestic_countries(const std::vector<std::vector<Mention>>& mentions,
                               std::vector<Event>& events) {
  const std::string main_country = article_country(mentions);
  for (Event& event : events) {
    if (event.place.locative) give_local_agents_a_country(event, event.place.country);
    for (EventActor* side : {&event.source, &event.target}) {
      if (!is_agent_only(side->code)) continue;
      std::string country;
      bool several = false;
      if (event.sentence_index < mentions.size())
        country = sentence_country(mentions[event.sentence_index], several);
      if (country.empty() && !several && event.place.known() && !event.place.country.empty())
        country = event.place.country;
      if (country.empty() && !several) country = main_country;
      if (country.empty()) continue;
      std::string code = country + side->code.substr(3);
      const EventActor& other = side == &event.source ? event.target : event.source;
      if (code != other.code) side->code = std::move(code);  // never an actor acting on itself
    }
  }
}

}  // namespace dyad::doc
