#pragma once

// Domestic actors: a side the dictionaries know only by its role ("the president",
// "rebels", "a judge": "---GOV", "---REB", "---JUD") is given the country its sentence
// is about, as the PLOVER and ICEWS coding rules do for domestic actors. "Rebels in the
// Ivory Coast dismissed an appeal from the president" is CIVREB -> CIVGOV.
//
// The country is, in this order:
//   - the one country the sentence's coded noun phrases name (their codes' country parts;
//     organisations and regions are not countries), when they name exactly one;
//   - else, when they name none, the country of the event's place (doc/places.h);
//   - else, when the sentence names none, the article's country: the one its coded
//     phrases name at least twice and more often than all other countries together.
// Two or more countries in the sentence leave the side as it is: "the minister" in a
// sentence naming Russia and Ukraine could be either's. Before all that, local agents
// (protesters, police, courts, ...) take the country of the place they act in, when the
// sentence puts the event at a place ("rallied in the centre of Minsk": BLROPP; see
// give_local_agents_a_country).

#include <string>
#include <vector>

#include "dyad/core/event.h"
#include "dyad/core/mention.h"

namespace dyad::doc {

// The country (ISO 3166 alpha-3) of an actor code when it names one: "RUSGOV" -> "RUS";
// "" for an unknown side, an agent alone ("---GOV"), an organisation (IGO..., NGO...), a
// CAMEO region (EUR, AFR, ...) or a new actor ("\"TEXT\"").
std::string country_of_code(const std::string& code);

// A side of `event` that names a sector whose people belong where they are but no
// country (---OPP "protesters", ---CVL "residents", ---COP "police", ---LAB "workers",
// ---EDU "students", ---AGR "farmers", ---JUD "a court") takes `country` (ISO alpha-3).
// Other sides are left as they are.
void give_local_agents_a_country(Event& event, const std::string& country);

// Sets the country of every side of `events` whose code is an agent alone ("---" and
// sector codes), as described above. `mentions` holds each sentence's noun phrases
// (coder::ArticleCoding::mentions, indexed by sentence); events' places are read, so
// this runs after resolve_event_places. Local agents at a locative place come first
// (give_local_agents_a_country).
void assign_domestic_countries(const std::vector<std::vector<Mention>>& mentions, std::vector<Event>& events);

}  // namespace dyad::doc
