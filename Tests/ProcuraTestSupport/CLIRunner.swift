public import Foundation

/// Runs the built `procura` executable as a subprocess, the way a user or a script would.
public struct CLIRunner: Sendable {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        /// Exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// Path of the executable.
    public var executable: URL

    /// Finds `procura` next to the running test bundle (`.build/<config>/`).
    public init() throws {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("procura")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                self.executable = candidate
                return
            }
            directory.deleteLastPathComponent()
        }
        let fallback = Fixtures.packageRoot.appendingPathComponent(".build/debug/procura")
        guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "procura executable (run swift build first)"])
        }
        self.executable = fallback
    }

    /// Runs `procura arguments…`, optionally with `stdin` text, and waits for it.
    ///
    /// The wait blocks, so it happens on a thread of its own and never on the concurrency pool: on
    /// two cores that pool has two threads, and CLI tests blocking them starved the servers the web
    /// tests run in the same process (their requests timed out unanswered).
    ///
    /// At most as many runs at a time as the machine has cores (the others wait without holding a
    /// thread): unbounded, every CLI test's subprocess started at once and the suite's servers missed
    /// their time limits.
    public func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) async throws -> Result {
        await SubprocessGate.shared.enter()
        let runner = self
        let result: Result
        do {
            result = try await offThePool { try runner.blockingRun(arguments, stdin: stdin, environment: environment) }
        } catch {
            await SubprocessGate.shared.leave()
            throw error
        }
        await SubprocessGate.shared.leave()
        return result
    }

    private func blockingRun(_ arguments: [String], stdin: String?, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let errRead = BackgroundRead(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errRead.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A counting semaphore for subprocesses, waited on asynchronously.
actor SubprocessGate {
    static let shared = SubprocessGate(width: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) { free = width }

    func enter() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
