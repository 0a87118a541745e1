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
        var size = summary.utf8.count + policy.utf8.count + policyReason.utf8.count + method.utf8.count
        size += methodReason.utf8.count + 64
        for entry in inputs { size += entry.name.utf8.count + entry.value.utf8.count + 2 }
        for step in steps {
            size += step.name.utf8.count + step.formula.utf8.count + step.numbers.utf8.count + step.result.utf8.count + 16
        }
        for line in overrides { size += line.utf8.count + 11 }
        for line in notes { size += line.utf8.count + 7 }
        var out = ""
        out.reserveCapacity(size)
        out += summary
        out += "\nPolicy: "
        out += policy
        out += " — "
        out += policyReason
        out += "\nMethod: "
        out += method
        out += " — "
        out += methodReason
        out += "\nInputs: "
        for (k, entry) in inputs.enumerated() {
            if k > 0 { out += "; " }
            out += entry.name
            out += " "
            out += entry.value
        }
        for step in steps {
            out += "\n  "
            out += step.name
            out += ": "
            out += step.formula
            if !step.numbers.isEmpty {
                out += " = "
                out += step.numbers
            }
            if !step.result.isEmpty {
                out += " → "
                out += step.result
            }
        }
        for line in overrides {
            out += "\nOverride: "
            out += line
        }
        for line in notes {
            out += "\nNote: "
            out += line
        }
        return out
    }
}
