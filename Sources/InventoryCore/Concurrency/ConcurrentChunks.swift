/// Runs work over index ranges in parallel with structured concurrency.
///
/// The range `0..<count` is cut into contiguous chunks (a few per core, so a slow chunk does not
/// hold the others up); each chunk runs as a child task of one task group. Results are identical
/// whatever the number of cores: each index is computed by exactly one chunk, and chunks never
/// share state.
public enum ConcurrentChunks {
    /// The number of chunks used for `count` items when no number is given.
    @inlinable
    public static func defaultChunkCount(for count: Int, minimumChunkSize: Int = 1_024) -> Int {
        let cores = max(1, activeProcessorCount())
        return max(1, min(cores * 4, count / max(1, minimumChunkSize)))
    }

    /// Calls `body` once per chunk of `0..<count`, concurrently, and returns when all are done.
    @inlinable
    public static func forEach(
        count: Int, chunks: Int? = nil, _ body: @escaping @Sendable (Range<Int>) -> Void
    ) async {
        guard count > 0 else { return }
        let chunkCount = max(1, min(count, chunks ?? defaultChunkCount(for: count)))
        if chunkCount == 1 {
            body(0..<count)
            return
        }
        await withTaskGroup(of: Void.self) { group in
            for c in 0..<chunkCount {
                let lower = count * c / chunkCount
                let upper = count * (c + 1) / chunkCount
                group.addTask { body(lower..<upper) }
            }
        }
    }

    /// Computes `element(i)` for every `i` in `0..<count`, concurrently by chunks, into one array;
    /// each element done is counted in `progress`, when given.
    @inlinable
    public static func map<T: Sendable>(
        count: Int, chunks: Int? = nil, progress: ProgressCounter? = nil, _ element: @escaping @Sendable (Int) -> T
    ) async -> [T] {
        await mapChunks(count: count, chunks: chunks) { range, output in
            for i in range {
                output.initialize(i, to: element(i))
                progress?.add(1)
            }
        }
    }

    /// Builds an array of `count` elements, concurrently by chunks: `fill(range, output)` must
    /// initialise every element of its range through `output.initialize(_:to:)` — once each.
    @inlinable
    public static func mapChunks<T: Sendable>(
        count: Int, chunks: Int? = nil, _ fill: @escaping @Sendable (Range<Int>, DisjointWrites<T>) -> Void
    ) async -> [T] {
        guard count > 0 else { return [] }
        let storage = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { storage.deallocate() }
        let output = DisjointWrites(storage)
        await forEach(count: count, chunks: chunks) { range in fill(range, output) }
        // Every element was initialised by exactly one chunk; move them into the array.
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress?.moveInitialize(from: storage.baseAddress.unsafelyUnwrapped, count: count)
            initialized = count
        }
    }
}

/// A mutable buffer that concurrent chunks write into at disjoint indexes.
///
/// `@unchecked Sendable` is safe here because ``ConcurrentChunks`` hands every index to exactly one
/// chunk, so no two tasks touch the same element, and the buffer outlives the task group that
/// writes to it (the group is awaited inside `withUnsafeMutableBufferPointer`).
public struct DisjointWrites<T>: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<T>?
    /// Number of elements.
    public let count: Int

    /// Wraps a buffer.
    @inlinable
    public init(_ buffer: UnsafeMutableBufferPointer<T>) {
        self.base = buffer.baseAddress
        self.count = buffer.count
    }

    /// Initialises an uninitialised element; the caller guarantees disjoint indexes across tasks.
    @inlinable
    public func initialize(_ index: Int, to value: T) {
        precondition(index >= 0 && index < count)
        (base.unsafelyUnwrapped + index).initialize(to: value)
    }

    /// The elements of `range` as a buffer (for code that writes a block at a time); the caller
    /// guarantees disjoint ranges across tasks and initialises every element it is handed.
    @inlinable
    public func buffer(_ range: Range<Int>) -> UnsafeMutableBufferPointer<T> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        return UnsafeMutableBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count)
    }

    /// Element access; the caller guarantees disjoint indexes across tasks.
    @inlinable
    public subscript(index: Int) -> T {
        get {
            precondition(index >= 0 && index < count)
            return base.unsafelyUnwrapped[index]
        }
        nonmutating set {
            precondition(index >= 0 && index < count)
            base.unsafelyUnwrapped[index] = newValue
        }
    }
}
