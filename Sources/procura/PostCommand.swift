import ArgumentParser
import DataImport
import Foundation
import InventoryCore
import Storage

/// `procura post`: one posting from flags, or a file of them (`transactions.csv` columns).
struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post",
        abstract: "Post inventory transactions to the ledger (idempotent by key).",
        discussion: """
            One posting from flags:
              procura post --key r-1 --type receipt --item P-100 --location DC1 --quantity 10 --date 2026-11-30
            or a file in the transactions.csv columns (`-` reads standard input):
              procura post --file transactions.csv
            A file is posted all or nothing in one transaction; with --each every row is its own
            transaction (a stream: rows that fail are reported, the others stay posted).
            A key posted before is not posted again: the original entry is reported as `replayed`.
            """)

    @OptionGroup var db: DatabaseOptions

    @Option(help: "A CSV file of postings (transactions.csv columns); `-` for standard input.")
    var file: String?
    @Flag(help: "With --file: commit each row on its own instead of all or nothing.")
    var each = false
    @Flag(help: "With --file: report progress on standard error (`posting 15000/30000 (uncommitted)`, about once a percent).")
    var progress = false

    @Option(help: "Idempotency key.") var key: String?
    @Option(help: "Posting type: \(PostingType.allCases.map(\.rawValue).joined(separator: ", ")).") var type: String?
    @Option(help: "Item key.") var item: String?
    @Option(help: "Location key (the shipping location of a transfer).") var location: String?
    @Option(
        help: "Quantity in --uom (positive; signed for adjustment).",
        transform: { text in
            guard let v = Double(text), v.isFinite else { throw ValidationError("--quantity '\(text)' — expected a number") }
            return v
        }) var quantity: Double?
    @Option(help: "Unit of the quantity (default: the item's base unit).") var uom: String?
    @Option(help: "Posting date YYYY-MM-DD (default: today, UTC).") var date: String?
    @Option(name: .customLong("to-location"), help: "Receiving location of a transfer.") var toLocation: String?
    @Option(help: "Supplier key.") var supplier: String?
    @Option(help: "Owner: owned, consignment or vmi.") var owner: String?
    @Option(name: .customLong("unit-cost"), help: "Valuation cost per base unit (default: the item's cost).") var unitCost:
        Double?
    @Option(help: "Reason code (required for adjustment, scrap, reversal).") var reason: String = ""
    @Option(help: "Document number; for a reversal the key it reverses.") var reference: String = ""
    @Option(
        help:
            "Lot: the lot a receipt creates (default its key), or the lot an issue, scrap, return or transfer takes from (default first in, first out)."
    )
    var lot: String = ""
    @Option(help: "Output: table (one line per posting) or json.") var format: OutputFormat = .table

    func validate() throws {
        if file != nil {
            let single =
                [key, type, item, location, uom, date, toLocation, supplier, owner].contains { $0 != nil } || quantity != nil
            if single { throw ValidationError("--file cannot be combined with the flags of a single posting") }
        } else {
            if each { throw ValidationError("--each applies to --file only") }
            var missing: [String] = []
            if key == nil { missing.append("--key") }
            if type == nil { missing.append("--type") }
            if item == nil { missing.append("--item") }
            if location == nil { missing.append("--location") }
            if quantity == nil { missing.append("--quantity") }
            if !missing.isEmpty {
                throw ValidationError(
                    "missing \(missing.joined(separator: ", ")) — give a file with --file or every flag of one posting")
            }
        }
    }

    func run() async throws {
        let requests = try file.map(readFile) ?? [(0, try singleRequest())]
        let today = Self.today()
        if each {
            try await db.withStore { try await postEach(requests, today: today, store: $0) }
        } else {
            try await db.withStore { try await postAll(requests, today: today, store: $0) }
        }
    }

    /// Each request in its own transaction; failures are reported and the stream goes on.
    private func postEach(_ requests: [(Int, PostingRequest)], today: Day, store: Store) async throws {
        var failures = 0
        for (line, request) in requests {
            do {
                print(try await store.post(request, today: today))
            } catch let error as StorageError {
                failures += 1
                StandardStreams.error("Error: \(file ?? "-"):\(line): \(error.message)\n")
            }
        }
        if failures > 0 {
            throw CommandFailure("\(failures) of \(requests.count) postings were refused (listed above); the others are posted")
        }
    }

    /// All requests in one transaction.
    private func postAll(_ requests: [(Int, PostingRequest)], today: Day, store: Store) async throws {
        let results: [PostingResult]
        do {
            let report: any ProgressReporter = progress ? LineProgress(suffix: "(uncommitted)") : SilentProgress()
            results = try await store.post(requests.map(\.1), today: today, progress: report)
        } catch let error as PostingBatchError {
            let line = requests[error.index].0
            let place = file.map { "\($0):\(line): " } ?? ""
            let advice = requests.count > 1 ? "\nnothing was posted (all or nothing); fix the row and post the file again" : ""
            throw CommandFailure(place + error.underlying.message + advice)
        }
        for result in results { print(result) }
    }

    private func print(_ result: PostingResult) {
        switch format {
        case .json:
            StandardStreams.out(PostingRendering.json(result).compact + "\n")
        case .table, .csv:
            StandardStreams.out(PostingRendering.line(result) + "\n")
        }
    }

    private func singleRequest() throws -> PostingRequest {
        guard let postingType = PostingType(rawValue: (type ?? "").lowercased()) else {
            throw ValidationError(
                "--type '\(type ?? "")' — expected one of \(PostingType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var ownership: Ownership? = nil
        if let owner {
            guard let o = Ownership(rawValue: owner.lowercased()) else {
                throw ValidationError("--owner '\(owner)' — expected owned, consignment or vmi")
            }
            ownership = o
        }
        let day: Day
        if let date {
            guard let d = Day(iso: date) else { throw ValidationError("--date '\(date)' — expected YYYY-MM-DD") }
            day = d
        } else {
            day = Self.today()
        }
        return PostingRequest(
            key: key ?? "", date: day, type: postingType, itemID: item ?? "", locationID: location ?? "", quantity: quantity ?? 0,
            uom: uom, toLocationID: toLocation, supplierID: supplier, owner: ownership, unitCost: unitCost, reason: reason,
            reference: reference, lotID: lot)
    }

    /// Today (UTC), the day posting dates are checked against.
    static func today() -> Day { CommandClock.current.today() }

    /// The rows of a transactions.csv file, read by DataImport's reader (the data-folder import's
    /// checks and messages); every error is printed.
    private func readFile(_ path: String) throws -> [(Int, PostingRequest)] {
        do {
            return try TransactionsFile.read(path: path == "-" ? "/dev/stdin" : path, name: path == "-" ? "stdin" : path)
                .map { ($0.line, $0.request) }
        } catch {
            var lines = error.issues.filter { $0.severity == .error }.map(\.description)
            if error.omittedErrorCount > 0 { lines.append("… and \(error.omittedErrorCount) more errors") }
            throw CommandFailure.invalidData(lines.joined(separator: "\n"))
        }
    }
}
