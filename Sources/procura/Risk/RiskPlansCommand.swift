import ArgumentParser
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura risk plans --database URL [--format table|csv|json]`: the redundancy plans of the
/// vital item-locations on the supply-risk list, their alerts and the criticality × supply-risk
/// matrix with plan coverage (``Storage/Store/redundancyPlanReport(risk:today:)``).
struct RiskPlansCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract:
            "Redundancy plans of the vital item-locations: second source, buffer, substitute, owner, review date; the alerts.",
        discussion: """
            Plans the database's data, takes every vital (V) item-location of `procura risk` (single source or \
            long lead) and shows the plan stored for it: second source (qualified when sourcing names another \
            supplier, qualifying until the planner's date, else none), the recommended extra buffer and the agreed \
            one, the substitute (the planner's, else the successor), owner and review date. Alerts: a vital \
            item-location without a plan, a review date that has passed, an owner who is disabled or not a user. \
            docs/risk.md, "Redundancy plans".
            """)

    static let columns = [
        "item_id", "location_id", "category", "on_risk_list", "supply_risk", "suppliers", "exposed", "value_at_risk",
        "second_source", "qualifying_until", "recommended_buffer", "agreed_buffer", "substitute_item_id", "substitute_source",
        "owner", "owner_status", "review_date", "review_overdue", "notes", "version", "updated_at", "updated_by", "alerts",
    ]

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func run() async throws {
        let snapshot = try await db.snapshot(folder: nil, quiet: quiet)
        let progress = TerminalProgress(quiet: quiet)
        let risk: SupplyRiskDocument
        do {
            risk = try await SupplyRiskReport.planned(snapshot: snapshot, progress: progress)
        } catch {
            progress.clear()
            throw CommandFailure.invalidData(error.message)
        }
        progress.clear()
        let today = CommandClock.current.today()
        let document = try await db.withStore { try await $0.redundancyPlanReport(risk: risk, today: today) }
        switch format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(document).pretty + "\n")
        case .csv: StandardStreams.out(Self.lines(document, machine: true).csv)
        case .table: StandardStreams.out(Self.table(document))
        }
    }

    static func lines(_ d: RedundancyPlanDocument, machine: Bool) -> RowReport {
        func n(_ x: Double?, _ places: Int = 1) -> String {
            guard let x else { return machine ? "" : "–" }
            return machine ? NumberFormat.csv(x) : NumberFormat.fixed(x, places)
        }
        return RowReport(
            columns: columns, numeric: Set([7, 10, 11, 19]),
            rows: d.lines.map { l in
                [
                    l.itemId, l.locationId, l.category, l.onRiskList ? "true" : "false", l.supplyRisk,
                    l.suppliers.joined(separator: ";"), l.exposed ? "true" : "false", n(l.valueAtRisk, 0), l.secondSource,
                    l.qualifyingUntil ?? "", n(l.recommendedBuffer, 0), n(l.agreedBuffer, 0), l.substituteItemId ?? "",
                    l.substituteSource ?? "", l.owner ?? "", l.ownerStatus ?? "", l.reviewDate ?? "",
                    l.reviewOverdue ? "true" : "false", l.notes ?? "", l.version.map(String.init) ?? "", l.updatedAt ?? "",
                    l.updatedBy ?? "", l.alerts.joined(separator: ";"),
                ]
            })
    }

    static func table(_ d: RedundancyPlanDocument) -> String {
        var out =
            "Redundancy plans as of \(d.asOf) (reviews due against \(d.today)): \(d.withPlan) of \(d.vitalItemLocations) vital item-locations on the supply-risk list have a plan, \(d.alerts.count) alert(s)\n"
        out += "\nCriticality × supply risk with plan coverage\n"
        var matrix = TextTable([
            ("VED / supply risk", .left), ("item-locations", .right), ("exposed", .right), ("with a plan", .right),
            ("coverage", .right),
        ])
        for c in d.matrix {
            matrix.append([
                c.name, String(c.itemLocations), String(c.exposed), String(c.withPlan),
                c.coverage.map { NumberFormat.fixed($0 * 100, 0) + " %" } ?? "–",
            ])
        }
        out += matrix.rendered
        if !d.alerts.isEmpty {
            out += "\nAlerts (\(min(25, d.alerts.count)) of \(d.alerts.count))\n"
            for a in d.alerts.prefix(25) { out += "  \(a.kind): \(a.message)\n" }
        }
        let planned = d.lines.filter(\.hasPlan)
        out += "\nPlans (\(planned.count))\n"
        var table = TextTable([
            ("item", .left), ("location", .left), ("second source", .left), ("recommended buffer", .right),
            ("agreed buffer", .right), ("substitute", .left), ("owner", .left), ("review", .left), ("alerts", .left),
        ])
        for l in planned {
            table.append([
                l.itemId, l.locationId, l.secondSource + (l.qualifyingUntil.map { " (until \($0))" } ?? ""),
                NumberFormat.fixed(l.recommendedBuffer, 0), l.agreedBuffer.map { NumberFormat.fixed($0, 0) } ?? "–",
                l.substituteItemId ?? "–", l.owner ?? "", l.reviewDate ?? "", l.alerts.joined(separator: ", "),
            ])
        }
        return out + table.rendered
    }
}

/// `procura risk plan set|delete`: change the redundancy plan of one vital item-location.
struct RiskPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Set or delete the redundancy plan of a vital item-location (planners and admins).",
        subcommands: [RiskPlanSet.self, RiskPlanDelete.self])
}

struct RiskPlanSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Create or replace the redundancy plan of a vital item-location (audited).",
        discussion: """
            The item must be vital (criticality V), the owner an active user, the substitute an item of the \
            database; dates are YYYY-MM-DD. Example:
              procura risk plan set HYD-11580 DC-RTM --owner pia --review 2027-03-31 --buffer 400 \
            --qualifying-until 2027-02-28 --notes "second supplier in audit" --as pia
            """)

    @Argument(help: "The item.") var item: String
    @Argument(help: "The location.") var location: String
    @Option(help: "The user who owns the plan.") var owner: String
    @Option(help: "The next review date (YYYY-MM-DD).") var review: String
    @Option(help: "A substitute item (instead of the item's successor).") var substitute: String?
    @Option(help: "The buffer agreed, in base units.") var buffer: Double?
    @Option(help: "A second source is being qualified until this date (YYYY-MM-DD).") var qualifyingUntil: String?
    @Option(help: "Notes.") var notes: String = ""
    @Option(help: "The version it replaces (procura risk plans shows it); leave out to replace whatever is stored.")
    var replacing: Int?
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    static func day(_ text: String, _ flag: String) throws -> Day {
        guard let day = Day(iso: text) else { throw ValidationError("\(flag): expected a date YYYY-MM-DD, got '\(text)'") }
        return day
    }

    func validate() throws {
        _ = try Self.day(review, "--review")
        if let qualifyingUntil { _ = try Self.day(qualifyingUntil, "--qualifying-until") }
    }

    func run() async throws {
        let plan = RedundancyPlan(
            itemId: item, locationId: location, owner: owner, reviewDate: try Self.day(review, "--review"),
            substituteItemId: substitute, agreedBuffer: buffer,
            qualifyingUntil: try qualifyingUntil.map { try Self.day($0, "--qualifying-until") }, notes: notes)
        let (user, replacing) = (actor.user, replacing)
        let saved = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.saveRedundancyPlan(plan, replacing: replacing, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(
            "\(saved.created ? "created" : "replaced") the redundancy plan for \(item) at \(location) (version \(saved.plan.version)): owner \(saved.plan.owner), review \(saved.plan.reviewDate)\n"
        )
    }
}

struct RiskPlanDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete the redundancy plan of an item-location (audited).")
    @Argument(help: "The item.") var item: String
    @Argument(help: "The location.") var location: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (user, item, location) = (actor.user, item, location)
        let deleted = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.deleteRedundancyPlan(
                    itemID: item, locationID: location, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out("deleted the redundancy plan for \(item) at \(location) (version \(deleted.version))\n")
    }
}
