/// Elements computed in parallel chunks, kept in the memory the chunks wrote them to.
///
/// ``ConcurrentChunks/results(count:chunks:_:)`` returns this instead of an array when the results
/// are large (the rows of a plan run: hundreds of megabytes): moving them into an `Array` would
/// copy them and touch twice the memory. It is a read-only random-access collection; the memory is
/// released with the last copy.
public struct ChunkResults<Element: Sendable>: RandomAccessCollection, Sendable {
    /// The owner of the elements.
    ///
    /// `@unchecked Sendable` is safe: the elements are written only by the chunks of
    /// ``ConcurrentChunks/results(count:chunks:_:)``, each index once, before it returns (the task
    /// group is awaited); afterwards they are only read.
    @usableFromInline
    final class Storage: @unchecked Sendable {
        @usableFromInline let base: UnsafeMutablePointer<Element>
        @usableFromInline let count: Int

        @usableFromInline
        init(count: Int) {
            self.base = .allocate(capacity: Swift.max(1, count))
            self.count = count
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    @usableFromInline let storage: Storage

    @usableFromInline
    init(storage: Storage) {
        self.storage = storage
    }

    /// 0.
    @inlinable public var startIndex: Int { 0 }
    /// The number of elements.
    @inlinable public var endIndex: Int { storage.count }

    /// The element at `index`.
    @inlinable
    public subscript(index: Int) -> Element {
        precondition(index >= 0 && index < storage.count, "index out of range")
        return storage.base[index]
    }
}

extension ChunkResults: Equatable where Element: Equatable {
    public static func == (lhs: ChunkResults, rhs: ChunkResults) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

extension ConcurrentChunks {
    /// Like ``mapChunks(count:chunks:_:)``, but the elements stay where the chunks wrote them
    /// (no copy into an array). `fill(range, output)` must initialise every element of its range
    /// through `output.initialize(_:to:)` — once each.
    @inlinable
    public static func results<T: Sendable>(
        count: Int, chunks: Int? = nil, _ fill: @escaping @Sendable (Range<Int>, DisjointWrites<T>) -> Void
    ) async -> ChunkResults<T> {
        let storage = ChunkResults<T>.Storage(count: max(0, count))
        let output = DisjointWrites(UnsafeMutableBufferPointer(start: storage.base, count: max(0, count)))
        await forEach(count: count, chunks: chunks) { range in fill(range, output) }
        return ChunkResults(storage: storage)
    }

    /// Room for `count` elements that parallel chunks fill through a pointer (each element once)
    /// before the results are read — for results written in blocks, such as a forecast matrix.
    /// Every element must be initialised before the returned collection is read or released.
    @inlinable
    public static func uninitializedResults<T: Sendable>(count: Int) -> (ChunkResults<T>, DisjointWrites<T>) {
        let storage = ChunkResults<T>.Storage(count: max(0, count))
        return (
            ChunkResults(storage: storage), DisjointWrites(UnsafeMutableBufferPointer(start: storage.base, count: max(0, count)))
        )
    }
}
