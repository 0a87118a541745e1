public import ArgumentParser
import InventoryCore
import Storage
import Workflow

/// `procura vmi agreements` and `procura vmi agreement propose|approve|reject`: VMI agreements and
/// their versions (``Storage/Store/vmiAgreementVersions(visibleTo:agreementID:)``,
/// ``Storage/Store/proposeVMIAgreement(_:by:)``,
/// ``Storage/Store/decideVMIAgreement(_:agreementID:version:reason:by:)``; docs/vmi.md).
struct VMICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vmi",
        abstract: "Vendor-managed inventory: agreements with suppliers, their versions and two-sided approval.",
        discussion: """
            A change of an agreement is a new version, proposed by one side (a buyer, approver or finance user \
            of ours, or a user of the supplier) and active once the other side approved it too. Example:
              procura vmi agreement propose --agreement VMI-0001 --supplier SUP-0003 --item FST-10001 \\
                --location DC-RTM --passes consumption --min-units 40 --max-units 120 --review-days 7 \\
                --in-band-share 0.9 --max-stockout-days 1 --fill-rate 0.97 --on-time-share 0.9 \\
                --buyback-share 0.5 --notice-days 60 --expiry-handling supplier --valid-from 2026-12-01 --as bo
              procura vmi agreement approve VMI-0001 --version 1 --as sup3
              procura vmi agreements
            """,
        subcommands: [
            VMIAgreementsList.self, VMIAgreementCommand.self, VMIItemsCommand.self, VMIReplenishCommand.self,
            VMIKPIsCommand.self, VMIStatementCommand.self,
        ])
}

/// `procura vmi agreement propose|approve|reject`.
struct VMIAgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement", abstract: "Propose a version of an agreement, or approve or reject a proposed one.",
        subcommands: [VMIAgreementPropose.self, VMIAgreementApprove.self, VMIAgreementReject.self])
}

extension VMIAgreementTerms.OwnershipPasses: ExpressibleByArgument {}
extension VMIAgreementTerms.ExpiryHandling: ExpressibleByArgument {}

/// Turns refusals of the workflow and the store into `Error: …` (exit 1).
enum VMIFailure {
    static func report<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as WorkflowError {
            throw CommandFailure(error.message + "\nnothing was changed")
        } catch let error as StorageError where error.code != .database {
            throw CommandFailure(error.message + "\nnothing was changed")
        }
    }
}

/// The tables of `procura vmi`.
enum VMIRendering {
    static func number(_ x: Double) -> String { NumberFormat.csv(x) }

    static func versions(_ versions: [VMIAgreementVersion]) -> RowReport {
        RowReport(
            columns: [
                "agreement_id", "version", "state", "supplier_id", "item_id", "location_id", "ownership_passes", "band",
                "review_days", "in_band_share", "max_stockout_days", "fill_rate", "on_time_share", "buyback_share",
                "notice_days", "expiry_handling", "valid_from", "our_approval_by", "supplier_approval_by", "waiting_for",
            ],
            numeric: [1, 8, 9, 10, 11, 12, 13, 14],
            rows: versions.map { v in
                let t = v.terms
                return [
                    t.agreementID, String(v.version), v.state.rawValue, t.supplierID, t.itemID, t.locationID,
                    t.ownershipPasses.rawValue, "\(number(t.band.minimum))-\(number(t.band.maximum)) \(t.band.kind)",
                    String(t.reviewDays), number(t.targetInBandShare), String(t.targetMaxStockoutDays), number(t.targetFillRate),
                    number(t.targetOnTimeShare), number(t.buybackShare), String(t.noticeDays), t.expiryHandling.rawValue,
                    t.validFrom.description, v.ourApprovalBy, v.supplierApprovalBy,
                    v.waitingFor.map(\.rawValue).joined(separator: " "),
                ]
            })
    }

    static func decided(_ v: VMIAgreementVersion) -> String {
        var line = "\(v.terms.agreementID) version \(v.version): \(v.state.rawValue)"
        if v.state == .proposed {
            line += " — waits for \(v.waitingFor.map(VMIAgreementWorkflow.sideName).joined(separator: " and "))"
        }
        if v.state == .rejected { line += " by \(v.rejectedBy): \(v.reason)" }
        return line + "\n"
    }
}

struct VMIAgreementsList: AsyncParsableCommand {
    /// The JSON of the list: as `GET /api/v1/vmi/agreements`.
    struct Listing: Encodable {
        var agreements: [VMIAgreement]
    }

