/// The derivation of a policy, readable by a planner: the inputs, the policy and method chosen and
/// why, and each formula with its numbers.
///
/// Built from a ``PolicyResult`` on demand (``PolicyResult/explanation``), so a plan of millions of
/// item-locations keeps only numbers and renders text for the rows someone reads or exports.
public struct PolicyExplanation: Hashable, Sendable {
    /// A named input.
    public struct Entry: Hashable, Sendable {
        /// What it is.
        public var name: String
        /// Its value, with unit.
        public var value: String
    }

    /// One step of the derivation.
    public struct Step: Hashable, Sendable {
        /// What the step computes.
        public var name: String
        /// The formula in symbols.
        public var formula: String
        /// The formula with the numbers put in.
        public var numbers: String
        /// The result.
        public var result: String
    }

    /// One line: the policy and its main numbers.
    public var summary: String
    /// The inputs.
    public var inputs: [Entry]
    /// Policy and review type, e.g. `(s,Q), continuous review`.
    public var policy: String
    /// Why this policy.
    public var policyReason: String
    /// The safety-stock method.
    public var method: String
    /// Why this method.
    public var methodReason: String
    /// The steps, in order.
    public var steps: [Step]
    /// Overrides that applied or were ignored, one sentence each.
    public var overrides: [String]
    /// Observations (``PolicyNotes``).
    public var notes: [String]

    /// All of it as text, one item per line.
    public var text: String {
        var lines = [summary, "Policy: \(policy) — \(policyReason)", "Method: \(method) — \(methodReason)"]
        lines.append("Inputs: " + inputs.map { "\($0.name) \($0.value)" }.joined(separator: "; "))
        for step in steps {
            var line = "  \(step.name): \(step.formula)"
            if !step.numbers.isEmpty { line += " = \(step.numbers)" }
            if !step.result.isEmpty { line += " → \(step.result)" }
            lines.append(line)
        }
        lines += overrides.map { "Override: " + $0 }
        lines += notes.map { "Note: " + $0 }
        return lines.joined(separator: "\n")
    }
}
