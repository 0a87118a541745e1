import InventoryCore
import InventoryPolicy

/// The columns of `overrides.csv`.
enum OverridesColumn: String, CSVColumn {
    case itemID = "item_id"
    case locationID = "location_id"
    case parameter
    case value
    case reason
    case author
    case validFrom = "valid_from"
    case validTo = "valid_to"

    var isRequired: Bool {
        switch self {
        case .author, .validFrom, .validTo: return false
        default: return true
        }
    }
}

extension ImportRun {
    /// Reads `overrides.csv`: each row parsed (keys, number, dates), then checked by the one set of
    /// override rules (``OverrideRules``: a parameter that can be overridden, a value in its domain,
    /// a reason of 1 to 500 characters, an author of at most 100, a validity window whose end is
    /// not before its start), every broken rule reported at its field.
    mutating func readOverrides() {
        guard case .table(let table) = open(.overrides, OverridesColumn.self) else { return }
        let itemField = table.field(.itemID)
        let locationField = table.field(.locationID)
        let parameterField = table.field(.parameter)
        let valueField = table.field(.value)
        let reasonField = table.field(.reason)
        let authorField = table.field(.author)
        let fromField = table.field(.validFrom)
        let toField = table.field(.validTo)
        rowCounts[.overrides] = table.forEachRow { row in
            let item = row.reference(itemField, in: &itemKeys)
            let location = row.reference(locationField, in: &locationKeys)
            let parameter = row.requiredText(parameterField, expected: "a parameter name such as safety_stock")
                .trimmingSpaces().lowercased()
            let valueBlank = row.isBlank(valueField)
            let value = row.optionalNumber(valueField, .any)
            if valueBlank { row.reject(valueField, expected: "a number") }
            let reason = row.text(reasonField).trimmingSpaces()
            let author = row.text(authorField).trimmingSpaces()
            let from = row.optionalDay(fromField)
            let to = row.optionalDay(toField)
            let fields: [String: CSVField] = [
                "item_id": itemField, "location_id": locationField, "parameter": parameterField, "value": valueField,
                "reason": reasonField, "author": authorField, "valid_to": toField,
            ]
            for problem in OverrideRules.problems(
                itemID: row.text(itemField), locationID: row.text(locationField), parameter: parameter, value: value,
                reason: reason,
                author: author, validFrom: from, validTo: to) where !(parameter.isEmpty && problem.field == "parameter")
            {
                row.reject(fields[problem.field] ?? parameterField, expected: problem.expected)
            }
            guard !row.failed, let value else { return }
            overrides.append(
                Override(
                    item: item, location: location, parameter: parameter, value: value, reason: reason, author: author,
                    validFrom: from, validTo: to
                )
            )
        }
    }
}
