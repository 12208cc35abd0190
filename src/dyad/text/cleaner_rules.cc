#include "dyad/text/cleaner_rules.h"

namespace dyad::text {

namespace {

// The boilerplate rules of clean(), as data. One rule a line: KIND PATTERN, and a
// comment line (#) above each rule saying what it is for.
//
// Kinds (a paragraph is tested against the rules in this order: tail, drop, strip,
// dateline; the first rule of a kind that matches wins):
//   drop       the whole paragraph matches: drop it.
//   tail       the whole paragraph matches: drop it and every paragraph after it (a
//              trailing-boilerplate heading). In the first quarter of the text, or
//              before any body has been kept, it only drops itself.
//   strip      the start of the paragraph matches: cut that prefix off, keep the rest
//              (speaker labels in interviews).
//   dateline   as strip, on the first body paragraph (the first one that is not a
//              short headline-like line); on a later paragraph only when it starts
//              with a capital and a capitalised sentence follows (a round-up's items).
//   A kind may carry a length limit, "drop:150": the rule only applies to paragraphs
//   of at most that many bytes. Defaults: drop 400, tail 200, strip and dateline none.
//
// Patterns are items separated by spaces; optional whitespace may stand between any
// two items in the text. Items:
//   word       a literal. Lowercase letters match either case, uppercase letters only
//              uppercase ("Photo" matches "Photo" and "PHOTO", not "photo"). A literal
//              ending in a letter or digit must end at a word boundary. "a|b|c" is one
//              item with alternatives; "_" inside a literal stands for whitespace
//              ("Last_updated|Posted").
//   ...        any text (shortest first).
//   [ ... ]    an optional group (the brackets are separate items).
//   {CAPS}     an all-capitals word (WASHINGTON, U.S.); {CAPS+} one or more.
//   {Cap}      a capitalised word (Lavrov, O'Brien, JOHN); {Cap+} one or more, with
//              "de", "van", "al", "bin"... allowed between them.
//   {Name}     {Cap+} joined by "and", "&" or commas (By John Smith and Jane Doe).
//   {month} {weekday} {day} (1-31, 4th) {year} (1800-2099) {time} (10:32, 9.15 pm)
//   {isodate} (2019-01-04) {dash} (- -- en dash, em dash) {domain} (SITE.VN, bbc.co.uk)
constexpr std::string_view kRules = R"RULES(
# ---- trailing boilerplate: headings that end the article body ----
# "Related news" / "Related stories" blocks of links after the body
tail Related news|stories|articles|coverage|content|links|reading|topics|posts [ : ]
# "Related" alone, or "Related:" before a list of links
tail Related [ : ]
# Wikinews and wiki-style reference sections
tail Sources|References|Bibliography [ : ]
# wiki-style link sections
tail External_links|See_also|Sister_links|Further_reading [ : ]
# "Read more" / "More stories" lists of other articles
tail Read_more|Read_next|More_stories|More_news|You_may_also_like|Recommended|Most_read|Most_popular|Trending [ : ]
# "More from Reuters", "More on this story"
tail More_from|More_on ...
# Wikinews discussion prompt
tail Have an opinion on this story ...
# copyright lines
tail © ...
# "Copyright 2019 Reuters"
tail Copyright {year} ...
# "Copyright © 2019 ...", "Copyright (c) 2019 ..."
tail Copyright ©|(c) ...
# "(c) 2019 The Associated Press"
tail (c) {year} ...
# "All rights reserved" on its own or after an owner
tail [ ... ] All rights reserved ...
# reader comments sections
tail Comments|Join_the_conversation|Leave_a_comment|Post_a_comment [ : ] [ {day} ]
# Wikinews archive notice
tail This page is archived ...

# ---- date lines ----
# "Friday, January 4, 2019" (the first paragraph of most Wikinews articles)
drop {weekday} [ , ] {month} {day} [ , ] {year} [ {time} [ ... ] ]
# "Friday 4 January 2019"
drop [ {weekday} [ , ] ] {day} {month} [ , ] {year} [ {time} [ ... ] ]
# "January 4, 2019" and "Jan. 4, 2019 10:32 GMT"
drop {month} {day} [ , ] {year} [ [ , ] {time} [ ... ] ]
# "2019-01-04" and "2019-01-04 10:32"
drop {isodate} [ {time} [ ... ] ]
# "Published: Friday, January 4, 2019", "Updated Jan. 4, 2019 10:32 GMT"
drop Published|Updated|Posted|Last_updated|First_published|Modified [ : ] [ on ] [ {weekday} [ , ] ] {month} {day} ...
# "Updated: 4 January 2019"
drop Published|Updated|Posted|Last_updated|First_published|Modified [ : ] [ on ] [ {weekday} [ , ] ] {day} {month} ...
# "Updated 10:32 GMT"
drop Published|Updated|Posted|Last_updated [ : ] {time} ...
# "Published 3 hours ago"
drop Published|Updated|Posted|Last_updated [ : ] {day} minutes|minute|hours|hour|days|day ago

# ---- photo captions and credits ----
# a credit on its own: "Photo: Reuters", "Image: Nicholas Moreau."
drop Photo|Photos|Photograph|Picture|Pictures|Image|Images|Video|Graphic|Illustration : ...
# a credit on its own: "Photo by Jane Doe/Reuters"
drop Photo|Photos|Photograph|Picture|Image|Video by ...
# a credit on its own: "Credit: AFP/Getty Images", "Photo credit: ..."
drop Credit|Credits|Photo_credit|Image_credit|Source : ...
# caption ending in a credit: "Protesters in Minsk. Image: Jane Doe."
drop:250 ... Image|Photo|Photograph|Picture|Credit : ...
# caption ending in a credit: "... (Photo by Jane Doe/Reuters)", "... Photo by Jane Doe"
drop ... Photo|Photograph|Picture by {Name} ...
# short caption with a credit in brackets: "Sirhan in 1969 (Image: CDCR)" (longer
# paragraphs ending so are body text with a stray credit, kept)
drop:120 ... ( Image|Photo|Photograph|Picture|Credit|Source : ... )
# wire-photo caption: "FILE PHOTO: Russian Foreign Minister ..."
drop FILE PHOTO|PICTURE ...
# file photo captions: "File photo: ...", "File picture of ..."
drop File photo|picture|image|footage ...
# "Pictured: ...", "Above: ..." caption starts
drop Pictured|Above|Top|Main_image|Left|Right|Inset : ...
# caption ending in an agency credit: "... in Kyiv. REUTERS/Jane Doe"
drop ... REUTERS|AFP|AP|EPA|XINHUA / ...
# credit lines ending in Getty: "Jane Doe/AFP via Getty Images"
drop ... / ... via Getty Images
# image markers left by scrapers: "[image]", "[photo]"
drop ... [image]|[photo]|[picture]|[video]|[graphic]|[gallery] ...
# enlarge links under images
drop ... Click|Tap to enlarge|expand|zoom ...
# image gallery counters: "Image 1 of 12"
drop Image|Photo|Picture|Slide {day} of {day} ...
# pull-quote attributions: "—Zinichev calling a temporary halt..."
drop:160 —|― ...
# map legends: "██ Syrian Democratic Forces"
drop ██ ...

# ---- bylines ----
# "By John Smith and Jane Doe", "By JOHN SMITH, Associated Press", "By Jane Doe | Reuters"
drop By {Name} [ | ... ]
# "By Jane Doe, Diplomatic Correspondent"
drop By {Name} , ... Correspondent|Editor|Reporter|Writer|Staff|Contributor ...
# a job title line under a byline: "Diplomatic Correspondent"
drop:60 [ {Cap+} ] Correspondent|Editor|Reporter|Writer|Contributor
# "Reporting by Jane Doe in Geneva; Editing by John Smith"
drop Reporting|Reported|Writing|Written|Editing|Edited|Compiled by {Name} [ in {Cap+} ] [ and|, ... ] [ ; ... ]
# "Additional reporting by ..."
drop Additional reporting by ...
# "(Reporting by Jane Doe; Editing by John Smith)"
drop ( Reporting|Additional|Writing|Editing|Compiled by ... )
# "Follow Jane Doe on Twitter: @janedoe"
drop Follow {Name} on Twitter|X|Facebook|Instagram ...
# "Contact the author at ..."; "Email: jane@example.com"
drop Contact the author|reporter|writer ...

# ---- page furniture between paragraphs ----
# advertisement markers
drop Advertisement|Advertisements|Sponsored|Story_continues_below|Continue_reading_below [ advertisement ]
# "Continue reading the main story", "Skip to main content"
drop Continue_reading|Skip_to ...
# "Read more: ..." links inside the body
drop Read_more|Also_read|Read_also|See_also|Related|Watch|Listen : ...
# share buttons left as text
drop Share|Tweet|Email|Print|WhatsApp|Facebook|Twitter|LinkedIn|Pinterest|Reddit|Copy_link [ Share|Tweet|Email|Print|WhatsApp|Facebook|Twitter|LinkedIn [ ... ] ]
# share bars ("Share this article"); inside the body too, so only dropped
drop Share this article|story|page|post [ : ] [ ... ]
# newsletter boxes, which also sit between paragraphs: "Subscribe to our newsletter"
drop Subscribe|Sign_up to|for our ...
# "Subscribe", "Subscribe now!"
drop Subscribe [ now|today ] [ ! ]
# social follow boxes: "Follow us on Twitter"
drop Follow us on ...
# "Share on Facebook", "Share via Email"
drop Share on|via ...
# "Listen to this article", "Reading time: 3 min"
drop Listen to this article|story ...
# "Reading time: 3 minutes", "3 min read"
drop Reading time ...
# "3 min read"
drop {day} min|minute read
# cookie banners that leak into the text
drop:300 ... we use cookies ...

# ---- interviews: speaker labels (the speech is kept) ----
# Wikinews interview labels: "((WN))  Which ...", "((WSS)) : What ...", "((Jane Doe)) ..."
strip (( ... )) [ : ]
# question and answer labels: "Q: ...", "A: ...", "Interviewer: ..."
strip Q|A|Question|Answer|Interviewer|Interviewee|Host|Moderator :
# a label whose name was lost in scraping: ": Why are you running ...?"
strip :
# transcript speaker labels in capitals: "LAVROV: We will respond."
strip {CAPS+} :

# ---- datelines and agency prefixes (first body paragraph; later, before a capital) ----
# "WASHINGTON (Reuters) - ", "MOSCOW, Oct. 4 (Xinhua) -- ", "BEIRUT, Lebanon (AP) — ", "KYIV, Ukraine — "
dateline {CAPS+} [ , {Cap+} ] [ , {month} {day} [ , {year} ] ] [ ( {Cap+} ) ] {dash}
# "GENEVA, 12 March 2019 (UNHCR) – "
dateline {CAPS+} [ , {Cap+} ] , {day} {month} [ {year} ] [ ( {Cap+} ) ] {dash}
# "LONDON: ", "NEW DELHI, India: "
dateline {CAPS+} [ , {Cap+} ] :
# "(CNN) — "
dateline ( {Cap+} ) {dash}
# "SITE.VN - "
dateline {domain} {dash}
)RULES";

}  // namespace

std::string_view boilerplate_rules() { return kRules; }

}  // namespace dyad::text
