import InventoryCore

/// The columns of `items.csv`.
enum ItemsColumn: String, CSVColumn {
    case itemID = "item_id"
    case description
    case category
    case baseUOM = "base_uom"
    case unitCost = "unit_cost"
    case criticality
    case lifecycle
    case successorItemID = "successor_item_id"
    case shelfLifeDays = "shelf_life_days"

    var isRequired: Bool { self == .itemID || self == .unitCost }
}

extension ImportRun {
    static let criticalityOptions: KeyValuePairs<String, Criticality> = [
        "V": .vital, "E": .essential, "D": .desirable,
    ]
    static let lifecycleOptions: KeyValuePairs<String, Lifecycle> = [
        "active": .active, "new": .new, "phase_out": .phaseOut, "obsolete": .obsolete,
    ]

    /// A successor named on a line of items.csv, resolved once every item is known.
    private struct SuccessorReference {
        var item: Int32
        var key: String
        var line: Int
        var column: Int?
    }

    /// Reads `items.csv`: keys 1–64 characters and unique, cost ≥ 0, enums, successors that
    /// exist and do not form cycles.
    mutating func readItems() {
        guard case .table(let table) = open(.items, ItemsColumn.self) else {
            itemKeys.isUnchecked = true
            return
        }
        let id = table.field(.itemID)
        let description = table.field(.description)
        let category = table.field(.category)
        let baseUOM = table.field(.baseUOM)
        let unitCost = table.field(.unitCost)
        let criticality = table.field(.criticality)
        let lifecycle = table.field(.lifecycle)
        let successor = table.field(.successorItemID)
        let shelfLife = table.field(.shelfLifeDays)
        var successors: [SuccessorReference] = []
        let count = table.forEachRow { row in
            let raw = row.bytes(id)
            guard let key = ByteText.string(raw) else {
                row.reject(id, expected: "valid UTF-8 text (save the file as UTF-8)", code: .invalidUTF8)
                return
            }
            guard (1...64).contains(key.count) else {
                row.reject(id, expected: "1–64 characters")
                return
            }
            let (index, inserted) = itemKeys.keys.insert(raw)
            guard inserted else {
                row.reject(id, expected: "a unique item_id (line \(itemLines[Int(index)]) has it too)", code: .duplicateKey)
                return
            }
            var uom = row.text(baseUOM).trimmingSpaces()
            if uom.isEmpty { uom = "EA" }
            let item = Item(
                id: key, description: row.text(description), category: row.text(category), baseUOM: uom,
                unitCost: row.number(unitCost, .nonNegative),
                criticality: row.choice(criticality, Self.criticalityOptions, default: .essential),
                lifecycle: row.choice(lifecycle, Self.lifecycleOptions, default: .active),
                shelfLifeDays: row.optionalWholeNumber(shelfLife, .positive)
            )
            // Keep the item even when a field is bad, so later files do not report it unknown.
            items.append(item)
            itemLines.append(row.line)
            let successorKey = row.text(successor)
            if !successorKey.isEmpty {
                successors.append(SuccessorReference(item: index, key: successorKey, line: row.line, column: successor.column))
            }
        }
        rowCounts[.items] = count
        if count == 0 {
            reportNoRows(.items, what: "items")
            itemKeys.isUnchecked = true
        }
        resolveSuccessors(successors)
    }

    private mutating func resolveSuccessors(_ references: [SuccessorReference]) {
        var referenceOfItem: [Int32: SuccessorReference] = [:]
        for reference in references {
            guard let target = itemKeys.keys.find(reference.key) else {
                log.add(
                    .invalidValue(
                        .unknownReference, file: .items, line: reference.line, column: reference.column,
                        field: ItemsColumn.successorItemID.rawValue, value: ImportIssue.display(reference.key),
                        expected: itemKeys.expected
                    )
                )
                continue
            }
            items[Int(reference.item)].successor = target
            referenceOfItem[reference.item] = reference
        }
        // Successor chains must end: colour items white (0), on the current path (1), done (2).
        var state = [UInt8](repeating: 0, count: items.count)
        for start in items.indices where state[start] == 0 {
            var path: [Int] = []
            var current = start
            while state[current] == 0 {
                state[current] = 1
                path.append(current)
                guard let next = items[current].successor else { break }
                current = Int(next)
            }
            if state[current] == 1, let entry = path.firstIndex(of: current) {
                let cycle = Array(path[entry...])
                // Report at the cycle's first line in the file.
                let first = cycle.min { itemLines[$0] < itemLines[$1] } ?? cycle[0]
                let rotation = cycle.firstIndex(of: first) ?? 0
                let ordered = Array(cycle[rotation...] + cycle[..<rotation]) + [first]
                let names = ordered.map { items[$0].id }.joined(separator: " → ")
                if let reference = referenceOfItem[Int32(first)] {
                    log.add(
                        .invalidValue(
                            .successorCycle, file: .items, line: reference.line, column: reference.column,
                            field: ItemsColumn.successorItemID.rawValue, value: ImportIssue.display(reference.key),
                            expected: "a successor chain that ends, got the cycle \(names)"
                        )
                    )
                }
            }
            for i in path { state[i] = 2 }
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let c = view.first, c == " " || c == "\t" { view.removeFirst() }
        while let c = view.last, c == " " || c == "\t" { view.removeLast() }
        return String(view)
    }
}
