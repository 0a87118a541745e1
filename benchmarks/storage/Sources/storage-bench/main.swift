import Foundation
import InventoryCore
import Storage

// Usage: storage-bench [demand ROWS] [postings N] [concurrent WRITERS PER_WRITER] — each on a fresh
// SQLite file in a temporary folder; `concurrent` also runs on PostgreSQL when
// PROCURA_BENCH_POSTGRES_URL is set (the database is emptied first).

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func freshSQLite(_ name: String, synchronous: String = "full") throws -> DatabaseURL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try DatabaseURL(parsing: "sqlite:\(folder.appendingPathComponent(name).path)?synchronous=\(synchronous)")
}

/// Master data: `items` items, two locations.
func masterData(items: Int, weeks: [Double] = []) -> Snapshot {
    let asOf = Day(year: 2026, month: 11, day: 30)!
    let calendar = BucketCalendar(size: .week)
    let lastBucket = calendar.bucket(containing: asOf.adding(days: -1))
    let width = weeks.count
    var series: [ItemLocation] = []
    var quantities: [Double] = []
    if width > 0 {
        for i in 0..<items {
            series.append(ItemLocation(item: Int32(i), location: 0))
            quantities += weeks.map { $0 + Double(i % 13) }
        }
    }
    let history = DemandHistory(
        calendar: calendar, firstBucket: lastBucket - Int32(max(width, 1)) + 1, bucketCount: width, series: series, quantities: quantities)
    return Snapshot(
        asOf: asOf, items: (0..<items).map { Item(id: "ITEM-\($0)", unitCost: 1.25) },
        locations: [Location(id: "DC1", companyID: "C1"), Location(id: "DC2", companyID: "C1")], suppliers: [Supplier(id: "S1")],
        demand: history)
}

func demandImport(rows: Int) async throws {
    let weeks = 100
    let items = rows / weeks
    let snapshot = masterData(items: items, weeks: (0..<weeks).map { Double($0 % 9 + 1) })
    let url = try freshSQLite("demand.sqlite")
    let store = try await Store.open(url)
    var summary = ImportSummary()
    let t = try await seconds { summary = try await store.importSnapshot(snapshot) }
    let n = summary.upserted["demand"] ?? 0
    print(String(format: "demand import: %d rows (+%d items) in %.2f s = %.0f rows/s (SQLite, one transaction, synchronous=FULL)", n, items, t, Double(n) / t))
    let again = try await seconds { summary = try await store.importSnapshot(snapshot) }
    print(String(format: "demand re-import of the same snapshot: %.2f s = %.0f rows/s", again, Double(n) / again))
    await store.close()
}

func singlePostings(count: Int, synchronous: String) async throws {
    let url = try freshSQLite("postings.sqlite", synchronous: synchronous)
    let store = try await Store.open(url)
    _ = try await store.importSnapshot(masterData(items: 100))
    let day = Day(year: 2026, month: 11, day: 2)!
    let t = try await seconds {
        for k in 0..<count {
            _ = try await store.post(
                PostingRequest(key: "p-\(k)", date: day, type: .receipt, itemID: "ITEM-\(k % 100)", locationID: "DC1", quantity: 1))
        }
    }
    print(String(format: "single postings: %d in %.2f s = %.0f postings/s (SQLite, one transaction each, synchronous=%@)", count, t, Double(count) / t, synchronous.uppercased()))
    guard try await store.verify().isConsistent else { fatalError("verify failed") }
    await store.close()
}

