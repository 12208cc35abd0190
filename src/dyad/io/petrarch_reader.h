#pragma once

#include <string>
#include <string_view>

// The PETRARCH XML reader: see make_petrarch_reader in reader.h. Each
//   <Sentence date="20080804" id="AFP0808020625_4" source="AFP" sentence="True">
//     <Text>...</Text> <Parse>...</Parse> </Sentence>
// becomes one Article: id, story_date (from YYYYMMDD), source, and text = the <Text>
// content with entities decoded, trimmed, and each line break (with the spaces around
// it) turned into one space. Other attributes go to Article::extra, and the
// <EventCoding> elements of validation files to extra["event_codings"] (an array of
// their attributes). <Config option=".." value=".."/> elements between records go to
// the next record's extra["config"]: validation files set coder options that way. The
// <Parse> content goes to extra["parse"] as written (entities decoded).
// Comments, the XML declaration, CDATA and everything outside <Sentence> elements are
// handled by a small streaming scanner; the rest of the document (<Environment>) is read
// past, not stored.

namespace dyad::io {

// Decodes the five XML entities and numeric character references; anything else that
// starts with '&' is kept as written.
std::string decode_xml_entities(std::string_view s);

}  // namespace dyad::io
