#pragma once
// Places (issue #7): the gazetteer Dyad ships (data/gazetteer/places.tsv, made by
// scripts/make-gazetteer from GeoNames cities1000 and ISO 3166), the place names of an
// article found on its tagged and parsed sentences and resolved to gazetteer entries, and
// the place of an event.
//
// Finding. A mention is the longest run of words (up to 8) whose text, folded (below),
// is a gazetteer name, that starts and ends with a capitalised word and has only
// capitalised words, "of"/"the"/"and"/"de", "," and "." inside ("Washington, D.C.",
// "Autonomous Region in Muslim Mindanao" is matched whole). Never places: a one-word
// adjective (upos ADJ) or a demonym ("Russian", "European"); a name inside an
// organisation's name (followed by "Congress", "University", "Times", ...; after
// "University of", "Court of the", ...); a word after a capitalised proper noun ("Denzel
// Washington") and, in the whole article, a word used as such a surname; a one-word
// city (not a country or division) that is not tagged PROPN; a one-word name that is a
// capitalised common word (months, "South", "Police", "University"; a short list); a
// town's name followed by a capitalised proper noun other than a title ("Ron Weasley",
// but "London Mayor"), or by "of" and a name; half of a dashed compound ("Iran–Iraq").
//
// Resolving. Each candidate entry of a name scores
//   500  when its country is one of the article's context countries: those of the event
//        actors given (the first three letters of their codes) and those of the article's
//        unambiguous mentions (a name with one entry, or whose best entry is a country);
//   + by feature: country 400, capital 250, first-level division 150, first-level seat
//        80, other city 0, continent 2000 (a continent's name is always the continent);
//   + 20 * log10(population + 1) (up to ~150 for the largest cities);
// and the best wins (ties: the first in file order). So a country's name is the country
// (Hong Kong the territory, not its city), a name in an actor's country is read there
// ("Paris" in a story about Texas is Paris, Texas), and otherwise larger and higher-level
// places win ("Washington" is the US capital, not Washington state or Washington, Tyne
// and Wear). An event's place is never a continent.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/core/article.h"
#include "dyad/core/event.h"
#include "dyad/core/span.h"

namespace dyad::doc {

enum class PlaceFeature : uint8_t { kCountry, kContinent, kAdmin1, kCapital, kSeat, kCity };

const char* place_feature_name(PlaceFeature f);

struct Place {
  int64_t geonameid = 0;  // GeoNames id of a city; 0 for countries, divisions, continents
  std::string name;
  std::string country;  // ISO 3166-1 alpha-3; "" for a continent
  std::string admin1;   // first-level division's name, "" when unknown or for countries
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  int64_t population = 0;
  PlaceFeature feature = PlaceFeature::kCity;

  bool is_populated_place() const {
    return feature == PlaceFeature::kCapital || feature == PlaceFeature::kSeat ||
           feature == PlaceFeature::kCity;
  }
};

// The key names are indexed by: lower case, Latin accents removed, and only letters and
// digits kept ("Washington, D.C." and "Washington DC" are both "washingtondc").
std::string fold_place_name(std::string_view name);

// Great-circle distance in kilometres.
double distance_km(double lat1, double lon1, double lat2, double lon2);

class Gazetteer {
 public:
  // Reads a places.tsv (comment lines start with '#'; one header line); throws
  // std::runtime_error naming the file and line on a malformed row.
  static Gazetteer load(const std::filesystem::path& path);
  // data/gazetteer/places.tsv found as shipped data (core/data_path.h); throws when absent.
  static Gazetteer load_default();

  // Adds a place under its name and `other_names`; returns its index.
  uint32_t add(Place place, const std::vector<std::string>& other_names = {});

  // Indices of the places a (folded) name may refer to, in insertion order.
  const std::vector<uint32_t>& lookup(std::string_view name) const;
  const Place& place(uint32_t index) const { return places_[index]; }
  size_t size() const { return places_.size(); }

 private:
  std::vector<Place> places_;
  std::unordered_map<std::string, std::vector<uint32_t>> index_;
};

// Whether a word is a demonym or nationality adjective ("Russian", "Syrians",
// "European"), from a short built-in list and the endings -ian(s), -ese, -ish, -ean(s).
bool is_demonym(std::string_view word);

struct PlaceMention {
  uint32_t sentence = 0;
  uint32_t first_word = 0, end_word = 0;  // Sentence::words[first_word, end_word)
  Span span;                              // bytes of Article::text
  uint32_t place = 0;                     // index into the Gazetteer
};

// The country parts of the actor codes of `events` (dict::split_actor_country), each once.
std::vector<std::string> actor_countries(const std::vector<Event>& events);

// Every place mention in the tagged and parsed `article`, in text order, resolved as the
// header comment says, `countries` being the event actors' countries.
std::vector<PlaceMention> find_places(const Article& article, const Gazetteer& gazetteer,
                                      const std::vector<std::string>& countries = {});

// The place an event happened: the mention (of find_places' `mentions`) in the event's
// sentence that is an oblique or nominal modifier of the event's verb introduced by
// "in", "at", "near", "outside" or "inside" (the first, or the most specific of "in
// Wuhan, China"; "in the centre of Minsk" counts as "in Minsk"); else the first such "in/at/near" place
// anywhere in the sentence; else the first mention in the sentence that is not one of the event's actor
// words. Never a continent. nullopt when the sentence has none.
std::optional<Place> event_place(const Article& article, const Event& event,
                                 const std::vector<PlaceMention>& mentions, const Gazetteer& gazetteer);

// A gazetteer entry as an event carries it (core/event.h). A continent, which is never
// an event's place, converts like any other entry.
EventPlace to_event_place(const Place& place);

// The document stage's places: sets Event::place of every event of `article` (tagged
// and parsed, as after code_article) to event_place, finding the article's places once
// with the events' actor countries as context. An event whose sentence names no place
// gets an unknown place; EventPlace::locative says whether the sentence puts the event
// there with a preposition ("in", "at", "near", ...). Reads `gazetteer` only, so
// articles may be resolved on many threads against one gazetteer.
void resolve_event_places(const Article& article, std::vector<Event>& events, const Gazetteer& gazetteer);

}  // namespace dyad::doc
