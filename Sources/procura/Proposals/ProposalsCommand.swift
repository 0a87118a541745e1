import ArgumentParser
import InventoryCore
import Planning
import Storage

/// `procura proposals DATA|--database URL [--horizon N] [--item ID --location ID] [--format table|csv|json]
/// [--release --as USER [--key KEY]]`: net requirements and proposed purchase orders
/// (``Planning/ProcurementRun``); with `--release` saved as purchase orders to approve.
struct ProposalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposals",
        abstract: "Purchase-order proposals from time-phased net requirements, grouped per supplier and location.",
        discussion: """
            Nets every planned item-location bucket by bucket over the horizon: forecast against owned \
            stock (and consignment/VMI stock unless procurement.supplier_owned_stock: ignore) less \
            allocations, open purchase orders and transfers by due date, keeping the safety stock; \
            planned orders are the policy's order quantity (or the net requirement when larger), split \
            by sourcing share, raised to each supplier's MOQ and order multiple, and released a lead time \
            before they are due. Those released before the end of the first bucket (or within \
            procurement.release_window_days) are proposed, one order per supplier and location within \
            procurement.consolidation_days. With DATA the folder is planned first; without it, the \
            latest plan run stored in the database (--database or $PROCURA_DATABASE_URL) is netted. \
            --item with --location prints that item-location's table and its explanation instead. \
            --release saves the proposals as purchase orders in state proposed, created by --as USER \
            (a buyer or admin of the database), to be approved with `procura approve`; it is idempotent \
            per --key (default: the plan run's number), so releasing the same run again creates nothing. \
            docs/procurement.md has the formulas. Exit status 65 with every error when DATA is not valid.
            """)

    @Argument(help: "A data folder to plan and net instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Buckets of net requirements (default: procurement.horizon_buckets, 13).") var horizon: Int?
    @Option(help: "Show the net-requirements table of this item (with --location).") var item: String?
    @Option(help: "The location of --item.") var location: String?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false
    @Flag(help: "Save the proposals as purchase orders (state proposed); needs the database and --as.") var release = false
    @Option(name: .customLong("as"), help: ArgumentHelp("With --release: the user who creates the orders.", valueName: "user"))
    var user: String?
    @Option(help: "With --release: the idempotency key (default: proposals-run-N of the plan run).") var key: String?

    func validate() throws {
        try db.refuseBoth(data: data)
        if (item == nil) != (location == nil) { throw ValidationError("give --item and --location together") }
        if release {
            if data != nil { throw ValidationError("--release saves to the database — give --database instead of a data folder") }
            if user == nil { throw ValidationError("--release needs --as USER: the user who creates the orders") }
            if item != nil { throw ValidationError("--release saves every proposal — leave out --item and --location") }
        } else if user != nil || key != nil {
            throw ValidationError("--as and --key apply to --release only")
        }
    }

    func run() async throws {
        let plan: ProcurementPlan
        do {
            if let data {
                let snapshot = try DataFolderLoading.load(data, quiet: quiet)
                var configuration = ProcurementRun.Configuration(settings: snapshot.settings.procurement)
                if let horizon { configuration.horizonBuckets = horizon }
                let progress = TerminalProgress(quiet: quiet)
                defer { progress.clear() }
                plan = try await ProcurementRun.planned(snapshot: snapshot, configuration: configuration, progress: progress)
            } else {
                let horizon = horizon
                let release = release
                let user = user
                let key = key
                let saved: (ProcurementPlan, PurchaseOrderResult?) = try await WorkflowFailure.report {
                    try await db.withStore { store in
                        var configuration = ProcurementRun.Configuration(settings: try await store.planningSettings().procurement)
                        if let horizon { configuration.horizonBuckets = horizon }
                        let plan = try await store.procurementPlan(configuration: configuration)
                        guard release, let user else { return (plan, nil) }
                        return (plan, try await Self.release(plan, store: store, user: user, key: key))
                    }
                }
                if let result = saved.1 {
                    let what = result.replayed ? "already saved by this key — nothing new" : "saved as purchase orders"
                    let title = "Proposals of \(saved.0.runNumber.map { "plan run \($0)" } ?? "the plan") \(what)"
                    StandardStreams.out(try PurchaseOrderRendering.list(result.orders, format: format, title: title))
                    return
                }
                plan = saved.0
            }
        } catch let error as ProcurementError {
            throw CommandFailure.usage(error.message)
        }
        if let item, let location {
            let row: ProcurementPlan.ItemLocationRequirements
            do {
                row = try plan.requirements(itemID: item, locationID: location)
            } catch {
                throw CommandFailure.usage(error.message)
            }
            StandardStreams.out(try ProposalsRendering.requirements(RequirementsReport(row, plan: plan), format: format))
        } else {
            StandardStreams.out(try ProposalsRendering.proposals(ProposalsReport(plan), format: format))
        }
    }

    /// Saves the plan's proposals as purchase orders created by `user`.
    static func release(_ plan: ProcurementPlan, store: Store, user: String, key: String?) async throws -> PurchaseOrderResult {
        let principal = try await store.actingPrincipal(userID: user)
        let key = key ?? plan.runNumber.map { "proposals-run-\($0)" } ?? "proposals-\(plan.asOf)"
        // The plan is netted against the orders saved before: a key used before answers from itself.
        if let replay = try await store.savedProposals(key: key) { return replay }
        return try await store.createPurchaseOrders(
            plan.proposals, currency: plan.currency, planRun: plan.runNumber, key: key, by: principal)
    }
}
