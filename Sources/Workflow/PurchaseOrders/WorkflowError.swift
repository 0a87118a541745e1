/// A workflow decision refused: a stable ``code`` and a ``message`` that names the order, what was
/// asked and what is allowed. Front doors show the message as it is (CLI: `Error: …`; HTTP: 409 for
/// a state conflict, 403 for authority, 422 for bad input).
public struct WorkflowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable code; compare codes, not messages.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case invalidTransition = "invalid_transition"
            case segregationOfDuties = "segregation_of_duties"
            case noApprovalAuthority = "no_approval_authority"
            case notPermitted = "not_permitted"
            case reasonRequired = "reason_required"
            case invalidReason = "invalid_reason"
            case invalidQuantity = "invalid_quantity"
            case beyondThresholds = "beyond_thresholds"
            case missingSignOff = "missing_sign_off"
            case alreadyComing = "already_coming"
            case expired = "expired"
            case invalidDelegation = "invalid_delegation"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The order's state does not allow the action (``PurchaseOrderLifecycle``).
        public static let invalidTransition = Code(.invalidTransition)
        /// The person created, changed or already approved the order.
        public static let segregationOfDuties = Code(.segregationOfDuties)
        /// The person's role has no approval threshold, or one below the order's next level.
        public static let noApprovalAuthority = Code(.noApprovalAuthority)
        /// The person's role may not do the action at all (``Permission``).
        public static let notPermitted = Code(.notPermitted)
        /// A reject, cancel or quantity change without a reason.
        public static let reasonRequired = Code(.reasonRequired)
        /// A reason longer than 500 characters or with a control character.
        public static let invalidReason = Code(.invalidReason)
        /// A quantity that is not a number > 0.
        public static let invalidQuantity = Code(.invalidQuantity)
        /// The order's value is above every approval threshold.
        public static let beyondThresholds = Code(.beyondThresholds)
        /// A disposition case lacks a required sign-off (``DispositionWorkflow``).
        public static let missingSignOff = Code(.missingSignOff)
        /// Supply of the item-location is already coming (``DuplicateOrderCheck``) and the buyer
        /// did not confirm with a reason.
        public static let alreadyComing = Code(.alreadyComing)
        /// An emergency buy's validity window passed before it was approved.
        public static let expired = Code(.expired)
        /// A delegation of approval authority that the rules refuse (``ApprovalDelegation``).
        public static let invalidDelegation = Code(.invalidDelegation)

        /// The code as text (`invalid_transition`, …).
        public var description: String { value.rawValue }
    }

    /// What kind of refusal.
    public var code: Code
    /// What was refused, why, and what is allowed.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
