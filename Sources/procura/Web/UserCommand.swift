import ArgumentParser
import Foundation
import Storage
import Workflow

/// `procura user add|passwd|disable|enable|list|token`: users and API tokens of the web application.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the users of the web application and their API tokens.",
        discussion: """
            Roles: admin, planner, buyer, approver, finance, operations, viewer, supplier (with --supplier ID: sees \
            only that supplier's items). Passwords: 12 or more characters, at most 72 bytes in UTF-8, not \
            one character repeated, not a common password; stored as bcrypt hashes. Without \
            --password-stdin a random password is generated and printed once. Every change is written \
            to the audit log (actor `cli`).
            """,
        subcommands: [UserAdd.self, UserPasswd.self, UserDisable.self, UserEnable.self, UserList.self, UserToken.self])
}

/// Reads a password: one line from standard input, or a generated one.
enum PasswordInput {
    static func read(fromStdin: Bool) throws -> (password: String, generated: Bool) {
        guard fromStdin else { return (Secrets.password(), true) }
        guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("--password-stdin: no password on standard input")
        }
        return (line, false)
    }
}

/// Runs a user-administration step: storage failures and broken rules (Workflow's
/// ``RuleViolation``) become `Error: …`, exit 1.
enum UserFailure {
    static func report<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await StorageFailure.report(body)
        } catch let violation as RuleViolation {
            throw CommandFailure(violation.message)
        }
    }
}

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a user.")
    @Argument(help: "User id (sign-in name).") var user: String
    @Option(help: "Role: admin, planner, buyer, approver, finance, operations, viewer, supplier.") var role: String
    @Option(help: "For the supplier role: the supplier id the user sees.") var supplier: String?
    @Option(help: "Name to show.") var name = ""
    @Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin = false
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        guard Role(rawValue: role) != nil else {
            throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")); got '\(role)'")
        }
    }

    func run() async throws {
        let (password, generated) = try PasswordInput.read(fromStdin: passwordStdin)
        _ = try await UserFailure.report {
            try await db.withStore { store in
                try await UserAdministration.add(
                    store: store, userID: user, role: Role(rawValue: role) ?? .viewer, supplierID: supplier, displayName: name,
                    password: password, actor: "cli")
            }
        }
        StandardStreams.out("created user \(user) (\(role)\(supplier.map { ", supplier \($0)" } ?? ""))\n")
        if generated { StandardStreams.out("password: \(password)\n") }
    }
}

struct UserPasswd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: "Set a user's password (ends the user's sessions).")
    @Argument(help: "User id.") var user: String
    @Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin = false
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (password, generated) = try PasswordInput.read(fromStdin: passwordStdin)
        _ = try await UserFailure.report {
            try await db.withStore { store in
                try await UserAdministration.setPassword(store: store, userID: user, password: password, actor: "cli")
            }
        }
        StandardStreams.out("password of \(user) changed; the user's sessions ended\n")
        if generated { StandardStreams.out("password: \(password)\n") }
    }
}

struct UserDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a user: no sign-in; sessions end and API tokens are revoked.")
    @Argument(help: "User id.") var user: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        _ = try await UserFailure.report {
            try await db.withStore { store in try await store.setUserActive(false, userID: user, actor: "cli") }
        }
        StandardStreams.out("disabled \(user); sessions ended, API tokens revoked\n")
    }
}

struct UserEnable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled user again.")
    @Argument(help: "User id.") var user: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        _ = try await UserFailure.report {
            try await db.withStore { store in try await store.setUserActive(true, userID: user, actor: "cli") }
        }
        StandardStreams.out("enabled \(user)\n")
    }
}

struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let users = try await UserFailure.report { try await db.withStore { try await $0.users() } }
        var out = "user_id,role,supplier_id,active,display_name,created_at\n"
        for u in users {
            out += "\(u.userID),\(u.role),\(u.supplierID ?? ""),\(u.active ? "yes" : "no"),\(u.displayName),\(u.createdAt)\n"
        }
        StandardStreams.out(out)
    }
}

struct UserToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens: add, list, revoke.",
        subcommands: [TokenAdd.self, TokenList.self, TokenRevoke.self])
}

struct TokenAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Issue an API token for a user (printed once; stored as a SHA-256 hash).")
    @Argument(help: "User id the token acts as.") var user: String
    @Option(help: "What the token is for.") var name = "api"
    @Option(help: "Days until it expires (1 to 3650; default: 90).") var expiresInDays: Int?
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if let expiresInDays, !(1...TokenPolicy.maximumLifetimeDays).contains(expiresInDays) {
            throw ValidationError("--expires-in-days must be from 1 to \(TokenPolicy.maximumLifetimeDays)")
        }
    }

    func run() async throws {
        let (secret, record) = try await UserFailure.report {
            try await db.withStore { store in
                try await UserAdministration.createToken(
                    store: store, userID: user, name: name, expiresInDays: expiresInDays, parentTokenID: nil, actor: "cli")
            }
        }
        StandardStreams.out(
            "token \(record.tokenID) for \(user)\(record.expiresAt.map { ", expires \($0)" } ?? ""):\n\(secret)\n")
    }
}

struct TokenList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List API tokens (ids, never secrets).")
    @Argument(help: "Only this user's tokens.") var user: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let tokens = try await UserFailure.report { try await db.withStore { try await $0.apiTokens(userID: user) } }
        var out = "token_id,user_id,name,created_at,expires_at,revoked_at,parent_token_id\n"
        for t in tokens {
            out +=
                "\(t.tokenID),\(t.userID),\(t.name),\(t.createdAt),\(t.expiresAt ?? ""),\(t.revokedAt ?? ""),\(t.parentTokenID ?? "")\n"
        }
        StandardStreams.out(out)
    }
}

struct TokenRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke an API token by its id, and every token made with it.")
    @Argument(help: "Token id (tok_…).") var tokenID: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        _ = try await UserFailure.report { try await db.withStore { try await $0.revokeAPIToken(id: tokenID, actor: "cli") } }
        StandardStreams.out("revoked \(tokenID)\n")
    }
}
