import Foundation

/// Planner's words for the policy parameters the API names in snake case (`review_period_days` →
/// "Review period (days)"), so that pages show no field names.
enum ParameterLabel {
    /// The label of a parameter; `period` is the planning period (`week`, `month`, `day`).
    static func text(_ parameter: String, period: String) -> String {
        switch parameter {
        case "service_level": return "Service level"
        case "review_period_days": return "Review period (days)"
        case "forecast_per_bucket", "forecast": return "Forecast per \(period)"
        case "forecast_uplift": return "Forecast uplift (factor)"
        case "safety_stock": return "Safety stock"
        case "reorder_point": return "Reorder point"
        case "order_up_to_level": return "Order-up-to level"
        case "order_quantity": return "Order quantity"
        case "min": return "ERP min"
        case "max": return "ERP max"
        default: return parameter.replacingOccurrences(of: "_", with: " ")
        }
    }
}
