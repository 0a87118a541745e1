public import ArgumentParser
import InventoryCore
import InventoryPolicy
import Storage
import Workflow

/// `procura disposition create|list|show|sign|execute|close|cancel`: disposition cases of excess
/// stock with cross-functional sign-off (``Storage/Store/createDisposition(_:by:key:)``,
/// ``Storage/Store/decideDisposition(_:_:by:role:reason:key:)``; docs/disposition.md).
struct DispositionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disposition",
        abstract:
            "Disposition cases of excess stock: option values, sign-off by procurement, operations and finance, execution to the ledger.",
        discussion: """
            create values every option (return to supplier, sell, transfer, scrap) and records the chosen one; \
            a spare (--spare) carries the NPV hold-or-dispose analysis. Each role of \
            excess.disposition_sign_off_roles (default buyer, operations, finance) signs once, each by another \
            person; execute then posts the chosen option to the ledger, close ends it. Example:
              procura disposition create --item P-1 --location DC --quantity 10 --option return --as bo
              procura disposition sign DSP-000001 --as bo
              procura disposition sign DSP-000001 --as olga
              procura disposition sign DSP-000001 --as fin
              procura disposition execute DSP-000001 --as olga
            """,
        subcommands: [
            DispositionCreate.self, DispositionList.self, DispositionShow.self, DispositionSign.self, DispositionExecute.self,
            DispositionClose.self, DispositionCancel.self,
        ])
}

extension DispositionOption: ExpressibleByArgument {}
extension DispositionState: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}

/// Turns refusals of the workflow and the valuation into `Error: …` (exit 1, or 65 for figures).
enum DispositionFailure {
    static func report<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as WorkflowError {
            throw CommandFailure(error.message + "\nnothing was changed")
        } catch let error as PolicyError {
            throw CommandFailure.invalidData(error.message + "\nnothing was changed")
        } catch let error as StorageError {
            throw CommandFailure(error.message + "\nnothing was changed")
        }
    }
}

struct DispositionCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Open a case: value every option, record the chosen one.")
    @Option(help: "The item.") var item: String
    @Option(help: "The location holding the excess.") var location: String
    @Option(help: "The lot disposed of (default: first in, first out).") var lot: String?
    @Option(help: "Quantity in base units (> 0, at most the owned stock on hand).") var quantity: Double
    @Option(help: "The option chosen: return, sell, transfer or scrap.") var option: DispositionOption
    @Option(help: "For transfer: the receiving location.") var toLocation: String?
    @Option(help: "For return: the supplier (default: the item's first supplier at the location).") var supplier: String?
    @Option(help: "Expected recovery per unit when sold (default 0).") var recoveryPerUnit: Double?
    @Option(help: "Cost of the transfer, whole quantity (default 0).") var transferCost: Double?
    @Option(help: "Cost of scrapping, whole quantity (default 0).") var scrapCost: Double?
    @Option(help: "Restocking fee as a rate 0…1 (default: excess.restocking_fee_rate).") var restockingFeeRate: Double?
    @Option(help: "A note for the signers.") var note: String?
    @Flag(help: "The item is a spare: add the NPV hold-or-dispose analysis (needs --demand-rate and --emergency-cost).")
    var spare = false
    @Option(help: "Spare: units needed a year.") var demandRate: Double?
    @Option(help: "Spare: full cost of one emergency buy.") var emergencyCost: Double?
    @Option(help: "Spare: salvage per unit at the horizon (default 0).") var salvageEnd: Double?
    @Option(help: "Spare: horizon in years (default: excess.spare_horizon_years).") var horizonYears: Int?
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table or json.") var format: OutputFormat = .table

    func validate() throws {
        if spare, demandRate == nil || emergencyCost == nil {
            throw ValidationError("--spare needs --demand-rate and --emergency-cost (the hold-or-dispose terms)")
        }
        if !spare, demandRate != nil || emergencyCost != nil || salvageEnd != nil || horizonYears != nil {
            throw ValidationError(
                "--demand-rate, --emergency-cost, --salvage-end and --horizon-years are a spare's terms — add --spare")
        }
        if option == .transfer, toLocation == nil { throw ValidationError("--option transfer needs --to-location") }
        if format == .csv { throw ValidationError("--format csv — create writes table or json (show writes csv)") }
    }

    func run() async throws {
        var request = DispositionRequest(
            itemID: item, locationID: location, lotID: lot, quantity: quantity, option: option, toLocationID: toLocation,
            supplierID: supplier, recoveryPerUnit: recoveryPerUnit, transferCost: transferCost, scrapCost: scrapCost,
            restockingFeeRate: restockingFeeRate, note: note)
        if spare, let demandRate, let emergencyCost {
            request.spare = DispositionAnalysis.SpareTerms(
                demandRatePerYear: demandRate, emergencyCostPerUnit: emergencyCost, salvageEndPerUnit: salvageEnd,
                horizonYears: horizonYears)
        }
        let (r, user, format) = (request, actor.user, format)
        let result = try await DispositionFailure.report {
            try await db.withStore { store in
                try await store.createDisposition(r, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(try DispositionRendering.show(result.dispositionCase, format: format))
    }
}

struct DispositionList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The cases, newest first.")
    @Option(help: "Only cases in this state: open, signed, executed, closed or cancelled.") var state: DispositionState?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let state = state
        let cases = try await db.withStore { try await $0.dispositionCases(state: state) }
        StandardStreams.out(
            DispositionRendering.list(cases).rendered(format, title: "Disposition cases: \(cases.count)"))
    }
}

struct DispositionShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One case: its options and values, sign-offs, a spare's NPV analysis.")
    @Argument(help: "The case id (DSP-000001).") var caseID: String
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv (the options) or json.") var format: OutputFormat = .table

    func run() async throws {
        let id = caseID
        let found = try await db.withStore { try await $0.dispositionCase(id) }
        StandardStreams.out(try DispositionRendering.show(found, format: format))
    }
}

/// `sign`, `execute`, `close`, `cancel`: one decision as `--as USER`.
enum DispositionDecision {
    static func run(
        _ id: String, _ action: DispositionAction, user: String, role: Role? = nil, reason: String = "", db: DatabaseOptions
    ) async throws {
        let result = try await DispositionFailure.report {
            try await db.withStore { store in
                try await store.decideDisposition(
                    id, action, by: try await store.actingPrincipal(userID: user), role: role, reason: reason)
            }
        }
        StandardStreams.out(DispositionRendering.decided(result.dispositionCase, action, by: user))
    }
}

struct DispositionSign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Sign a case for your role (each required role once, each by another person).")
    @Argument(help: "The case id.") var caseID: String
    @Option(help: "The role signed for (default: the user's role; it must be the user's role).") var role: Role?
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws { try await DispositionDecision.run(caseID, .sign, user: actor.user, role: role, db: db) }
}

struct DispositionExecute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "execute", abstract: "Post a signed case's option to the ledger (all or nothing).")
    @Argument(help: "The case id.") var caseID: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws { try await DispositionDecision.run(caseID, .execute, user: actor.user, db: db) }
}

struct DispositionClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close an executed case.")
    @Argument(help: "The case id.") var caseID: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws { try await DispositionDecision.run(caseID, .close, user: actor.user, db: db) }
}

struct DispositionCancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel an open or signed case, with a reason.")
    @Argument(help: "The case id.") var caseID: String
    @Option(help: "Why (1 to 500 characters).") var reason: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        try await DispositionDecision.run(caseID, .cancel, user: actor.user, reason: reason, db: db)
    }
}