    static let configuration = CommandConfiguration(
        commandName: "agreements", abstract: "The agreements and every version (a supplier user: its own).")
    @Option(help: "Only this agreement.") var agreement: String?
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Show what this user may see (a supplier user: its own agreements); default: all.", valueName: "user"))
    var user: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let (agreement, user) = (agreement, user)
        let versions: [VMIAgreementVersion] = try await db.withStore { store in
            var principal = Authorization.Principal(userID: "cli", role: .viewer)
            if let user { principal = try await store.actingPrincipal(userID: user) }
            return try await store.vmiAgreementVersions(visibleTo: principal, agreementID: agreement)
        }
        if format == .json {
            let agreements = VMIAgreement.group(versions)
            StandardStreams.out(try JSONValueEncoder().encode(Listing(agreements: agreements)).pretty + "\n")
            return
        }
        let count = Set(versions.map(\.terms.agreementID)).count
        StandardStreams.out(VMIRendering.versions(versions).rendered(format, title: "VMI agreements: \(count)"))
    }
}

struct VMIAgreementPropose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Propose a version (a new agreement when the id is new); it is your side's approval.")
    @Option(help: "The agreement id.") var agreement: String
    @Option(help: "The supplier.") var supplier: String
    @Option(help: "The item.") var item: String
    @Option(help: "The location.") var location: String
    @Option(help: "When ownership passes: receipt or consumption.") var passes: VMIAgreementTerms.OwnershipPasses
    @Option(help: "Band minimum in base units (with --max-units).") var minUnits: Double?
    @Option(help: "Band maximum in base units.") var maxUnits: Double?
    @Option(help: "Band minimum in days of cover (with --max-days).") var minDays: Double?
    @Option(help: "Band maximum in days of cover.") var maxDays: Double?
    @Option(help: "Days between the supplier's reviews, 1-365.") var reviewDays: Int
    @Option(help: "Target share of days in the band, 0-1.") var inBandShare: Double
    @Option(help: "Most stock-out days a month, 0-31.") var maxStockoutDays: Int
    @Option(help: "Target fill rate, 0-1.") var fillRate: Double
    @Option(help: "Target share of replenishments on time, 0-1.") var onTimeShare: Double
    @Option(help: "Share of obsolete stock at risk the supplier buys back, 0-1.") var buybackShare: Double
    @Option(help: "Notice period in days, 0-3650.") var noticeDays: Int
    @Option(help: "Who carries expired stock: supplier, shared or customer.") var expiryHandling: VMIAgreementTerms.ExpiryHandling
    @Option(help: "First day the terms apply (YYYY-MM-DD).") var validFrom: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if Day(iso: validFrom) == nil { throw ValidationError("--valid-from '\(validFrom)' — expected a date YYYY-MM-DD") }
        switch (minUnits, maxUnits, minDays, maxDays) {
        case (.some, .some, nil, nil), (nil, nil, .some, .some): break
        default: throw ValidationError("the band: --min-units and --max-units, or --min-days and --max-days (one pair)")
        }
    }

    func run() async throws {
        guard let from = Day(iso: validFrom) else {
            throw ValidationError("--valid-from '\(validFrom)' — expected a date YYYY-MM-DD")
        }
        let band: VMIAgreementTerms.Band =
            if let minUnits, let maxUnits { .units(min: minUnits, max: maxUnits) } else {
                .days(min: minDays ?? 0, max: maxDays ?? 0)
            }
        let terms = VMIAgreementTerms(
            agreementID: agreement, supplierID: supplier, itemID: item, locationID: location, ownershipPasses: passes,
            band: band, reviewDays: reviewDays, targetInBandShare: inBandShare, targetMaxStockoutDays: maxStockoutDays,
            targetFillRate: fillRate, targetOnTimeShare: onTimeShare, buybackShare: buybackShare, noticeDays: noticeDays,
            expiryHandling: expiryHandling, validFrom: from)
        let user = actor.user
        let stored = try await VMIFailure.report {
            try await db.withStore { store in
                try await store.proposeVMIAgreement(terms, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(VMIRendering.decided(stored))
    }
}

struct VMIAgreementApprove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a proposed version for your side.")
    @Argument(help: "The agreement id.") var agreement: String
    @Option(help: "The version proposed.") var version: Int
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (agreement, version, user) = (agreement, version, actor.user)
        let stored = try await VMIFailure.report {
            try await db.withStore { store in
                try await store.decideVMIAgreement(
                    .approve, agreementID: agreement, version: version, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(VMIRendering.decided(stored))
    }
}

struct VMIAgreementReject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a proposed version, with a reason.")
    @Argument(help: "The agreement id.") var agreement: String
    @Option(help: "The version proposed.") var version: Int
    @Option(help: "Why (1 to 500 characters).") var reason: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (agreement, version, reason, user) = (agreement, version, reason, actor.user)
        let stored = try await VMIFailure.report {
            try await db.withStore { store in
                try await store.decideVMIAgreement(
                    .reject, agreementID: agreement, version: version, reason: reason,
                    by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(VMIRendering.decided(stored))
    }
}
