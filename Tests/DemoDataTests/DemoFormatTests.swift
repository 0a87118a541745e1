import DataImport
import DemoData
import Foundation
import InventoryCore
import Testing

/// Whether `text` is a plain decimal: optional minus, digits, optionally `.` and digits not ending
/// in 0 (no exponent, no grouping, no trailing zeros, no `+`).
func isPlainDecimal(_ text: String) -> Bool {
    var body = Substring(text)
    if body.hasPrefix("-") { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII),
        whole.allSatisfy(\.isNumber), whole == "0" || !whole.hasPrefix("0")
    else { return false }
    if parts.count == 2 {
        let fraction = parts[1]
        return !fraction.isEmpty && fraction.allSatisfy { $0.isASCII && $0.isNumber } && !fraction.hasSuffix("0")
    }
    return true
}

@Suite("Demo data: files, headers and formats (DATA_FORMAT.md)")
struct DemoFormatTests {
    static let headers: [String: [String]] = [
        "items.csv": [
            "item_id", "description", "category", "base_uom", "unit_cost", "criticality", "lifecycle",
            "successor_item_id", "shelf_life_days",
        ],
        "uom_conversions.csv": ["item_id", "uom", "base_units_per_uom"],
        "locations.csv": ["location_id", "name", "company_id", "region"],
        "suppliers.csv": ["supplier_id", "name", "country"],
        "sourcing.csv": [
            "item_id", "location_id", "supplier_id", "purchase_uom", "units_per_purchase_uom", "lead_time_days",
            "lead_time_sd_days", "moq", "order_multiple", "unit_price", "price_breaks", "share", "ownership",
        ],
        "demand.csv": ["date", "item_id", "location_id", "quantity"],
        "inventory.csv": ["item_id", "location_id", "on_hand", "ownership", "supplier_id", "received_date", "as_of"],
        "open_orders.csv": ["order_id", "item_id", "location_id", "supplier_id", "from_location_id", "quantity", "due_date"],
        "receipts.csv": [
            "order_id", "item_id", "location_id", "supplier_id", "order_date", "due_date", "receipt_date",
            "quantity", "ordered_quantity", "unit_price",
        ],
        "transactions.csv": [
            "key", "date", "type", "item_id", "location_id", "quantity", "uom", "to_location_id",
            "supplier_id", "owner", "unit_cost", "reason", "reference",
        ],
        "stockouts.csv": ["date", "item_id", "location_id"],
        "stock_history.csv": ["date", "item_id", "location_id", "on_hand", "ownership"],
        "overrides.csv": ["item_id", "location_id", "parameter", "value", "reason", "author", "valid_from", "valid_to"],
    ]

    /// Columns that must hold a plain decimal (when not empty), and whether they may be empty.
    static let numberColumns: [String: [(column: String, optional: Bool)]] = [
        "items.csv": [("unit_cost", false), ("shelf_life_days", true)],
        "uom_conversions.csv": [("base_units_per_uom", false)],
        "sourcing.csv": [
            ("units_per_purchase_uom", false), ("lead_time_days", false), ("lead_time_sd_days", false),
            ("moq", true), ("order_multiple", true), ("unit_price", false), ("share", false),
        ],
        "demand.csv": [("quantity", false)],
        "inventory.csv": [("on_hand", false)],
        "open_orders.csv": [("quantity", false)],
        "receipts.csv": [("quantity", false), ("ordered_quantity", false), ("unit_price", false)],
        "transactions.csv": [("quantity", false), ("unit_cost", true)],
        "overrides.csv": [("value", false)],
    ]

    static let dateColumns: [String: [(column: String, optional: Bool)]] = [
        "demand.csv": [("date", false)],
        "inventory.csv": [("received_date", true), ("as_of", false)],
        "open_orders.csv": [("due_date", false)],
        "receipts.csv": [("order_date", false), ("due_date", false), ("receipt_date", false)],
        "transactions.csv": [("date", false)],
        "stockouts.csv": [("date", false)],
        "overrides.csv": [("valid_from", true), ("valid_to", true)],
    ]

    @Test("every file of the contract is written, parses as strict RFC 4180 CSV and has exactly its header")
    func headers() throws {
        let folder = try DemoFolder.shared.get()
        #expect(Set(folder.files.keys) == Set(DemoDataWriter.fileNames))
        // The demo company signs no VMI agreements (agreements.csv is optional; docs/vmi.md).
        #expect(Set(DemoDataWriter.fileNames) == Set(DataFolderFile.allCases.map(\.rawValue)).subtracting(["agreements.csv"]))
        for (name, header) in Self.headers {
            let table = try folder.table(name)
            #expect(table.header == header, "\(name)")
            #expect(!table.rows.isEmpty, "\(name) has no rows")
            #expect(folder.summary.rows(in: name) == table.rows.count, "\(name): summary row count")
        }
    }

    @Test("numbers are plain decimals (no exponent, grouping or trailing zeros), dates are ISO days")
    func formats() throws {
        let folder = try DemoFolder.shared.get()
        for (name, columns) in Self.numberColumns {
            let table = try folder.table(name)
            for (column, optional) in columns {
                for (row, value) in try table.values(column).enumerated() {
                    if value.isEmpty {
                        #expect(optional, "\(name):\(row + 2) \(column) is empty")
                    } else {
                        #expect(isPlainDecimal(value), "\(name):\(row + 2) \(column) '\(value)'")
                    }
                }
            }
        }
        for (name, columns) in Self.dateColumns {
            let table = try folder.table(name)
            for (column, optional) in columns {
                for (row, value) in try table.values(column).enumerated() where !(optional && value.isEmpty) {
                    let day = try Day.parse(value, "\(name):\(row + 2) \(column)")
                    #expect(day.isoString == value)
                }
            }
        }
    }

