#include "dyad/core/diagnostics.h"

namespace dyad {

std::string Diagnostic::str() const {
  return where.str() + (severity == Severity::kError ? ": error: " : ": warning: ") + message;
}

void Diagnostics::warning(const SourceLocation& where, std::string message) {
  report({Severity::kWarning, where, std::move(message)});
}

void Diagnostics::error(const SourceLocation& where, std::string message) {
  report({Severity::kError, where, std::move(message)});
}

void Diagnostics::report(Diagnostic d) {
  (d.severity == Severity::kError ? errors_ : warnings_)++;
  if (sink_)
    sink_(d);
  else
    collected_.push_back(std::move(d));
}

}  // namespace dyad
