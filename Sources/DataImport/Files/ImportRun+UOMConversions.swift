import InventoryCore

/// The columns of `uom_conversions.csv`.
enum UOMConversionsColumn: String, CSVColumn {
    case itemID = "item_id"
    case uom
    case baseUnitsPerUOM = "base_units_per_uom"

    var isRequired: Bool { true }
}

extension ImportRun {
    /// Reads `uom_conversions.csv`: one row per item and unit (units compare ignoring case), a
    /// factor > 0, and 1 for the base unit itself.
    mutating func readUOMConversions() {
        guard case .table(let table) = open(.uomConversions, UOMConversionsColumn.self) else { return }
        let itemField = table.field(.itemID)
        let uomField = table.field(.uom)
        let factorField = table.field(.baseUnitsPerUOM)
        var lineOfUnit: [Int32: [String: Int]] = [:]
        rowCounts[.uomConversions] = table.forEachRow { row in
            let item = row.reference(itemField, in: &itemKeys)
            let uom = row.requiredText(uomField, expected: "a unit of measure such as BOX").trimmingSpaces()
            let factor = row.number(factorField, .positive)
            guard !row.failed else { return }
            let unit = uom.uppercased()
            if let line = lineOfUnit[item]?[unit] {
                row.reject(uomField, expected: "one row per item_id and uom (line \(line) has it too)", code: .duplicateKey)
                return
            }
            lineOfUnit[item, default: [:]][unit] = row.line
            if unit == items[Int(item)].baseUOM.uppercased() {
                if factor != 1 {
                    row.reject(factorField, expected: "1 for the base unit \(items[Int(item)].baseUOM)")
                }
                return
            }
            conversions.append(UOMConversion(item: item, uom: uom, baseUnitsPerUOM: factor))
            unitsByItem[item, default: [:]][unit] = factor
        }
    }

    /// Base units per one `uom` of `item`: 1 for the base unit, the conversion factor otherwise,
    /// `nil` when the unit does not convert.
    func baseUnits(per uom: String, of item: Int32) -> Double? {
        let unit = uom.uppercased()
        if unit == items[Int(item)].baseUOM.uppercased() { return 1 }
        return unitsByItem[item]?[unit]
    }
}