    @Test("quantities are ≥ 0 (> 0 for demand and receipts); enumerations use the contract's words")
    func values() throws {
        let folder = try DemoFolder.shared.get()
        for name in ["demand.csv", "receipts.csv", "open_orders.csv"] {
            for value in try folder.table(name).values("quantity") { #expect(try parseNumber(value, name) > 0, "\(name)") }
        }
        for value in try folder.table("inventory.csv").values("on_hand") { #expect(try parseNumber(value, "on_hand") >= 0) }
        for value in try folder.table("items.csv").values("unit_cost") { #expect(try parseNumber(value, "unit_cost") >= 0) }
        let items = try folder.table("items.csv")
        #expect(Set(try items.values("criticality")).isSubset(of: ["V", "E", "D"]))
        #expect(Set(try items.values("lifecycle")).isSubset(of: ["active", "new", "phase_out", "obsolete"]))
        #expect(Set(try items.values("item_id")).allSatisfy { (1...64).contains($0.count) })
        let owners: Set<String> = ["owned", "consignment", "vmi"]
        #expect(Set(try folder.table("sourcing.csv").values("ownership")).isSubset(of: owners))
        #expect(Set(try folder.table("inventory.csv").values("ownership")).isSubset(of: owners))
        #expect(Set(try folder.table("transactions.csv").values("owner")).isSubset(of: owners))
        let types = Set(PostingType.allCases.map(\.rawValue))
        #expect(Set(try folder.table("transactions.csv").values("type")).isSubset(of: types))
        for value in try folder.table("sourcing.csv").values("price_breaks") where !value.isEmpty {
            let breaks = value.split(separator: ";").map { $0.split(separator: ":") }
            #expect(
                breaks.count >= 1
                    && breaks.allSatisfy { $0.count == 2 && isPlainDecimal(String($0[0])) && isPlainDecimal(String($0[1])) },
                "price_breaks '\(value)'")
            let quantities = breaks.compactMap { Double($0[0]) }
            #expect(quantities == quantities.sorted() && Set(quantities).count == quantities.count, "ascending: '\(value)'")
        }
    }

    @Test("fields with commas and quotes are quoted (RFC 4180) and read back intact")
    func quoting() throws {
        let folder = try DemoFolder.shared.get()
        let descriptions = try folder.table("items.csv").values("description")
        #expect(descriptions.contains { $0.contains(",") })
        #expect(descriptions.contains { $0.contains("\"") })
        let raw = String(decoding: try #require(folder.files["items.csv"]), as: UTF8.self)
        #expect(raw.contains("\"\""), "a double quote inside a field is doubled")
        #expect(try folder.table("suppliers.csv").values("name").contains { $0.contains(",") })
    }

    @Test(
        "demand covers the history exactly: first day ≥ 2023-12-04 (Monday), last day 2026-11-29 (Sunday, the day before as_of)")
    func historyWindow() throws {
        let folder = try DemoFolder.shared.get()
        let configuration = folder.configuration
        #expect(configuration.historyStart.isoString == "2023-12-04" && configuration.historyStart.isoWeekday == 1)
        #expect(configuration.asOf.isoString == "2026-11-30" && configuration.asOf.isoWeekday == 1)
        let dates = try folder.table("demand.csv").values("date").map { try Day.parse($0, "demand.csv") }
        let first = try #require(dates.min())
        let last = try #require(dates.max())
        #expect(first >= configuration.historyStart)
        #expect(last == configuration.asOf.adding(days: -1))
        #expect(last.isoWeekday == 7)
        #expect(Set(try folder.table("inventory.csv").values("as_of")) == [configuration.asOf.isoString])
        for day in try folder.table("stockouts.csv").values("date").map({ try Day.parse($0, "stockouts.csv") }) {
            #expect(day >= configuration.historyStart && day < configuration.asOf)
        }
        // The ledger's last 12 months (history before the count) and the postings of the count date.
        let postingDays = try folder.table("transactions.csv").values("date").map { try Day.parse($0, "transactions.csv") }
        #expect(postingDays.allSatisfy { $0 >= configuration.ledgerStart && $0 <= configuration.asOf })
        #expect(
            postingDays.contains(configuration.asOf) && postingDays.contains { $0 < configuration.ledgerStart.adding(days: 14) })
    }

    @Test("settings.yaml writes the documented defaults under the contract's keys")
    func settings() throws {
        let folder = try DemoFolder.shared.get()
        let text = String(decoding: try #require(folder.files["settings.yaml"]), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init).filter {
            !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
        }
        for expected in [
            "bucket: week", "history_buckets: 156", "classification:", "  window_buckets: 52", "  abc_cutoffs: [0.80, 0.95]",
            "  xyz_cutoffs: [0.5, 1.0]", "holding_cost_rate: 0.25", "order_cost: 50", "review_period_days: 7", "currency: EUR",
        ] {
            #expect(lines.contains(expected), "settings.yaml lacks '\(expected)'")
        }
        #expect(text.hasPrefix("# Procura demo data"))
        #expect(text.contains("# Annual cost of holding stock"), "values are commented")
    }
}
