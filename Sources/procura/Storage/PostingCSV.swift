import DataImport
import InventoryCore
import Storage

/// Reads `transactions.csv` (DATA_FORMAT.md) into posting requests, with errors that name the
/// file, line, column and value.
enum PostingCSV {
    struct Failure: Error {
        var messages: [String]
    }

    static let required = ["key", "date", "type", "item_id", "location_id", "quantity"]

    static func read(path: String, file: String) throws(Failure) -> [(line: Int, request: PostingRequest)] {
        let csv: CSVDocument
        do {
            csv = try CSVDocument(path: path, name: file)
        } catch {
            throw Failure(messages: [error.message])
        }
        let missing = required.filter { csv.column($0) == nil }
        guard missing.isEmpty else {
            throw Failure(messages: ["\(file):1: missing column(s) \(missing.joined(separator: ", ")) — expected the transactions.csv header"])
        }
        var errors: [String] = []
        var requests: [(Int, PostingRequest)] = []
        for (line, fields) in csv.rows {
            func value(_ name: String) -> String {
                guard let i = csv.column(name), i < fields.count else { return "" }
                return fields[i]
            }
            func fail(_ name: String, _ expected: String) {
                let column = (csv.column(name) ?? 0) + 1
                errors.append("\(file):\(line):\(column): \(name) '\(value(name))' — expected \(expected)")
            }
            let date = Day(iso: value("date"))
            if date == nil { fail("date", "a date YYYY-MM-DD") }
            let type = PostingType(rawValue: value("type").lowercased())
            if type == nil { fail("type", "one of " + PostingType.allCases.map(\.rawValue).joined(separator: ", ")) }
            let quantity = Double(value("quantity"))
            if quantity == nil || !(quantity!.isFinite) { fail("quantity", "a number") }
            var owner: Ownership? = nil
            if !value("owner").isEmpty {
                owner = Ownership(rawValue: value("owner").lowercased())
                if owner == nil { fail("owner", "owned, consignment or vmi") }
            }
            var cost: Double? = nil
            if !value("unit_cost").isEmpty {
                cost = Double(value("unit_cost"))
                if cost == nil || cost! < 0 { fail("unit_cost", "a number ≥ 0") }
            }
            if value("key").isEmpty { fail("key", "an idempotency key") }
            if value("item_id").isEmpty { fail("item_id", "an item key") }
            if value("location_id").isEmpty { fail("location_id", "a location key") }
            guard let date, let type, let quantity, !value("key").isEmpty else { continue }
            func optional(_ name: String) -> String? { value(name).isEmpty ? nil : value(name) }
            requests.append(
                (
                    line,
                    PostingRequest(
                        key: value("key"), date: date, type: type, itemID: value("item_id"), locationID: value("location_id"),
                        quantity: quantity, uom: optional("uom"), toLocationID: optional("to_location_id"),
                        supplierID: optional("supplier_id"), owner: owner, unitCost: cost, reason: value("reason"),
                        reference: value("reference"))
                ))
        }
        guard errors.isEmpty else { throw Failure(messages: errors) }
        return requests
    }
}
