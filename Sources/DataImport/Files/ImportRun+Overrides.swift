import InventoryCore

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
    /// Reads `overrides.csv`: a parameter name, a number, a reason, and a validity window whose
    /// end is not before its start.
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
            let value = row.number(valueField, .any)
            let reason = row.requiredText(reasonField, expected: "a reason for the override").trimmingSpaces()
            let author = row.text(authorField).trimmingSpaces()
            let from = row.optionalDay(fromField)
            let to = row.optionalDay(toField)
            if let from, let to, to < from {
                row.reject(toField, expected: "a date on or after valid_from \(from)")
            }
            guard !row.failed else { return }
            overrides.append(
                Override(
                    item: item, location: location, parameter: parameter, value: value, reason: reason, author: author,
                    validFrom: from, validTo: to
                )
            )
        }
    }
}
