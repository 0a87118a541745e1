import Storage
import Testing

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test("sqlite:PATH, with an optional synchronous setting")
    func sqlite() throws {
        #expect(try DatabaseURL(parsing: "sqlite:./procura.sqlite") == .sqlite(path: "./procura.sqlite", synchronous: .full))
        #expect(try DatabaseURL(parsing: "sqlite:///tmp/x.db") == .sqlite(path: "/tmp/x.db", synchronous: .full))
        #expect(
            try DatabaseURL(parsing: "sqlite:db.sqlite?synchronous=normal") == .sqlite(path: "db.sqlite", synchronous: .normal))
        #expect(try DatabaseURL(parsing: "sqlite::memory:") == .sqlite(path: nil, synchronous: .full))
    }

    @Test("postgres://user:pass@host:port/db, password hidden in descriptions")
    func postgres() throws {
        let url = try DatabaseURL(parsing: "postgres://procura:s%40cret@127.0.0.1:5433/procura_test")
        #expect(url == .postgres(host: "127.0.0.1", port: 5433, user: "procura", password: "s@cret", database: "procura_test"))
        #expect(url.description == "postgres://procura:***@127.0.0.1:5433/procura_test")
        #expect(
            try DatabaseURL(parsing: "postgresql://u@db/x")
                == .postgres(host: "db", port: 5432, user: "u", password: nil, database: "x"))
    }

    @Test(
        "bad URLs say which forms are accepted",
        arguments: ["mysql://x", "sqlite:", "postgres://host/db", "postgres://u@h:99999/db", "sqlite:x?mode=fast"])
    func bad(_ text: String) {
        #expect {
            _ = try DatabaseURL(parsing: text)
        } throws: { error in
            guard let e = error as? StorageError else { return false }
            return e.code == .badDatabaseURL && e.message.contains("expected")
        }
    }
}

@Suite("Database URLs: PostgreSQL TLS options")
struct DatabaseURLTLSTests {
    @Test("sslmode and sslrootcert as libpq names them; prefer by default")
    func parsing() throws {
        #expect(
            try DatabaseURL(parsing: "postgres://u@h/db")
                == .postgres(host: "h", port: 5432, user: "u", password: nil, database: "db", tls: .init()))
        let full = try DatabaseURL(parsing: "postgres://u:p@h:5433/db?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        #expect(
            full
                == .postgres(
                    host: "h", port: 5433, user: "u", password: "p", database: "db",
                    tls: .init(mode: .verifyFull, rootCertificatePath: "/etc/ca.pem")))
        #expect(full.description == "postgres://u:***@h:5433/db?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        for mode in DatabaseURL.TLSMode.allCases {
            #expect(
                try DatabaseURL(parsing: "postgres://u@h/db?sslmode=\(mode.rawValue)")
                    == .postgres(host: "h", port: 5432, user: "u", password: nil, database: "db", tls: .init(mode: mode)))
        }
    }

    @Test(
        "an unknown option or value is an error, never ignored",
        arguments: [
            (
                "postgres://u@h/db?sslmode=maybe",
                "database URL 'postgres://u@h/db?sslmode=maybe': sslmode 'maybe' — expected one of disable, prefer, require, verify-ca, verify-full"
            ),
            (
                "postgres://u@h/db?timeout=5",
                "database URL 'postgres://u@h/db?timeout=5': unknown option 'timeout=5' — expected sslmode=disable|prefer|require|verify-ca|verify-full or sslrootcert=PATH"
            ),
            (
                "postgres://u@h/db?sslmode=require&sslrootcert=/ca.pem",
                "database URL 'postgres://u@h/db?sslmode=require&sslrootcert=/ca.pem': sslrootcert needs sslmode=verify-ca or sslmode=verify-full (other modes verify nothing)"
            ),
        ])
    func bad(text: String, message: String) {
        #expect(throws: StorageError.self) { try DatabaseURL(parsing: text) }
        do {
            _ = try DatabaseURL(parsing: text)
        } catch {
            #expect(error.message == message)
        }
    }
}
