public import Foundation

/// Runs `body`, which blocks (a subprocess wait, a pipe or socket read), on a thread of its own and
/// awaits its result without holding a thread of the concurrency pool.
///
/// On two cores Swift's pool has two threads. A test that blocks one of them while another test
/// blocks the other leaves the in-process servers of the web tests no thread to answer on: their
/// requests then time out unanswered (CI's "19.3 in flight" and the 300 s time limits of the role
/// and contract tests while schemathesis' subprocess was read on a pool thread).
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        let worker = Thread { continuation.resume(with: Result { try body() }) }
        worker.start()
    }
}

/// A started process whose end is awaited off the pool.
extension Process {
    /// Waits for the process to exit on a thread of its own (see ``offThePool(_:)``).
    public func exit() async throws -> Int32 {
        nonisolated(unsafe) let process = self
        return try await offThePool {
            process.waitUntilExit()
            return process.terminationStatus
        }
    }
}

/// Reads a file handle to its end on a thread of its own (not libdispatch's global queues, whose
/// threads the concurrency pool shares on Linux), so that a child writing to two pipes never blocks.
public final class BackgroundRead: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    /// Starts reading `handle`.
    public init(_ handle: FileHandle) {
        let reader = Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
        reader.start()
    }

    /// Waits for the end of the data (call it off the pool) and returns all of it.
    public func wait() -> Data {
        done.wait()
        return data
    }
}
