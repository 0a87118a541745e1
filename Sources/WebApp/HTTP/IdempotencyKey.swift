import Hummingbird
import Synchronization

/// The `Idempotency-Key` request header (IETF draft-ietf-httpapi-idempotency-key-header) and the
/// keys of requests still in flight.
///
/// - The value is a Structured Field String (`Idempotency-Key: "8e03978e-…"`, RFC 8941); a bare
///   token (`Idempotency-Key: gr-2026-0042`, as Stripe takes it) is read as the same key. 1 to 200
///   printable ASCII characters; otherwise 400.
/// - A request with a key that another request is still processing is refused with 409
///   (`idempotency_key_in_use`, the draft's "request is outstanding") — in this server process; a
///   duplicate that another server process (PostgreSQL, several servers) receives meanwhile waits
///   for the first's transaction and then replays its result.
/// - The same key with a different request is 422 (`idempotency_conflict`), the stored result of
///   the first is replayed for the same request (200, `Idempotent-Replayed: true`).
struct IdempotencyKey: Sendable {
    static let maximumLength = 200

    let value: String

    /// The request's key; 400 when it is missing or malformed.
    init(_ request: Request) throws {
        guard var text = request.headers[.idempotencyKey]?.trimmingBlanks, !text.isEmpty else {
            throw Problem.badRequest(
                "send the request's unique key in the Idempotency-Key header (1 to \(Self.maximumLength) characters)",
                code: "idempotency_key_required")
        }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
            // sf-string: "…" with \" and \\ escaped.
            var unquoted = ""
            var escaped = false
            for ch in text.dropFirst().dropLast() {
                if escaped || ch != "\\" {
                    unquoted.append(ch)
                    escaped = false
                } else {
                    escaped = true
                }
            }
            text = unquoted
        }
        guard !text.isEmpty, text.count <= Self.maximumLength,
            text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F })
        else {
            throw Problem.badRequest(
                "the Idempotency-Key header must be 1 to \(Self.maximumLength) printable ASCII characters",
                code: "idempotency_key_required")
        }
        value = text
    }
}

/// Keys of requests in flight in this process (``IdempotencyKey``).
final class IdempotencyGate: Sendable {
    private let inFlight = Mutex<Set<String>>([])

    /// Runs `body` holding `key`; 409 when another request holds it.
    func run<T: Sendable>(_ key: IdempotencyKey, _ body: () async throws -> T) async throws -> T {
        let claimed = inFlight.withLock { $0.insert(key.value).inserted }
        guard claimed else {
            throw Problem.conflict(
                "a request with Idempotency-Key '\(key.value)' is still being processed — wait for its answer, then retry to get the same result",
                code: "idempotency_key_in_use")
        }
        defer { _ = inFlight.withLock { $0.remove(key.value) } }
        return try await body()
    }
}

extension String {
    fileprivate var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
