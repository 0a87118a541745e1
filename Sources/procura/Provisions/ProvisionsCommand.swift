import ArgumentParser
import InventoryCore
import InventoryPolicy
import Planning
import Storage
import Workflow

/// `procura provisions run|approve|export|list`: the monthly write-down provision run
/// (``Storage/Store/runProvisions(month:by:progress:)``; docs/excess.md, "Monthly provision run").
struct ProvisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provisions",
        abstract: "The monthly write-down provision run: run, approve (finance), export to the general ledger, list.",
        discussion: """
            run computes the provision of every item-location on the database's data (the same report \
            as procura excess, rounded to the cent) and the change since the last approved run, and \
            stores it as the month's draft (a draft is replaced when run again); approve makes it final \
            (finance only, not the one who ran it; an approved month is never run again); export writes \
            an approved run for the general ledger. Example:
              procura provisions run --month 2026-11 --as ada
              procura provisions approve PR-2026-11 --as fin
              procura provisions export PR-2026-11 --format csv
            """,
        subcommands: [ProvisionsRun.self, ProvisionsApprove.self, ProvisionsExport.self, ProvisionsList.self])
}

/// Turns refusals of the workflow and the calculation into `Error: …` (exit 1, or 65 for the data).
enum ProvisionFailure {
    static func report<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as WorkflowError {
            throw CommandFailure(error.message + "\nnothing was changed")
        } catch let error as PolicyError {
            throw CommandFailure.invalidData(error.message + "\nnothing was changed")
        }
    }
}

struct ProvisionsRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Compute a month's provision and store it as the month's draft run.")
    @Option(help: ArgumentHelp("The month provisioned, YYYY-MM.", valueName: "yyyy-mm")) var month: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        do {
            _ = try ProvisionRun.month(month)
        } catch {
            throw ValidationError("--month: \(error.message)")
        }
        if format == .csv { throw ValidationError("--format csv — run writes table or json (export writes csv)") }
    }

    func run() async throws {
        let (month, user, quiet) = (month, actor.user, quiet)
        let run = try await ProvisionFailure.report {
            try await db.withStore { store in
                let principal = try await store.actingPrincipal(userID: user)
                let progress = TerminalProgress(quiet: quiet)
                defer { progress.clear() }
                return try await store.runProvisions(month: month, by: principal, progress: progress)
            }
        }
        StandardStreams.out(ProvisionsRendering.run(run, format: format))
    }
}

struct ProvisionsApprove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a draft provision run (finance; not the one who ran it); it is then final.")
    @Argument(help: "The run id (PR-YYYY-MM).") var runID: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (id, user) = (runID, actor.user)
        let approved = try await ProvisionFailure.report {
            try await db.withStore { store in
                try await store.approveProvisionRun(id, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(
            "\(approved.runID) approved by \(approved.approvedBy): \(approved.lines.count) item-locations, provision \(ProvisionRun.amountText(approved.totalCents)) \(approved.currency), change \(ProvisionRun.amountText(approved.changeCents))\n"
        )
    }
}

struct ProvisionsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "An approved provision run for the general ledger, as CSV (one row per item-location) or JSON.",
        discussion: """
            CSV columns: \(ProvisionExport.columns.joined(separator: ", ")); amounts with two decimals in \
            the data's currency; the rows add up to the run's total to the cent. JSON: the run, its \
            totals and lines, as GET /api/v1/provisions/{run}/export. A draft is not exported.
            """)
    @Argument(help: "The run id (PR-YYYY-MM).") var runID: String
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: csv or json.") var format: OutputFormat = .csv

    func validate() throws {
        if format == .table { throw ValidationError("--format table — export writes csv or json") }
    }

    func run() async throws {
        let id = runID
        let stored = try await db.withStore { try await $0.provisionRun(id) }
        guard stored.state == .approved else {
            throw CommandFailure(
                "provision run \(id) is a draft — finance approves it first (procura provisions approve \(id) --as USER)")
        }
        StandardStreams.out(format == .json ? ProvisionExport.json(stored).pretty + "\n" : ProvisionExport.csv(stored))
    }
}

struct ProvisionsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The provision runs, latest month first.")
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let runs = try await db.withStore { try await $0.provisionRuns() }
        StandardStreams.out(ProvisionsRendering.list(runs).rendered(format, title: "Provision runs: \(runs.count)"))
    }
}

/// The tables of `procura provisions`.
enum ProvisionsRendering {
    static func run(_ run: ProvisionRun, format: OutputFormat) -> String {
        if format == .json { return ProvisionExport.json(run).pretty + "\n" }
        var out =
            "\(run.runID) (\(run.state.rawValue), version \(run.version)) as of \(run.asOf), run by \(run.createdBy): \(run.lines.count) item-locations, provision \(ProvisionRun.amountText(run.totalCents)) \(run.currency), change \(ProvisionRun.amountText(run.changeCents)) since \(run.previousRunID ?? "no approved run")\n"
        var table = TextTable([
            ("basis", .left), ("item-locations", .right), ("provision", .right), ("previous", .right), ("change", .right),
        ])
        for basis in ["obsolete", "excess", "age", "none"] {
            let lines = run.lines.filter { $0.basis == basis }
            guard !lines.isEmpty else { continue }
            let p = lines.reduce(Int64(0)) { $0 + $1.provisionCents }
            let q = lines.reduce(Int64(0)) { $0 + $1.previousCents }
            table.append([
                basis, String(lines.count), ProvisionRun.amountText(p), ProvisionRun.amountText(q),
                ProvisionRun.amountText(p - q),
            ])
        }
        table.append([
            "total", String(run.lines.count), ProvisionRun.amountText(run.totalCents),
            ProvisionRun.amountText(run.previousTotalCents), ProvisionRun.amountText(run.changeCents),
        ])
        out += table.rendered
        out += "Finance approves it: procura provisions approve \(run.runID) --as USER\n"
        return out
    }

    static func list(_ runs: [ProvisionRunSummary]) -> RowReport {
        RowReport(
            columns: [
                "run_id", "month", "state", "as_of", "version", "item_locations", "total", "previous_total", "change",
                "created_by", "approved_by", "approved_at",
            ],
            numeric: [4, 5, 6, 7, 8],
            rows: runs.map { s in
                [
                    s.run.runID, s.run.month, s.run.state.rawValue, s.run.asOf, String(s.run.version), String(s.lineCount),
                    ProvisionRun.amountText(s.totalCents), ProvisionRun.amountText(s.previousTotalCents),
                    ProvisionRun.amountText(s.totalCents - s.previousTotalCents), s.run.createdBy, s.run.approvedBy,
                    s.run.approvedAt,
                ]
            })
    }
}
