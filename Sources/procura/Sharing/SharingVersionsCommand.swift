import ArgumentParser
import Foundation
import InventoryCore
import Planning
import Storage

struct SharingVersions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List a supplier's published versions, or show one (--show N; a supplier user's view is logged).")
    @Argument(help: "The supplier.") var supplier: String
    @Option(help: "Show this version's lines instead of the list.") var show: Int?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (user, supplier, show, format) = (actor.user, supplier, show, format)
        if let show {
            let record = try await WorkflowFailure.report {
                try await db.withStore { store in
                    try await store.sharedVersion(
                        supplierID: supplier, version: show, format: "cli-\(format.rawValue)",
                        by: try await store.actingPrincipal(userID: user))
                }
            }
            let forecast = record.forecast
            switch format {
            case .json: StandardStreams.out(try JSONValueEncoder().encode(record).pretty + "\n")
            case .csv: StandardStreams.out(forecast?.csv ?? "")
            case .table:
                let rows = (forecast?.lines ?? []).map {
                    [
                        String($0.line), $0.family ?? $0.itemId ?? "", $0.locationId ?? "all", $0.periodStart,
                        String($0.periodDays),
                        NumberFormat.csv($0.quantity),
                    ]
                }
                StandardStreams.out(
                    RowReport(
                        columns: ["line", "item_or_family", "location", "period_start", "days", "quantity"], numeric: [0, 4, 5],
                        rows: rows
                    ).rendered(
                        .table,
                        title:
                            "Version \(record.version) to \(supplier), published \(record.publishedAt) by \(record.publishedBy): \(SharingText.describe(record.profile))"
                    ))
            }
            return
        }
        let list = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.sharedVersions(supplierID: supplier, by: try await store.actingPrincipal(userID: user))
            }
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(list).pretty + "\n")
            return
        }
        let rows = list.map {
            [
                String($0.version), $0.publishedAt, $0.publishedBy, String($0.planRun), $0.profile.bucket.rawValue,
                $0.profile.aggregation.rawValue, $0.profile.quantities.rawValue, String($0.lineCount),
            ]
        }
        StandardStreams.out(
            RowReport(
                columns: ["version", "published_at", "published_by", "plan_run", "bucket", "aggregation", "quantities", "lines"],
                numeric: [0, 3, 7], rows: rows
            ).rendered(format, title: "Versions published to \(supplier): \(list.count)"))
    }
}

struct SharingCommitments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitments",
        abstract: "Show shared against committed for a version, or (--file) enter the supplier's commitments.")
    @Argument(help: "The supplier.") var supplier: String
    @Argument(help: "The published version.") var versionNumber: Int
    @Option(
        help: "A CSV file with columns line,quantity[,comment] (a supplier user enters its commitments; `-`: standard input).")
    var file: String?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    /// Reads `line,quantity[,comment]` rows (a header line first); every bad row is a usage error
    /// naming the file, line and field.
    static func read(_ path: String) throws -> [Commitment] {
        let text: String
        do {
            text =
                path == "-"
                ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                : try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandFailure.usage("\(path): cannot be read — \(error.localizedDescription)")
        }
        var result: [Commitment] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if index == 0 || line.isEmpty { continue }
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2, let number = Int(fields[0].trimmingCharacters(in: .whitespaces)) else {
                throw CommandFailure.invalidData("\(path):\(index + 1):1: line '\(fields.first ?? "")' — expected a line number")
            }
            guard let quantity = Double(fields[1].trimmingCharacters(in: .whitespaces)) else {
                throw CommandFailure.invalidData("\(path):\(index + 1):2: quantity '\(fields[1])' — expected a quantity from 0")
            }
            result.append(Commitment(line: number, quantity: quantity, comment: fields.count > 2 ? fields[2] : ""))
        }
        return result
    }

    func run() async throws {
        let commitments = try file.map(Self.read)
        let (user, supplier, version) = (actor.user, supplier, versionNumber)
        let compared = try await WorkflowFailure.report {
            try await db.withStore { store in
                let principal = try await store.actingPrincipal(userID: user)
                if let commitments {
                    return try await store.submitCommitments(commitments, supplierID: supplier, version: version, by: principal)
                }
                return try await store.commitmentComparison(supplierID: supplier, version: version, by: principal)
            }
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(compared).pretty + "\n")
            return
        }
        let c = compared.comparison
        let rows = c.rows.map { r in
            [
                String(r.line), r.family ?? r.itemId ?? "", r.locationId ?? "all", r.periodStart, NumberFormat.csv(r.shared),
                r.committed.map(NumberFormat.csv) ?? "", r.gap.map(NumberFormat.csv) ?? "",
                r.gapPercent.map { NumberFormat.csv(($0 * 10).rounded() / 10) } ?? "", r.comment ?? "",
            ]
        }
        StandardStreams.out(
            RowReport(
                columns: [
                    "line", "item_or_family", "location", "period_start", "shared", "committed", "gap", "gap_percent", "comment",
                ],
                numeric: [0, 4, 5, 6, 7], rows: rows
            ).rendered(
                format,
                title:
                    "Version \(version) to \(supplier) (\(compared.quantities)): shared \(NumberFormat.csv(c.totalShared)), committed \(NumberFormat.csv(c.totalCommitted)) on \(c.linesCommitted) line(s), gap \(NumberFormat.csv(c.totalGap))"
            ))
    }
}

struct SharingViews: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "views", abstract: "The log of views and downloads of published versions by supplier users.")
    @Option(help: "Only this supplier's.") var supplier: String?
    @Option(help: "At most this many, newest first.") var limit: Int = 200
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if !(1...100_000).contains(limit) { throw ValidationError("--limit \(limit) — expected 1 to 100000") }
    }

    func run() async throws {
        let (user, supplier, limit) = (actor.user, supplier, limit)
        let views = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.sharedVersionViews(
                    supplierID: supplier, limit: limit, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(
            RowReport(
                columns: ["viewed_at", "supplier_id", "version", "user_id", "format"], numeric: [2],
                rows: views.map { [$0.viewedAt, $0.supplierId, String($0.version), $0.userId, $0.format] }
            ).rendered(format, title: "Views of shared forecasts: \(views.count)"))
    }
}
