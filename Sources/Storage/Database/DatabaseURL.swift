/// Where the database is: a SQLite file or a PostgreSQL server.
///
/// Forms accepted (docs/storage.md, "Choosing the database"):
/// - `sqlite:PATH` — a file (created when missing), e.g. `sqlite:./procura.sqlite`,
///   `sqlite:/var/lib/procura/db.sqlite`; `sqlite::memory:` for a private in-memory database.
///   An optional query `?synchronous=full|normal` chooses SQLite's durability (default `full`).
/// - `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (also `postgresql://`); port 5432 by default.
///   Options as libpq names them: `?sslmode=disable|prefer|require|verify-ca|verify-full` (default
///   `prefer`) and `sslrootcert=PATH` (the CA certificates to verify the server with; default the
///   system's). An unknown option or value is an error, never ignored.
public enum DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// How the connection to PostgreSQL is encrypted — libpq's `sslmode`
    /// (<https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-SSLMODE-STATEMENTS>).
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, without verifying the certificate; plain otherwise.
        case prefer
        /// TLS always, without verifying the certificate (protects against eavesdropping only).
        case require
        /// TLS always; the certificate must chain to a trusted CA (the host name is not checked).
        case verifyCA = "verify-ca"
        /// TLS always; the certificate must chain to a trusted CA and name the host.
        case verifyFull = "verify-full"
    }

    /// TLS settings of a PostgreSQL URL.
    public struct TLS: Sendable, Hashable {
        /// The mode.
        public var mode: TLSMode
        /// CA certificates (PEM file) to verify the server with; `nil`: the system's trust store.
        public var rootCertificatePath: String?

        /// Creates TLS settings.
        public init(mode: TLSMode = .prefer, rootCertificatePath: String? = nil) {
            self.mode = mode
            self.rootCertificatePath = rootCertificatePath
        }
    }

    /// SQLite's durability setting in WAL mode.
    public enum Synchronous: String, Sendable, Hashable {
        /// Every commit is on disk before it returns (fsync of the WAL): survives power loss.
        case full
        /// Commits survive a crash of the process but the last ones may be lost on power loss
        /// (SQLite's recommended setting for WAL mode).
        case normal
    }

    /// A SQLite file (`nil` path: in memory).
    case sqlite(path: String?, synchronous: Synchronous)
    /// A PostgreSQL server.
    case postgres(host: String, port: Int, user: String, password: String?, database: String, tls: TLS = TLS())

    /// The default database: `sqlite:./procura.sqlite`.
    public static let defaultURL = DatabaseURL.sqlite(path: "./procura.sqlite", synchronous: .full)

    /// The environment variable that names the database when `--database` is not given.
    public static let environmentVariable = "PROCURA_DATABASE_URL"

    /// Parses a URL of one of the accepted forms.
    public init(parsing text: String) throws(StorageError) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("sqlite:") {
            var rest = String(trimmed.dropFirst("sqlite:".count))
            var synchronous = Synchronous.full
            if let q = rest.lastIndex(of: "?") {
                let query = rest[rest.index(after: q)...]
                rest = String(rest[..<q])
                for pair in query.split(separator: "&") {
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, parts[0] == "synchronous", let value = Synchronous(rawValue: parts[1].lowercased())
                    else {
                        throw StorageError(
                            .badDatabaseURL,
                            "database URL '\(text)': unknown option '\(pair)' — expected ?synchronous=full or ?synchronous=normal"
                        )
                    }
                    synchronous = value
                }
            }
            if rest.hasPrefix("//") { rest.removeFirst(2) }
            guard !rest.isEmpty else {
                throw StorageError(
                    .badDatabaseURL,
                    "database URL '\(text)' has no file path — expected sqlite:PATH, e.g. sqlite:./procura.sqlite")
            }
            self = .sqlite(path: rest == ":memory:" ? nil : rest, synchronous: synchronous)
            return
        }
        for scheme in ["postgres://", "postgresql://"] where trimmed.hasPrefix(scheme) {
            self = try Self.parsePostgres(String(trimmed.dropFirst(scheme.count)), original: text)
            return
        }
        throw StorageError(
            .badDatabaseURL,
            "database URL '\(text)' is not understood — expected sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE")
    }

    private static func parsePostgres(_ rest: String, original: String) throws(StorageError) -> DatabaseURL {
        let expected = "expected postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        guard let at = rest.lastIndex(of: "@") else {
            throw StorageError(.badDatabaseURL, "database URL '\(original)' has no user — \(expected)")
        }
        let credentials = rest[..<at]
        let location = rest[rest.index(after: at)...]
        let userParts = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map {
            percentDecoded(String($0))
        }
        guard let user = userParts.first, !user.isEmpty else {
            throw StorageError(.badDatabaseURL, "database URL '\(original)' has no user — \(expected)")
        }
        let password = userParts.count > 1 ? userParts[1] : nil
        guard let slash = location.firstIndex(of: "/") else {
            throw StorageError(.badDatabaseURL, "database URL '\(original)' has no database name — \(expected)")
        }
        var database = String(location[location.index(after: slash)...])
        var tls = TLS()
        if let q = database.firstIndex(of: "?") {
            tls = try parseTLS(database[database.index(after: q)...], original: original)
            database = String(database[..<q])
        }
        let hostPort = location[..<slash]
        var host = String(hostPort)
        var port = 5432
        if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            guard let p = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(p) else {
                throw StorageError(.badDatabaseURL, "database URL '\(original)' has a bad port — \(expected)")
            }
            port = p
        }
        guard !host.isEmpty, !database.isEmpty else {
            throw StorageError(.badDatabaseURL, "database URL '\(original)' lacks a host or database name — \(expected)")
        }
        return .postgres(host: host, port: port, user: user, password: password, database: percentDecoded(database), tls: tls)
    }

    /// The options after `?` of a PostgreSQL URL: `sslmode` and `sslrootcert`.
    private static func parseTLS(_ query: Substring, original: String) throws(StorageError) -> TLS {
        var tls = TLS()
        let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { percentDecoded(String($0)) }
            switch (parts.first, parts.count) {
            case ("sslmode", 2):
                guard let mode = TLSMode(rawValue: parts[1].lowercased()) else {
                    throw StorageError(
                        .badDatabaseURL, "database URL '\(original)': sslmode '\(parts[1])' — expected one of \(modes)")
                }
                tls.mode = mode
            case ("sslrootcert", 2) where !parts[1].isEmpty:
                tls.rootCertificatePath = parts[1]
            default:
                throw StorageError(
                    .badDatabaseURL,
                    "database URL '\(original)': unknown option '\(pair)' — expected sslmode=\(TLSMode.allCases.map(\.rawValue).joined(separator: "|")) or sslrootcert=PATH"
                )
            }
        }
        if tls.rootCertificatePath != nil, tls.mode != .verifyCA, tls.mode != .verifyFull {
            throw StorageError(
                .badDatabaseURL,
                "database URL '\(original)': sslrootcert needs sslmode=verify-ca or sslmode=verify-full (other modes verify nothing)"
            )
        }
        return tls
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let b = utf8.popFirst() {
            if b == UInt8(ascii: "%"), utf8.count >= 2, let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(v)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The URL with the password hidden, for messages and logs.
    public var description: String {
        switch self {
        case .sqlite(let path, let synchronous):
            return "sqlite:\(path ?? ":memory:")" + (synchronous == .full ? "" : "?synchronous=\(synchronous.rawValue)")
        case .postgres(let host, let port, let user, let password, let database, let tls):
            var options: [String] = []
            if tls.mode != .prefer { options.append("sslmode=\(tls.mode.rawValue)") }
            if let root = tls.rootCertificatePath { options.append("sslrootcert=\(root)") }
            return "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
                + (options.isEmpty ? "" : "?" + options.joined(separator: "&"))
        }
    }

    /// Whether this is a SQLite database.
    public var isSQLite: Bool {
        if case .sqlite = self { return true }
        return false
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
