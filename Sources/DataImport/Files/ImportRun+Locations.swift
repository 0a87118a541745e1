import InventoryCore

/// The columns of `locations.csv`.
enum LocationsColumn: String, CSVColumn {
    case locationID = "location_id"
    case name
    case companyID = "company_id"
    case region

    var isRequired: Bool { self == .locationID }
}

/// The columns of `suppliers.csv`.
enum SuppliersColumn: String, CSVColumn {
    case supplierID = "supplier_id"
    case name
    case country

    var isRequired: Bool { self == .supplierID }
}

extension ImportRun {
    /// Reads `locations.csv`. Without the file, locations are taken from the other files as they
    /// are named.
    mutating func readLocations() {
        switch open(.locations, LocationsColumn.self) {
        case .absent:
            locationKeys.isImplicit = true
        case .unusable:
            locationKeys.isUnchecked = true
        case .table(let table):
            let id = table.field(.locationID)
            let name = table.field(.name)
            let company = table.field(.companyID)
            let region = table.field(.region)
            rowCounts[.locations] = table.forEachRow { row in
                guard let key = uniqueKey(&row, id, in: &locationKeys, lines: locationLines) else { return }
                locations.append(
                    Location(id: key, name: row.text(name), companyID: row.text(company), region: row.text(region))
                )
                locationLines.append(row.line)
            }
        }
    }

    /// Reads `suppliers.csv`. Without the file, suppliers are taken from the other files as they
    /// are named.
    mutating func readSuppliers() {
        switch open(.suppliers, SuppliersColumn.self) {
        case .absent:
            supplierKeys.isImplicit = true
        case .unusable:
            supplierKeys.isUnchecked = true
        case .table(let table):
            let id = table.field(.supplierID)
            let name = table.field(.name)
            let country = table.field(.country)
            rowCounts[.suppliers] = table.forEachRow { row in
                guard let key = uniqueKey(&row, id, in: &supplierKeys, lines: supplierLines) else { return }
                suppliers.append(Supplier(id: key, name: row.text(name), country: row.text(country)))
                supplierLines.append(row.line)
            }
        }
    }

    /// Registers the key of a master-data row: non-empty UTF-8, not seen before.
    func uniqueKey(_ row: inout CSVRow, _ field: CSVField, in registry: inout Registry, lines: [Int]) -> String? {
        let raw = row.bytes(field)
        guard let key = ByteText.string(raw) else {
            row.reject(field, expected: "valid UTF-8 text (save the file as UTF-8)", code: .invalidUTF8)
            return nil
        }
        guard !ByteText.isBlank(raw) else {
            row.reject(field, expected: "a \(field.name)")
            return nil
        }
        let (index, inserted) = registry.keys.insert(raw)
        guard inserted else {
            row.reject(field, expected: "a unique \(field.name) (line \(lines[Int(index)]) has it too)", code: .duplicateKey)
            return nil
        }
        return key
    }
}
