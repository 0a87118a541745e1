import ArgumentParser
import Foundation
import Logging
import Storage
import WebApp
import Workflow

/// `procura serve`: the web application and JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web application and the JSON API.",
        discussion: """
            Serves the dashboard, items, policies with their explanation, plan runs and the audit log \
            in the browser, and the JSON API under /api/v1 (documented at /openapi.yaml). /health and \
            /metrics (Prometheus) need no sign-in. Stops gracefully on Ctrl-C or SIGTERM.

            With --demo it first creates the demo company in a fresh SQLite database (a new temporary \
            folder unless --database names one), imports it, runs and stores a plan, and creates the \
            user `admin` with a random password that it prints once. docs/web.md has the routes and roles.
            """)

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Flag(help: "Create the demo company in a fresh database first, with an admin user.") var demo = false
    @Option(help: "Demo company size: items (with --demo).") var demoItems = 2_000
    @Option(help: "Demo company size: locations (with --demo).") var demoLocations = 3
    @Flag(help: "Keep the demo database of a temporary folder when the server stops (with --demo and no --database).")
    var keep = false
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"
    @Option(help: "Secure cookies: auto (when X-Forwarded-Proto is https), always, never.") var secureCookies = "auto"
    @Option(help: "Days an API token made through the API lives when the request names none (1 to 3650).") var tokenLifetimeDays =
        90

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, got \(port)") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level must be one of trace, debug, info, notice, warning, error, critical; got '\(logLevel)'")
        }
        guard WebAppConfiguration.SecureCookies(rawValue: secureCookies) != nil else {
            throw ValidationError("--secure-cookies must be auto, always or never; got '\(secureCookies)'")
        }
        guard (1...TokenPolicy.maximumLifetimeDays).contains(tokenLifetimeDays) else {
            throw ValidationError(
                "--token-lifetime-days must be from 1 to \(TokenPolicy.maximumLifetimeDays), got \(tokenLifetimeDays)")
        }
        if demo {
            guard (10...100_000).contains(demoItems) else { throw ValidationError("--demo-items must be from 10 to 100000") }
            guard (1...50).contains(demoLocations) else { throw ValidationError("--demo-locations must be from 1 to 50") }
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            // Every value escaped: a client's text cannot forge a log line (issue 19.9).
            var handler = EscapingLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "procura.web")
        logger.logLevel = level
        let configuration = WebAppConfiguration(
            host: host, port: port, secureCookies: WebAppConfiguration.SecureCookies(rawValue: secureCookies) ?? .auto,
            tokenLifetimeDays: tokenLifetimeDays)

        let store: Store
        let banner: String
        var temporaryFolder: URL?
        if demo {
            let url: DatabaseURL
            if db.database != nil {
                url = try db.url()
            } else {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "procura-demo-\(ProcessInfo.processInfo.processIdentifier)-\(Int(Date().timeIntervalSince1970))")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                temporaryFolder = folder
                url = try DatabaseURL(parsing: "sqlite:" + folder.appendingPathComponent("procura-demo.sqlite").path)
            }
            let started = ContinuousClock.now
            let result = try await StorageFailure.report {
                try await DemoSetup.create(
                    at: url, configuration: DemoSetup.Configuration(items: demoItems, locations: demoLocations)
                ) { step in StandardStreams.error("demo: \(step)\n") }
            }
            let seconds = Double((ContinuousClock.now - started).components.seconds)
            StandardStreams.error(
                "demo: ready in \(Int(seconds)) s — \(result.itemLocations) item-locations, plan run \(result.runNumber)\n")
            store = result.store
            let fate =
                temporaryFolder == nil || keep
                ? "kept when the server stops" : "deleted when the server stops; --keep keeps it"
            banner =
                "\nDemo company in \(url) (\(fate))\nSign in as:  \(result.adminUserID)\nPassword:    \(result.adminPassword)   (shown once; change it with `procura user passwd admin --database \(url)`)\n"
        } else {
            store = try await StorageFailure.report { try await Store.open(try db.url(), clock: CommandClock.current) }
            banner = ""
        }
        do {
            try await WebServer.run(store: store, configuration: configuration, logger: logger) { address in
                StandardStreams.out("Procura is running at \(address)/\(banner)\nStop with Ctrl-C.\n")
            }
            await store.close()
            if let temporaryFolder, !keep {
                do {
                    try FileManager.default.removeItem(at: temporaryFolder)
                    StandardStreams.error("demo: deleted the demo database in \(temporaryFolder.path) (--keep keeps it)\n")
                } catch {
                    StandardStreams.error(
                        "warning: could not delete the demo database in \(temporaryFolder.path): \(error.localizedDescription)\n")
                }
            }
        } catch {
            await store.close()
            throw error
        }
    }
}
