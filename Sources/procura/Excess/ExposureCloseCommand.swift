import ArgumentParser
import InventoryCore
import InventoryPolicy
import Planning
import Storage
import Workflow

/// `procura exposure close --month YYYY-MM --as USER [--database URL]`: stores the month-end close
/// of the exposure report (``Storage/Store/closeExposure(month:by:snapshot:computed:progress:)``;
/// docs/excess.md, "Month-end closes").
struct ExposureCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close the valuation month's exposure report: store all of it, once (finance or admin).",
        discussion: """
            The report is computed as procura exposure --database computes it now and stored whole \
            (totals, groups, lines, causes, trend) with who closed it and when; a month is closed once \
            and only the valuation month can be closed. Closes need a database. Example:
              procura exposure close --month 2026-11 --as fin
            """)

    @Argument(help: ArgumentHelp("Refused: closes need a database.", visibility: .hidden)) var data: String?
    @Option(help: ArgumentHelp("The month closed, YYYY-MM (the valuation day's).", valueName: "yyyy-mm"))
    var month: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        if let data {
            throw ValidationError(
                "'\(data)' — closes need a database: a data folder is planned afresh each time and keeps no close (procura exposure close --database URL --month \(month) --as USER)"
            )
        }
        do {
            try ExposureReport.checkMonth(month)
        } catch {
            throw ValidationError("--month: \(error.message)")
        }
        if format == .csv {
            throw ValidationError(
                "--format csv — close writes table or json (procura exposure --month M --format csv writes the stored close)")
        }
    }

    func run() async throws {
        let (month, user, quiet) = (month, actor.user, quiet)
        let report = try await ProvisionFailure.report {
            try await db.withStore { store in
                let principal = try await store.actingPrincipal(userID: user)
                let progress = TerminalProgress(quiet: quiet)
                defer { progress.clear() }
                return try await store.closeExposure(month: month, by: principal, progress: progress)
            }
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(report).pretty + "\n")
        } else {
            StandardStreams.out(
                "exposure \(report.month) closed by \(report.closedBy ?? "") at \(report.closedAt ?? ""): \(report.lines.count) item-locations, exposure \(ExposureRendering.money(report.total.exposureValue)) \(report.currency), new this month \(ExposureRendering.money(report.total.newExposureValue))\n"
            )
        }
    }
}

/// `procura exposure closes [--database URL] [--format table|csv|json]`: the stored closes.
struct ExposureClosesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "closes", abstract: "The stored month-end closes of the exposure report, latest month first.")
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let closes = try await db.withStore { try await $0.exposureCloses() }
        if format == .json {
            let list = JSONValue.object([("exposure_closes", try JSONValueEncoder().encode(closes))])
            StandardStreams.out(list.pretty + "\n")
            return
        }
        let rows = closes.map { c in
            [
                c.month, c.asOf, c.currency, String(c.itemLocations), ExposureRendering.money(c.exposureValue),
                ExposureRendering.money(c.newExposureValue), c.closedBy, c.closedAt,
            ]
        }
        let report = RowReport(
            columns: [
                "month", "as_of", "currency", "item_locations", "exposure_value", "new_exposure_value", "closed_by", "closed_at",
            ], numeric: [3, 4, 5], rows: rows)
        StandardStreams.out(report.rendered(format, title: "Exposure closes: \(closes.count)"))
    }
}
