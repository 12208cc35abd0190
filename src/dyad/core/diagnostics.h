#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dyad/core/source_location.h"

namespace dyad {

enum class Severity { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation where;
  std::string message;

  // "file:line: error: message"
  std::string str() const;
};

// Collects problems found in the input. Every stage reports here instead of
// printing, so one place decides how messages are shown and counted.
class Diagnostics {
 public:
  using Sink = std::function<void(const Diagnostic&)>;

  Diagnostics() = default;
  explicit Diagnostics(Sink sink) : sink_(std::move(sink)) {}

  void warning(const SourceLocation& where, std::string message);
  void error(const SourceLocation& where, std::string message);
  void report(Diagnostic d);

  uint64_t warnings() const { return warnings_; }
  uint64_t errors() const { return errors_; }
  // Kept only when no sink is set (tests read them).
  const std::vector<Diagnostic>& collected() const { return collected_; }

 private:
  Sink sink_;
  uint64_t warnings_ = 0;
  uint64_t errors_ = 0;
  std::vector<Diagnostic> collected_;
};

}  // namespace dyad
