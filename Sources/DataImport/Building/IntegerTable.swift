// An open-addressing hash table from 64-bit integer keys to values.
//
// Goal: the demand accumulator's per-row look-ups ((item-location) → series, (series, bucket) →
// quantity) without SipHash: keys are already well-spread integers, so Fibonacci hashing
// (multiply by 2^64/φ, keep the top bits; Knuth, TAOCP vol. 3, §6.4) and linear probing suffice.

/// A hash table from `UInt64` keys (any but `UInt64.max`, which marks empty slots) to values.
/// Key and value sit side by side, so a look-up touches one cache line.
struct IntegerTable<Value> {
    private struct Entry {
        var key: UInt64
        var value: Value
    }

    private static var emptyKey: UInt64 { .max }
    private var entries: [Entry]
    private var shift: UInt64
    private let initial: Value
    /// Number of keys.
    private(set) var count = 0

    /// An empty table whose new entries start at `initial`.
    init(initial: Value) {
        self.initial = initial
        entries = Array(repeating: Entry(key: Self.emptyKey, value: initial), count: 16)
        shift = 64 - 4
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot of `key`, inserting it with the initial value when absent.
    @inline(__always)
    mutating func slot(_ key: UInt64) -> (index: Int, inserted: Bool) {
        let mask = entries.count - 1
        var i = home(key)
        while true {
            let k = entries[i].key
            if k == key { return (i, false) }
            if k == Self.emptyKey { break }
            i = (i + 1) & mask
        }
        if (count + 1) * 4 > entries.count * 3 {
            grow()
            return slot(key)
        }
        entries[i].key = key
        count += 1
        return (i, true)
    }

    /// The value in slot `index`.
    @inline(__always)
    subscript(slot index: Int) -> Value {
        get { entries[index].value }
        set { entries[index].value = newValue }
    }

    /// The value of `key`, if present.
    func value(_ key: UInt64) -> Value? {
        let mask = entries.count - 1
        var i = home(key)
        while true {
            let k = entries[i].key
            if k == key { return entries[i].value }
            if k == Self.emptyKey { return nil }
            i = (i + 1) & mask
        }
    }

    /// Calls `body` with every key and value (in slot order).
    func forEach(_ body: (UInt64, Value) -> Void) {
        for entry in entries where entry.key != Self.emptyKey { body(entry.key, entry.value) }
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(key: Self.emptyKey, value: initial), count: old.count * 2)
        shift -= 1
        let mask = entries.count - 1
        for entry in old where entry.key != Self.emptyKey {
            var i = home(entry.key)
            while entries[i].key != Self.emptyKey { i = (i + 1) & mask }
            entries[i] = entry
        }
    }
}
