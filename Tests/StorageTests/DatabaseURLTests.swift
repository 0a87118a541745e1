import Storage
import Testing

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test("sqlite:PATH, with an optional synchronous setting")
    func sqlite() throws {
        #expect(try DatabaseURL(parsing: "sqlite:./procura.sqlite") == .sqlite(path: "./procura.sqlite", synchronous: .full))
        #expect(try DatabaseURL(parsing: "sqlite:///tmp/x.db") == .sqlite(path: "/tmp/x.db", synchronous: .full))
        #expect(try DatabaseURL(parsing: "sqlite:db.sqlite?synchronous=normal") == .sqlite(path: "db.sqlite", synchronous: .normal))
        #expect(try DatabaseURL(parsing: "sqlite::memory:") == .sqlite(path: nil, synchronous: .full))
    }

    @Test("postgres://user:pass@host:port/db, password hidden in descriptions")
    func postgres() throws {
        let url = try DatabaseURL(parsing: "postgres://procura:s%40cret@127.0.0.1:5433/procura_test")
        #expect(url == .postgres(host: "127.0.0.1", port: 5433, user: "procura", password: "s@cret", database: "procura_test"))
        #expect(url.description == "postgres://procura:***@127.0.0.1:5433/procura_test")
        #expect(try DatabaseURL(parsing: "postgresql://u@db/x") == .postgres(host: "db", port: 5432, user: "u", password: nil, database: "x"))
    }

    @Test("bad URLs say which forms are accepted", arguments: ["mysql://x", "sqlite:", "postgres://host/db", "postgres://u@h:99999/db", "sqlite:x?mode=fast"])
    func bad(_ text: String) {
        #expect {
            _ = try DatabaseURL(parsing: text)
        } throws: { error in
            guard let e = error as? StorageError else { return false }
            return e.code == .badDatabaseURL && e.message.contains("expected")
        }
    }
}
