import InventoryCore

/// The byte budget of a list response (``WebAppConfiguration/listByteBudget``, 1 MiB by default): a
/// page holds at most `limit` entries and stops early once their JSON passes the budget, so no
/// list answer grows without bound whatever the entries hold; `next_cursor` continues after the
/// last entry sent. A page always holds at least one entry (one entry is bounded by the
/// documented text limits).
enum ListBudget {
    /// The leading `elements` whose JSON fits in `budget` bytes (at least one).
    static func fit<T: Encodable>(_ elements: some Sequence<T>, budget: Int) throws -> [T] {
        try fit(elements, budget: budget) { try JSONValueEncoder().encode($0).minified.utf8.count }
    }

    /// The leading `elements` whose sizes (`size`, in bytes) fit in `budget` (at least one).
    static func fit<T>(_ elements: some Sequence<T>, budget: Int, size: (T) throws -> Int) rethrows -> [T] {
        var total = 0
        var page: [T] = []
        for element in elements {
            let bytes = try size(element) + 1  // the separating comma
            if !page.isEmpty, total + bytes > budget { break }
            page.append(element)
            total += bytes
        }
        return page
    }
}
