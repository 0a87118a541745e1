import ArgumentParser
import InventoryCore
import Storage
import Workflow

/// `procura emergency create|approve|close-incident|list|report`: the emergency procurement protocol.
struct EmergencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emergency",
        abstract: "Raise, approve and review emergency buys (deviations from the policy for an incident).",
        discussion: """
            An emergency buy (reason, incident) may deviate from the policy — above max, another supplier, \
            expedited — for a limited time: it needs a named approver who is not the requester and expires by \
            itself (an expired buy cannot be approved). Its approval creates an approved purchase order to \
            release. The deviation report lists each buy, its cost above the normal buy and whether its incident \
            was closed. docs/procurement.md has the rules and the formula.
            """,
        subcommands: [
            EmergencyCreate.self, EmergencyApprove.self, EmergencyCloseIncident.self, EmergencyList.self, EmergencyReport.self,
        ])
}

struct EmergencyCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Raise an emergency buy.")
    @Option(help: "The item.") var item: String
    @Option(help: "The receiving location.") var location: String
    @Option(help: "The supplier bought from (may be another than the usual one).") var supplier: String
    @Option(help: "Base units (> 0).") var quantity: Double
    @Option(name: .customLong("unit-price"), help: "Price per base unit (default: the supplier's sourcing-rule price).")
    var unitPrice: Double?
    @Option(help: "Why (required).") var reason: String
    @Option(help: "The incident it answers (required).") var incident: String
    @Option(help: "The user who must approve it (not you).") var approver: String
    @Option(help: "Deviation from the policy: above_max, other_supplier, expedite (repeatable).") var deviation: [String] = []
    @Option(name: .customLong("valid-hours"), help: "How long it may be approved, hours (1 to 720; default 24).")
    var validHours: Int = 24
    @Option(
        name: .customLong("confirm-duplicate"),
        help: ArgumentHelp("Why to buy although supply is already coming.", valueName: "reason"))
    var confirmDuplicate: String?
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        for d in deviation where EmergencyDeviation(rawValue: d) == nil {
            throw ValidationError(
                "--deviation '\(d)' — expected one of \(EmergencyDeviation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard quantity.isFinite, quantity > 0 else { throw ValidationError("--quantity '\(quantity)' — expected a number > 0") }
    }

    func run() async throws {
        let user = actor.user
        let (item, location, supplier, quantity, unitPrice) = (item, location, supplier, quantity, unitPrice)
        let (reason, incident, approver, hours, confirm) = (reason, incident, approver, validHours, confirmDuplicate ?? "")
        let deviations = deviation.compactMap(EmergencyDeviation.init(rawValue:))
        let buy = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.createEmergencyBuy(
                    EmergencyBuyRequest(
                        itemID: item, locationID: location, supplierID: supplier, quantity: quantity, unitPrice: unitPrice,
                        deviations: deviations, reason: reason, incidentID: incident, approver: approver, validityHours: hours,
                        confirmDuplicate: confirm, principal: try await store.actingPrincipal(userID: user))
                ).buy
            }
        }
        StandardStreams.out(
            "\(buy.buyId) requested: \(NumberFormat.csv(buy.quantity)) of \(buy.itemId) at \(buy.locationId) from \(buy.supplierId) for incident \(buy.incidentId); \(buy.approver) approves until \(buy.expiresAt)\n"
        )
    }
}

struct EmergencyApprove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve an emergency buy as its named approver (creates its purchase order).")
    @Argument(help: "The emergency buy (EB-000001 …).") var id: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (user, id) = (actor.user, id)
        let buy = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.approveEmergencyBuy(id, by: try await store.actingPrincipal(userID: user)).buy
            }
        }
        StandardStreams.out("\(buy.buyId) approved: purchase order \(buy.poId) (approved — release it with procura po release)\n")
    }
}

struct EmergencyCloseIncident: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close-incident", abstract: "Close an incident: its emergency buys are reviewed as closed.")
    @Argument(help: "The incident id.") var incident: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (user, incident) = (actor.user, incident)
        let buys = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.closeIncident(incident, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out("incident \(incident) closed: \(buys.map(\.buyId).joined(separator: ", "))\n")
    }
}

struct EmergencyList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List emergency buys, oldest first.")
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var db: DatabaseOptions

    static let columns = [
        "buy_id", "state", "incident_id", "item_id", "location_id", "supplier_id", "quantity", "unit_price", "deviations",
        "reason", "requested_by", "approver", "expires_at", "po_id",
    ]

    func run() async throws {
        let buys = try await db.withStore { try await $0.emergencyBuys() }
        let rows = buys.map { b in
            [
                b.buyId, b.state, b.incidentId, b.itemId, b.locationId, b.supplierId, NumberFormat.csv(b.quantity),
                NumberFormat.csv(b.unitPrice), b.deviations.joined(separator: " "), b.reason, b.requestedBy, b.approver,
                b.expiresAt, b.poId,
            ]
        }
        StandardStreams.out(
            RowReport(columns: Self.columns, numeric: [6, 7], rows: rows).rendered(format, title: "Emergency buys: \(buys.count)")
        )
    }
}

struct EmergencyReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The deviation report: each emergency buy, its cost above the normal buy, and whether its incident is closed.",
        discussion: """
            cost_above_normal = unit_price × quantity − normal_unit_price × policy_quantity = price_premium \
            ((unit_price − normal_unit_price) × quantity) + quantity_excess (normal_unit_price × (quantity − \
            policy_quantity)); the normal buy is the policy's order quantity from the usual supplier.
            """)
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let report = DeviationReport(try await db.withStore { try await $0.emergencyBuys() })
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(report).pretty + "\n")
            return
        }
        StandardStreams.out(
            RowReport(columns: DeviationReport.columns, numeric: Set(8...16), rows: report.rows).rendered(
                format,
                title:
                    "Emergency buys: \(report.buys.count), \(JSONValue.text(of: report.totalAboveNormal)) above the normal buy; \(report.openIncidents) with the incident open"
            ))
    }
}
