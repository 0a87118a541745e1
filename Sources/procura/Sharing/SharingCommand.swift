import ArgumentParser
import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura sharing …`: forecast sharing with suppliers (docs/sharing.md) — a profile per
/// supplier, published versions, the view log and the supplier's commitments, in the database.
struct SharingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharing",
        abstract: "Share forecasts with suppliers: profiles, published versions, views and commitments.",
        discussion: """
            A planner or admin sets each supplier's profile (items, horizon, bucket, item or family, \
            locations merged or not, rounding or a noise band, committed or indication) and publishes \
            the latest plan run's forecasts through it as version N. Supplier users see only the \
            versions published to their supplier (each view is logged) and enter commitments back. \
            Example:
              procura sharing profile set SUP-0001 --horizon-weeks 13 --bucket month --aggregation family --as pia
              procura sharing publish SUP-0001 --as pia
              procura sharing versions SUP-0001 --show 1 --format csv --as pia
            """,
        subcommands: [
            SharingProfileCommand.self, SharingPublish.self, SharingVersions.self, SharingCommitments.self, SharingViews.self,
        ])
}

struct SharingProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Set or show a supplier's sharing profile.",
        subcommands: [SharingProfileSet.self, SharingProfileShow.self])
}

struct SharingProfileSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set a supplier's sharing profile (planners and admins; audited).")
    @Argument(help: "The supplier.") var supplier: String
    @Option(help: "Items shared, comma-separated (default: every item it supplies).") var items: String = ""
    @Option(help: "Item families (categories) shared, comma-separated.") var categories: String = ""
    @Option(help: "Weeks ahead, 1 to 104.") var horizonWeeks: Int
    @Option(help: "week or month.") var bucket: String
    @Option(help: "item or family.") var aggregation: String
    @Option(help: "separate or merged.") var locations: String = "separate"
    @Option(help: "Round each quantity to a multiple of this (> 0).") var roundTo: Double?
    @Option(help: "A noise band of ± this many per cent (> 0, ≤ 50), the same on every download of a version.")
    var noisePercent: Double?
    @Option(help: "committed (the supplier commits against it) or indication.") var quantities: String = "indication"
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        func list(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let profile: SharingProfile
        do {
            profile = try SharingProfile.checked(
                items: list(items), categories: list(categories), horizonWeeks: horizonWeeks, bucket: bucket,
                aggregation: aggregation, locations: locations, roundTo: roundTo, noisePercent: noisePercent,
                quantities: quantities)
        } catch {
            throw CommandFailure.usage(error.message)
        }
        let (user, supplier) = (actor.user, supplier)
        let stored = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.saveSharingProfile(
                    profile, supplierID: supplier, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(
            "sharing profile of \(supplier) set (version \(stored.version)): \(SharingText.describe(stored.profile))\n")
    }
}

struct SharingProfileShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a supplier's sharing profile.")
    @Argument(help: "The supplier.") var supplier: String
    @Option(help: "Output: table or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv — expected table or json") }
    }

    func run() async throws {
        let (user, supplier) = (actor.user, supplier)
        let stored = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.sharingProfile(supplierID: supplier, by: try await store.actingPrincipal(userID: user))
            }
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(stored).pretty + "\n")
            return
        }
        StandardStreams.out(
            "sharing profile of \(supplier), version \(stored.version) (set \(stored.updatedAt) by \(stored.updatedBy)): \(SharingText.describe(stored.profile))\n"
        )
    }
}

struct SharingPublish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the latest plan run's forecast to a supplier through its profile, as its next version.")
    @Argument(help: "The supplier.") var supplier: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (user, supplier) = (actor.user, supplier)
        let record = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.publishSharedForecast(supplierID: supplier, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(
            "published version \(record.version) to \(supplier) from plan run \(record.planRun): \(record.lineCount) line(s), \(SharingText.describe(record.profile))\n"
        )
    }
}

/// One-line descriptions shared by the sharing commands.
enum SharingText {
    static func describe(_ p: SharingProfile) -> String {
        var parts = [
            "\(p.horizonWeeks) weeks by \(p.bucket.rawValue)", "per \(p.aggregation.rawValue)",
            "locations \(p.locations.rawValue)",
        ]
        if !p.items.isEmpty { parts.append("items \(p.items.joined(separator: ","))") }
        if !p.categories.isEmpty { parts.append("families \(p.categories.joined(separator: ","))") }
        if p.items.isEmpty && p.categories.isEmpty { parts.append("every item supplied") }
        if let r = p.roundTo { parts.append("rounded to \(JSONValue.text(of: r))") }
        if let n = p.noisePercent { parts.append("noise ±\(JSONValue.text(of: n)) %") }
        parts.append(p.quantities.rawValue)
        return parts.joined(separator: ", ")
    }
}
