// A hash table from byte strings (CSV keys such as item_id) to dense indexes 0, 1, 2, …
//
// Goal: look up a key straight from the CSV buffer, without creating a `String` per row. Open
// addressing with linear probing over a power-of-two slot array; keys are stored back to back in
// one byte arena; the hash mixes eight bytes at a time with multiply–xorshift steps and ends with
// MurmurHash3's fmix64 finaliser (Appleby, MurmurHash3), so short ids cost two or three rounds.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Interns byte-string keys as dense `Int32` indexes, in insertion order. Keys compare byte for
/// byte (no Unicode normalisation, case-sensitive).
struct KeyTable: Sendable {
    private var arena: [UInt8] = []
    /// Start of key `i` in the arena is `offsets[i]`, its end `offsets[i + 1]`.
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// `-1` = empty, otherwise a key index.
    private var slots: [Int32] = Array(repeating: -1, count: 16)

    /// Number of keys.
    var count: Int { hashes.count }

    /// The index of `key`, if present.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            if hashes[Int(index)] == hash, equals(Int(index), key) { return index }
            slot = (slot + 1) & mask
        }
    }

    /// Inserts `key` unless present; returns its index and whether it was new.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int32, inserted: Bool) {
        if let index = find(key) { return (index, false) }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let index = Int32(count)
        let hash = Self.hash(key)
        arena.append(contentsOf: key)
        offsets.append(arena.count)
        hashes.append(hash)
        place(index, hash: hash)
        return (index, true)
    }

    /// Inserts the UTF-8 bytes of `key`.
    @discardableResult
    mutating func insert(_ key: String) -> (index: Int32, inserted: Bool) {
        var copy = key
        return copy.withUTF8 { insert($0) }
    }

    /// The index of the UTF-8 bytes of `key`, if present.
    func find(_ key: String) -> Int32? {
        var copy = key
        return copy.withUTF8 { find($0) }
    }

    /// Key `index` as a string (keys are validated as UTF-8 before they are inserted).
    func key(at index: Int32) -> String {
        let s = offsets[Int(index)]
        let e = offsets[Int(index) + 1]
        return String(decoding: arena[s..<e], as: UTF8.self)
    }

    private func equals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = offsets[index]
        let e = offsets[index + 1]
        guard e - s == key.count else { return false }
        guard let other = key.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return false }
            return memcmp(base + s, other, key.count) == 0
        }
    }

    private mutating func place(_ index: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for i in 0..<hashes.count { place(Int32(i), hash: hashes[i]) }
    }

    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = key.count
        var h = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = key.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        if i < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                word |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ word) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}
