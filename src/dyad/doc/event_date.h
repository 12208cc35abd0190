#pragma once

// Event dates (issue #7): the date expression in an event's clause ("on September 19",
// "Sept. 9", "on Tuesday", "yesterday", "last month", "earlier this year", "two days
// ago", "in 2015") resolved against the story date, with its precision kept.
//
// Which expression. Expressions are found on the surface (month and weekday names,
// numbers, "yesterday", "last"/"this"/"next", "ago"); one belongs to the event when a
// word of it attached outside it is in the event verb's subtree without passing through
// a nested predicate: a ccomp, xcomp, advcl, acl (acl:relcl), csubj or parataxis
// dependent, or a conj that is a verb, has its own events and dates. Among several, one
// attached directly to the verb by a temporal relation (obl, nmod, their :tmod, :npmod
// and :unmarked subtypes, advmod) wins, then any direct one, then any in the subtree;
// within a rank the more precise, then the nearer to the verb. A verb that is the conj
// of another verb and has none of its own takes one attached directly to that verb ("On
// Monday Russia shelled the town and attacked the port"). Without any: the story date,
// day precision (or nothing when the story date is unknown).
//
// How it resolves (story date S; "past" when the verb is VBD or has a VBD or "have"
// auxiliary, "future" when it has "will", "shall" or "'ll", else "present"):
//   explicit     "September 19, 2016", "19 September 2016", "2016-09-19"   that day
//                "September 2016" (month), "in 2015", "in early 2015" (year)
//   month-day    "September 19", "Sept. 9", "19 September", "Sep 9th", "the 9th of
//                September": that day in S's year, the year before or after, chosen
//                by tense: past the latest on or before S ("December 30" in a story of
//                January 2 is the previous December), future the earliest on or after
//                S, present the nearest (ties to the past). Impossible days (February
//                30, September 31) are not dates and are ignored.
//   weekday      "on Tuesday", "Tuesday night": the same rule among the days within a
//                week of S, so a past-tense "on Tuesday" in a story dated a Tuesday is S
//                itself (wire copy written the same day); "last Tuesday" the latest
//                strictly before S, "next Tuesday" the earliest strictly after. A
//                weekday followed by a date ("Tuesday, Sept. 19") is that date.
//   month        "in March", "last March", "next March": month precision, the same
//                rules at month granularity ("in March" in a past-tense sentence of a
//                March story is that March).
//   days         "yesterday" -1, "today", "tonight", "this morning/afternoon/evening" 0,
//                "tomorrow" +1, "last night" -1, "N days ago" -N; day precision.
//   weeks        "last week" -7, "next week" +7, "N weeks ago" -7N days: day precision,
//                the same weekday a week back (there is no week precision; the day is
//                within three days of the truth).
//   months       "last month" -1, "this month", "earlier/later this month" 0, "next
//                month" +1, "N months ago" -N: month precision.
//   years        "last year" -1, "this year", "earlier/later this year" 0, "next year"
//                +1, "N years ago" -N: year precision.
// Relative expressions need the story date; without it only explicit years resolve.
// Month and weekday names count only capitalised and not tagged as verbs ("may",
// "March" the verb); a month alone only after "in", "during", "last", "this" or "next",
// a year alone only after "in" or "during" ("in 2015", not "2015 people"); "the Sunday
// Times" is no day.

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/core/event.h"
#include "dyad/core/sentence.h"

namespace dyad::doc {

struct EventDate {
  int32_t date = 0;  // yyyymmdd; month precision: dd = 00, year precision: mmdd = 0000; 0 unknown
  DatePrecision precision = DatePrecision::kNone;
  std::vector<uint32_t> words;  // the expression's words (Sentence::words indices), empty when none
  std::string text;             // those words as tokenised and spaced ("Sept. 9"), "" when none
};

// The date of the event whose predicate is word `verb` of `sentence` (tagged and
// parsed), against `story_date` (yyyymmdd, 0 when unknown).
EventDate resolve_event_date(const Sentence& sentence, uint32_t verb, int32_t story_date);

// Every date expression of `sentence` that resolves, in text order, each read as if its
// verb were `verb` (for the tense); for tests and `dyad explain`.
std::vector<EventDate> find_dates(const Sentence& sentence, uint32_t verb, int32_t story_date);

// "2016-09-19", "2016-09", "2016" by precision; "" for kNone or an invalid date.
std::string iso_date(int32_t date, DatePrecision precision);

// "day", "month", "year"; "" for kNone.
const char* precision_name(DatePrecision precision);

}  // namespace dyad::doc