func concurrent(writers: Int, perWriter: Int, url: DatabaseURL, label: String) async throws {
    let store = try await Store.open(url, connections: writers)
    _ = try await store.importSnapshot(masterData(items: 100))
    let day = Day(year: 2026, month: 11, day: 2)!
    var replays = 0
    let t = try await seconds {
        replays = try await withThrowingTaskGroup(of: Int.self) { group in
            for w in 0..<writers {
                group.addTask {
                    var replayed = 0
                    for k in 0..<perWriter {
                        let request = PostingRequest(
                            key: "w\(w)-\(k)", date: day, type: .receipt, itemID: "ITEM-\(k % 100)", locationID: w % 2 == 0 ? "DC1" : "DC2",
                            quantity: Double(k % 7 + 1))
                        _ = try await store.post(request)
                        if k % 10 == 0, try await store.post(request).replayed { replayed += 1 }
                    }
                    return replayed
                }
            }
            return try await group.reduce(0, +)
        }
    }
    let entries = try await store.entryCount()
    let consistent = try await store.verify().isConsistent
    let total = try await store.positions().reduce(Int64(0)) { $0 + $1.onHand }
    let expected = Int64(writers) * (0..<perWriter).reduce(Int64(0)) { $0 + Int64($1 % 7 + 1) } * 1_000_000
    print(
        String(
            format: "concurrent (%@): %d writers × %d postings, every 10th retried: %.2f s = %.0f postings/s; entries %d (expected %d), replays %d, on-hand %@, verify %@",
            label, writers, perWriter, t, Double(writers * perWriter) / t, entries, writers * perWriter, replays,
            total == expected ? "correct" : "WRONG", consistent ? "ok" : "FAILED"))
    await store.close()
}

func concurrentClients(clients: Int, perClient: Int, url: DatabaseURL, label: String) async throws {
    let store = try await Store.open(url, connections: clients)
    _ = try await store.importSnapshot(masterData(items: 100))
    let day = Day(year: 2026, month: 11, day: 2)!
    let t = try await seconds {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for c in 0..<clients {
                group.addTask {
                    for k in 0..<perClient {
                        _ = try await store.post(
                            PostingRequest(key: "c\(c)-\(k)", date: day, type: .receipt, itemID: "ITEM-\(k % 100)", locationID: "DC1", quantity: 1))
                    }
                }
            }
            try await group.waitForAll()
        }
    }
    let n = clients * perClient
    print(String(format: "single postings from %d concurrent clients: %d in %.2f s = %.0f postings/s (%@, each its own posting, acknowledged after commit)", clients, n, t, Double(n) / t, label))
    guard try await store.entryCount() == n, try await store.verify().isConsistent else { fatalError("verify failed") }
    await store.close()
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.isEmpty { arguments = ["demand", "1000000", "postings", "20000", "concurrent", "8", "10000"] }
var i = 0
while i < arguments.count {
    switch arguments[i] {
    case "demand":
        try await demandImport(rows: Int(arguments[i + 1]) ?? 1_000_000)
        i += 2
    case "postings", "postings-full", "postings-normal":
        let n = Int(arguments[i + 1]) ?? 20_000
        if arguments[i] != "postings-normal" { try await singlePostings(count: n, synchronous: "full") }
        if arguments[i] != "postings-full" { try await singlePostings(count: n, synchronous: "normal") }
        i += 2
    case "clients":
        // Single postings from N concurrent clients (group commit on SQLite).
        let clients = Int(arguments[i + 1]) ?? 8
        let n = Int(arguments[i + 2]) ?? 2_000
        for synchronous in ["full", "normal"] {
            try await concurrentClients(clients: clients, perClient: n, url: try freshSQLite("clients.sqlite", synchronous: synchronous), label: "SQLite, synchronous=\(synchronous.uppercased())")
        }
        i += 3
    case "concurrent":
        let writers = Int(arguments[i + 1]) ?? 8
        let perWriter = Int(arguments[i + 2]) ?? 10_000
        try await concurrent(writers: writers, perWriter: perWriter, url: try freshSQLite("concurrent.sqlite"), label: "SQLite, synchronous=FULL")
        if let pg = ProcessInfo.processInfo.environment["PROCURA_BENCH_POSTGRES_URL"], !pg.isEmpty {
            try await concurrent(writers: writers, perWriter: perWriter, url: try DatabaseURL(parsing: pg), label: "PostgreSQL")
        }
        i += 3
    default:
        print("unknown benchmark '\(arguments[i])' — expected demand ROWS, postings N, concurrent WRITERS PER_WRITER")
        exit(2)
    }
}
