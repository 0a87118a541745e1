public import InventoryCore

/// An override that applied, with the computed value it replaced.
///
/// It is flagged when |final − computed| > threshold·|computed| (`policy.override_flag_threshold`,
/// default 0.5), or when the computed value is 0 and the final one is not: a planner's value far
/// from the model's deserves a second look.
public struct AppliedOverride: Hashable, Sendable {
    /// The parameter.
    public var parameter: PolicyParameter
    /// The override as given (value, reason, author, validity).
    public var override: Override
    /// The computed value (no overrides at all).
    public var computed: Double
    /// The final value (= the override's value).
    public var final: Double
    /// (final − computed)/|computed|, `nil` when the computed value is 0.
    public var relativeDifference: Double?
    /// The threshold it was judged against.
    public var threshold: Double
    /// Whether the difference exceeds the threshold.
    public var flagged: Bool

    /// Creates an applied override and decides the flag.
    public init(parameter: PolicyParameter, override: Override, computed: Double, final: Double, threshold: Double) {
        self.parameter = parameter
        self.override = override
        self.computed = computed
        self.final = final
        self.threshold = threshold
        if computed != 0 {
            let difference = (final - computed) / abs(computed)
            self.relativeDifference = difference
            self.flagged = abs(difference) > threshold
        } else {
            self.relativeDifference = nil
            self.flagged = final != 0
        }
    }
}

/// An override that did not apply, and why.
public struct IgnoredOverride: Hashable, Sendable {
    /// Why it did not apply.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// valid_to is before the planning date.
        case expired
        /// valid_from is after the planning date.
        case notYetValid = "not_yet_valid"
        /// The parameter is not one of ``PolicyParameter``.
        case unknownParameter = "unknown_parameter"
        /// The value is outside the parameter's domain.
        case invalidValue = "invalid_value"
        /// Another valid override of the same parameter wins (later valid_from, or later in the file).
        case superseded
    }

    /// The override as given.
    public var override: Override
    /// Why it was ignored.
    public var reason: Reason
}
