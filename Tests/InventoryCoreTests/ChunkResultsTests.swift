import InventoryCore
import Testing

@Suite("Chunk results")
struct ChunkResultsTests {
    @Test("the same elements as mapChunks, whatever the number of chunks; strings survive the copy")
    func sameAsArray() async {
        let array = await ConcurrentChunks.mapChunks(count: 1_000, chunks: 3) { range, output in
            for i in range { output.initialize(i, to: "row \(i) " + String(repeating: "x", count: i % 40)) }
        }
        for chunks in [1, 4, 17] {
            let results = await ConcurrentChunks.results(count: 1_000, chunks: chunks) { range, output in
                for i in range { output.initialize(i, to: "row \(i) " + String(repeating: "x", count: i % 40)) }
            }
            #expect(results.count == 1_000)
            #expect(Array(results) == array)
        }
        let empty: ChunkResults<Int> = await ConcurrentChunks.results(count: 0) { _, _ in }
        #expect(empty.isEmpty)
    }

    @Test("blocks written through buffers")
    func blocks() async {
        let (matrix, writes): (ChunkResults<Double>, DisjointWrites<Double>) = ConcurrentChunks.uninitializedResults(count: 12)
        await ConcurrentChunks.forEach(count: 4, chunks: 2) { rows in
            for r in rows { writes.buffer((r * 3)..<(r * 3 + 3)).initialize(repeating: Double(r)) }
        }
        #expect(Array(matrix) == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3])
    }
}
