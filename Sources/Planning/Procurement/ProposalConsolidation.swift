public import InventoryCore

/// Groups proposal lines into proposed purchase orders: per supplier and receiving location, the
/// lines in order of release date (at the earliest the planning date); a line released more than
/// `consolidationDays` after the first line of the open order starts a new one.
public enum ProposalConsolidation {
    /// The proposed orders of `lines` (each with its release date), by supplier, location and
    /// release date, numbered from 1.
    public static func orders(_ lines: [(release: Day, line: ProposalLine)], asOf: Day, consolidationDays: Int)
        -> [ProposedOrder]
    {
        var groups: [String: [(Day, ProposalLine)]] = [:]
        for (release, line) in lines {
            groups[line.supplierId + "\u{1F}" + line.locationId, default: []].append((max(release, asOf), line))
        }
        var orders: [ProposedOrder] = []
        for key in groups.keys.sorted() {
            let sorted = groups[key, default: []].sorted { ($0.0, $0.1.itemId) < ($1.0, $1.1.itemId) }
            var current: [(Day, ProposalLine)] = []
            func close() {
                guard let first = current.first else { return }
                let lines = current.map(\.1).sorted { ($0.itemId, $0.dueDate) < ($1.itemId, $1.dueDate) }
                orders.append(
                    ProposedOrder(
                        number: 0, supplierId: first.1.supplierId, locationId: first.1.locationId,
                        releaseDate: first.0.description, lateLines: lines.filter { $0.daysLate > 0 }.count,
                        value: lines.reduce(0) { $0 + $1.value }, lines: lines))
                current = []
            }
            for entry in sorted {
                if let first = current.first, first.0.distance(to: entry.0) > consolidationDays { close() }
                current.append(entry)
            }
            close()
        }
        for k in orders.indices { orders[k].number = k + 1 }
        return orders
    }
}
