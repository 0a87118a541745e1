// import-bench: generates demand folders and times the data-folder import.
//
//   import-bench generate DIR --rows N [--items 1000] [--locations 2] [--days 500] [--seed 1]
//   import-bench load DIR
//
// `generate` writes items.csv and demand.csv (date-ordered, rows spread at random over the same
// item-locations and days whatever N is, so 1M and 10M rows fill the same weekly buckets).
// `load` imports the folder and prints rows, seconds and a checksum of the bucketed demand.
import DataImport
import Foundation
import InventoryCore

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func option(_ name: String, _ defaultValue: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let value = Int(args[i + 1]) else { return defaultValue }
    return value
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// Buffered file writer.
struct Writer {
    let handle: FileHandle
    var buffer: [UInt8] = []
    init(_ url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 21)
    }
    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }
    mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
    mutating func close() {
        flush()
        try? handle.close()
    }
}

func generate(_ folder: URL) throws {
    let rows = option("--rows", 1_000_000)
    let itemCount = option("--items", 1000)
    let locationCount = option("--locations", 2)
    let days = option("--days", 500)
    var random = SplitMix64(state: UInt64(option("--seed", 1)))
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let itemIDs = (0..<itemCount).map { "ITEM-" + String(repeating: "0", count: max(0, 6 - String($0).count)) + String($0) }
    let locationIDs = (0..<locationCount).map { "DC-\($0 + 1)" }
    var items = try Writer(folder.appendingPathComponent("items.csv"))
    items.write("item_id,description,unit_cost,criticality\n")
    for (i, id) in itemIDs.enumerated() {
        items.write("\(id),\"Part \(i), generated\",\(Double(random.next() % 10_000) / 100),\(["V", "E", "D"][i % 3])\n")
    }
    items.close()
    var locations = try Writer(folder.appendingPathComponent("locations.csv"))
    locations.write("location_id,name\n")
    for id in locationIDs { locations.write("\(id),Warehouse \(id)\n") }
    locations.close()
    guard let start = Day(iso: "2023-01-02") else { fail("bad start date") }
    var demand = try Writer(folder.appendingPathComponent("demand.csv"))
    demand.write("date,item_id,location_id,quantity\n")
    let combos = UInt64(itemCount * locationCount)
    for d in 0..<days {
        let date = start.adding(days: d).isoString
        let perDay = rows / days + (d < rows % days ? 1 : 0)
        for _ in 0..<perDay {
            let combo = Int(random.next() % combos)
            let quantity = random.next() % 8 == 0 ? "\(random.next() % 40).5" : String(random.next() % 20 + 1)
            demand.write("\(date),\(itemIDs[combo / locationCount]),\(locationIDs[combo % locationCount]),\(quantity)\n")
        }
    }
    demand.close()
    print("wrote \(rows) demand rows over \(itemCount * locationCount) item-locations and \(days) days to \(folder.path)")
}

func load(_ folder: URL) {
    let clock = ContinuousClock()
    let started = clock.now
    let result: ImportResult
    do {
        result = try DataFolderImporter().load(from: folder)
    } catch {
        fail("import failed:\n\(error)")
    }
    let elapsed = clock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let history = result.snapshot.demand
    var checksum = 0.0
    for (i, q) in history.quantities.enumerated() { checksum += q * Double(i % 7 + 1) }
    print("rows \(result.rowCounts[.demand] ?? 0)")
    print("seconds \(String(format: "%.3f", seconds))")
    print("series \(history.series.count) buckets \(history.bucketCount) total \(history.quantities.reduce(0, +))")
    print("checksum \(checksum)")
}

let args = CommandLine.arguments
guard args.count >= 3 else { fail("usage: import-bench generate DIR --rows N | import-bench load DIR") }
let folder = URL(fileURLWithPath: args[2])
switch args[1] {
case "generate": try generate(folder)
case "load": load(folder)
default: fail("unknown mode \(args[1])")
}
