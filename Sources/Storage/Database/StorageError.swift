public import InventoryCore

/// An error of the storage layer: a stable ``code`` and a ``message`` that says what is wrong and
/// how to fix it.
public struct StorageError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A stable error code; compare codes, not messages.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case badDatabaseURL = "bad_database_url"
            case connectionFailed = "connection_failed"
            case migrationFailed = "migration_failed"
            case newerSchema = "newer_schema"
            case unknownItem = "unknown_item"
            case unknownLocation = "unknown_location"
            case unknownSupplier = "unknown_supplier"
            case unknownUnit = "unknown_unit"
            case invalidPosting = "invalid_posting"
            case idempotencyConflict = "idempotency_conflict"
            case negativeStock = "negative_stock"
            case reversalTarget = "reversal_target"
            case valueOutOfRange = "value_out_of_range"
            case database = "database"
            case unknownUser = "unknown_user"
            case duplicateUser = "duplicate_user"
            case unknownToken = "unknown_token"
            case invalidOverride = "invalid_override"
            case unknownOverride = "unknown_override"
            case unknownPurchaseOrder = "unknown_purchase_order"
            case concurrentChange = "concurrent_change"
            case duplicateOrder = "duplicate_order"
            case unknownProvisionRun = "unknown_provision_run"
            case unknownDispositionCase = "unknown_disposition_case"
            case invalidDisposition = "invalid_disposition"
            case invalidImport = "invalid_import"
            case invalidApprovalRules = "invalid_approval_rules"
            case unknownDelegation = "unknown_delegation"
            case invalidScenarioSpec = "invalid_scenario_spec"
            case invalidScenarioSpecName = "invalid_scenario_spec_name"
            case unknownScenarioSpec = "unknown_scenario_spec"
            case invalidRedundancyPlan = "invalid_redundancy_plan"
            case unknownRedundancyPlan = "unknown_redundancy_plan"
            case unknownChangeSet = "unknown_change_set"
            case invalidChangeSet = "invalid_change_set"
            case invalidSharing = "invalid_sharing"
            case unknownSharing = "unknown_sharing"
            case invalidVMIAgreement = "invalid_vmi_agreement"
            case unknownVMIAgreement = "unknown_vmi_agreement"
            case invalidPostmortem = "invalid_postmortem"
            case unknownPostmortem = "unknown_postmortem"
            case unknownAction = "unknown_action"
            case invalidAction = "invalid_action"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// No provision run with that id.
        public static let unknownProvisionRun = Code(.unknownProvisionRun)
        /// No disposition case has that id.
        public static let unknownDispositionCase = Code(.unknownDispositionCase)
        /// A disposition case that cannot be created as asked (a missing destination or supplier,
        /// an unknown sign-off role in the settings, a quantity above what is on hand).
        public static let invalidDisposition = Code(.invalidDisposition)
        /// A purchase-order update file names orders, lines or states the database refuses (every
        /// error in the message, one per line); nothing was applied.
        public static let invalidImport = Code(.invalidImport)
        /// Approval rules set on the admin page or the API that do not parse or do not agree.
        public static let invalidApprovalRules = Code(.invalidApprovalRules)
        /// No approval delegation has that id.
        public static let unknownDelegation = Code(.unknownDelegation)
        /// A scenario spec that cannot be saved: larger than allowed, or not valid against the
        /// company's data (every problem's line and field in the message); nothing was stored.
        public static let invalidScenarioSpec = Code(.invalidScenarioSpec)
        /// A saved scenario spec's name that breaks ``ScenarioSpecName``'s rules.
        public static let invalidScenarioSpecName = Code(.invalidScenarioSpecName)
        /// The user has no saved scenario spec of that name.
        public static let unknownScenarioSpec = Code(.unknownScenarioSpec)
        /// A redundancy plan that cannot be saved: a field out of its domain, an item that is not
        /// vital, an unknown substitute, an owner who is not an active user; nothing was stored.
        public static let invalidRedundancyPlan = Code(.invalidRedundancyPlan)
        /// No redundancy plan for that item-location.
        public static let unknownRedundancyPlan = Code(.unknownRedundancyPlan)
        /// No change set has that id.
        public static let unknownChangeSet = Code(.unknownChangeSet)
        /// A change set that cannot be created or applied as asked (a closed or unknown location,
        /// a location merged into itself, negative stock to move).
        public static let invalidChangeSet = Code(.invalidChangeSet)
        /// A sharing profile, publication or commitment that cannot be stored: a field out of its
        /// domain, an item the supplier does not supply, commitments against an indication; nothing
        /// was stored.
        public static let invalidSharing = Code(.invalidSharing)
        /// No sharing profile, or no published version, for that supplier (or not addressed to the
        /// supplier user asking).
        public static let unknownSharing = Code(.unknownSharing)
        /// VMI agreement terms that cannot be stored: a field out of its domain, a supplier, item
        /// or location not in the database, or another supplier or item-location than the
        /// agreement's; nothing was stored.
        public static let invalidVMIAgreement = Code(.invalidVMIAgreement)
        /// No VMI agreement (or version) of that id — or one the supplier user may not see.
        public static let unknownVMIAgreement = Code(.unknownVMIAgreement)
        /// A post-mortem, cause or action that cannot be stored: an unknown item, location or
        /// owner, a window out of order or too long, a category not in the list; nothing was stored.
        public static let invalidPostmortem = Code(.invalidPostmortem)
        /// No post-mortem of that id.
        public static let unknownPostmortem = Code(.unknownPostmortem)
        /// No tracked action of that id.
        public static let unknownAction = Code(.unknownAction)
        /// An action that cannot be added: a subject that is not stored, a due date out of range;
        /// nothing was stored.
        public static let invalidAction = Code(.invalidAction)
        /// The database URL cannot be parsed.
        public static let badDatabaseURL = Code(.badDatabaseURL)
        /// The database could not be opened or reached.
        public static let connectionFailed = Code(.connectionFailed)
        /// A migration failed; nothing of it was applied.
        public static let migrationFailed = Code(.migrationFailed)
        /// The database was written by a newer Procura (a migration this build does not know).
        public static let newerSchema = Code(.newerSchema)
        /// A posting names an item that is not in the database.
        public static let unknownItem = Code(.unknownItem)
        /// A posting names a location that is not in the database.
        public static let unknownLocation = Code(.unknownLocation)
        /// A posting names a supplier that is not in the database.
        public static let unknownSupplier = Code(.unknownSupplier)
        /// A posting's unit of measure does not convert to the item's base unit.
        public static let unknownUnit = Code(.unknownUnit)
        /// A posting breaks a rule of its type (missing reason, transfer without destination, …).
        public static let invalidPosting = Code(.invalidPosting)
        /// The idempotency key was used before for a different posting.
        public static let idempotencyConflict = Code(.idempotencyConflict)
        /// The posting would make on-hand (or in-transit) negative at a location that does not allow it.
        public static let negativeStock = Code(.negativeStock)
        /// A reversal names a posting that does not exist, is a reversal or was already reversed.
        public static let reversalTarget = Code(.reversalTarget)
        /// A number does not fit the fixed-point scale.
        public static let valueOutOfRange = Code(.valueOutOfRange)
        /// The database reported an error.
        public static let database = Code(.database)
        /// A user id that is not in the database.
        public static let unknownUser = Code(.unknownUser)
        /// A user id that is taken.
        public static let duplicateUser = Code(.duplicateUser)
        /// An API token id that is not in the database.
        public static let unknownToken = Code(.unknownToken)
        /// An override that breaks a rule (no reason, unknown parameter, validity ends before it starts).
        public static let invalidOverride = Code(.invalidOverride)
        /// An override key that is not in the database.
        public static let unknownOverride = Code(.unknownOverride)

        /// A purchase-order id that is not in the database.
        public static let unknownPurchaseOrder = Code(.unknownPurchaseOrder)
        /// Someone else changed the record between reading and writing it; nothing was written.
        public static let concurrentChange = Code(.concurrentChange)
        /// A purchase order covers a requirement that another approved order already covers.
        public static let duplicateOrder = Code(.duplicateOrder)

        /// The code as text (`negative_stock`, …).
        public var description: String { value.rawValue }
    }

    /// What kind of error.
    public var code: Code
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension StorageError {
    /// The storage error of a ledger rule's error: the same code and message.
    public init(_ error: LedgerError) {
        let code: Code
        switch error.code {
        case .valueOutOfRange: code = .valueOutOfRange
        case .negativeStock: code = .negativeStock
        case .invalidOverride: code = .invalidOverride
        default: code = .invalidPosting
        }
        self.init(code, error.message)
    }
}
