#include "dyad/dict/agents.h"

namespace dyad::dict {

void AgentDictionary::add(Agent agent, Diagnostics& diags) {
  if (agent.phrase.empty()) return;
  uint32_t index = static_cast<uint32_t>(agents_.size());
  uint32_t prev = trie_.insert(agent.phrase, index);
  if (prev != PhraseTrie::kNone) {
    const Agent& first = agents_[prev];
    if (!agent.generated && !first.generated) {
      diags.warning(agent.where, "duplicate agent phrase '" + join(agent.phrase) + "' (first at " +
                                     first.where.str() + "); the first is kept");
    } else if (!agent.generated && first.generated) {
      // A written entry beats a form the reader generated for another entry.
      trie_.set(agent.phrase, index);
      agents_.push_back(std::move(agent));
    }
    return;
  }
  agents_.push_back(std::move(agent));
}

// Replaces every !MARKER! in `text` by each of its items (all combinations, the first
// marker varying slowest). Iterative, and capped: each marker multiplies the forms, so a
// line with many would otherwise never finish.
bool AgentDictionary::expand(std::string_view text, const SourceLocation& where,
                             std::vector<std::string>& out, Diagnostics& diags) const {
  constexpr size_t kMaxForms = 1024;
  const std::string_view whole = text;
  std::vector<std::string> forms{std::string()};
  while (true) {
    const size_t open = text.find('!');
    for (std::string& f : forms) f += text.substr(0, open);
    if (open == std::string_view::npos) break;
    const size_t close = text.find('!', open + 1);
    if (close == std::string_view::npos) {
      diags.error(where, "unbalanced '!' in '" + std::string(whole) + "'");
      return false;
    }
    const std::string marker = upper(text.substr(open, close - open + 1));
    const auto it = subs_.find(marker);
    if (it == subs_.end()) {
      diags.error(where, "undefined substitution set " + marker);
      return false;
    }
    if (forms.size() * it->second.size() > kMaxForms) {
      diags.error(where, "substitution sets expand this entry to more than " + std::to_string(kMaxForms) +
                             " forms; entry skipped");
      return false;
    }
    std::vector<std::string> next;
    next.reserve(forms.size() * it->second.size());
    for (const std::string& f : forms)
      for (const std::string& item : it->second) next.push_back(f + item);
    forms = std::move(next);
    text = text.substr(close + 1);
  }
  for (std::string& f : forms) out.push_back(std::move(f));
  return true;
}

void AgentDictionary::load_string(std::string_view content, const std::string& file, Diagnostics& diags) {
  for (const DictLine& line : split_lines(content)) {
    SourceLocation where{file, line.number};
    std::string_view text = trim(line.text);
    if (text.front() == '!' && text.find('=') != std::string_view::npos) {
      size_t eq = text.find('=');
      std::string marker = upper(trim(text.substr(0, eq)));
      if (marker.size() < 3 || marker.back() != '!' || marker.find('!', 1) != marker.size() - 1) {
        diags.error(where, "bad substitution set name '" + marker + "'");
        continue;
      }
      std::vector<std::string> items;
      std::string_view rest = text.substr(eq + 1);
      while (!rest.empty()) {
        size_t comma = rest.find(',');
        std::string item = upper(trim(rest.substr(0, comma)));
        if (!item.empty()) items.push_back(item);
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
      }
      if (items.empty()) {
        diags.error(where, "empty substitution set " + marker);
        continue;
      }
      if (subs_.count(marker)) diags.warning(where, "substitution set " + marker + " redefined");
      subs_[marker] = std::move(items);
      continue;
    }
    size_t lb = text.find('[');
    if (lb == std::string_view::npos) {
      diags.error(where, "agent entry without a [code]");
      continue;
    }
    size_t rb = text.find(']', lb);
    if (rb == std::string_view::npos || text.find('[', lb + 1) < rb) {
      diags.error(where, "unbalanced '[' in '" + std::string(text) + "'");
      continue;
    }
    if (!trim(text.substr(rb + 1)).empty()) {
      diags.error(where, "unexpected text '" + std::string(trim(text.substr(rb + 1))) + "' after code");
      continue;
    }
    std::string_view body = trim(text.substr(lb + 1, rb - lb - 1));
    Agent proto;
    proto.where = where;
    if (!body.empty() && body.front() == '~') {
      proto.code = upper(body.substr(1));
    } else if (!body.empty() && body.back() == '~') {
      proto.code = upper(body.substr(0, body.size() - 1));
      proto.placement = Agent::Placement::kBeforeActor;
    } else {
      diags.error(where, "agent code [" + std::string(body) + "] needs '~' before or after it");
      continue;
    }
    if (proto.code.empty() || proto.code.find_first_of(" \t~") != std::string::npos) {
      diags.error(where, "bad agent code [" + std::string(body) + "]");
      continue;
    }
    std::string_view head = text.substr(0, lb);
    bool has_plural = false;
    std::string_view plural;
    size_t lc = head.find('{');
    if (lc != std::string_view::npos) {
      size_t rc = head.find('}', lc);
      if (rc == std::string_view::npos) {
        diags.error(where, "unbalanced '{' in '" + std::string(text) + "'");
        continue;
      }
      has_plural = true;
      plural = trim(head.substr(lc + 1, rc - lc - 1));
      head = head.substr(0, lc);
    } else if (head.find('}') != std::string_view::npos) {
      diags.error(where, "unbalanced '}' in '" + std::string(text) + "'");
      continue;
    }
    head = trim(head);
    if (head.empty()) {
      diags.error(where, "agent entry without a phrase");
      continue;
    }
    std::vector<std::string> forms;
    if (!expand(head, where, forms, diags)) continue;
    ++entries_;
    bool substituted = forms.size() > 1 || head.find('!') != std::string_view::npos;
    bool first = true;
    for (const auto& form : forms) {
      Agent a = proto;
      a.phrase = normalize_phrase(form);
      a.generated = !first;
      first = false;
      if (a.phrase.empty()) continue;
      Phrase singular = a.phrase;
      add(std::move(a), diags);
      if (substituted) continue;  // substitution forms get no plural
      if (has_plural) {
        Phrase p = normalize_phrase(plural);
        if (!p.empty()) {
          Agent pa = proto;
          pa.phrase = std::move(p);
          pa.generated = true;
          add(std::move(pa), diags);
        }
      } else {
        Agent pa = proto;
        pa.phrase = singular;
        pa.phrase.back() = regular_plural(pa.phrase.back());
        pa.generated = true;
        add(std::move(pa), diags);
      }
    }
  }
}

void AgentDictionary::add_agent(Agent agent, Diagnostics& diags) {
  if (!agent.generated) ++entries_;
  add(std::move(agent), diags);
}

bool AgentDictionary::add_substitution(const std::string& marker, std::vector<std::string> items) {
  const bool fresh = !subs_.count(marker);
  subs_[marker] = std::move(items);
  return fresh;
}

bool AgentDictionary::load_file(const std::filesystem::path& path, Diagnostics& diags) {
  std::string content;
  if (!read_dictionary_file(path, content, diags)) return false;
  load_string(content, path.string(), diags);
  return true;
}

const Agent* AgentDictionary::find(const Phrase& words) const {
  uint32_t v = trie_.find(words);
  return v == PhraseTrie::kNone ? nullptr : &agents_[v];
}

AgentDictionary::Match AgentDictionary::longest_match(std::span<const std::string_view> tokens,
                                                      size_t start) const {
  auto m = trie_.longest_match(tokens, start);
  return m ? Match{m.length, &agents_[m.value]} : Match{};
}

AgentDictionary::Match AgentDictionary::longest_match(std::span<const std::string> tokens,
                                                      size_t start) const {
  auto m = trie_.longest_match(tokens, start);
  return m ? Match{m.length, &agents_[m.value]} : Match{};
}

}  // namespace dyad::dict
