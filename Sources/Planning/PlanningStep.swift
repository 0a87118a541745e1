/// A step of the plan run, for progress reporting.
public enum PlanningStep: String, Sendable, CaseIterable {
    case classification
    case forecasting
    case policies
    case explanation
}
