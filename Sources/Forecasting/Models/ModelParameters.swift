/// The parameters of a fitted model, in a fixed order, by name (`alpha`, `beta`, `window`, …).
///
/// An ordered list rather than a dictionary so that reports and JSON show them in the order a
/// reader expects (smoothing weights first, initial states last).
public struct ModelParameters: Hashable, Sendable, Sequence {
    /// One named value.
    public struct Entry: Hashable, Sendable {
        /// The name (`alpha`, `initial_level`, …).
        public var name: String
        /// The value.
        public var value: Double
    }

    /// The entries in order.
    public private(set) var entries: [Entry]

    /// Creates parameters from name–value pairs.
    public init(_ pairs: KeyValuePairs<String, Double> = [:]) {
        entries = pairs.map { Entry(name: $0.key, value: $0.value) }
    }

    /// The value of a parameter, if present.
    public subscript(name: String) -> Double? {
        get { entries.first { $0.name == name }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(name: name, value: newValue))
            }
        }
    }

    /// Appends a parameter (replacing one of the same name).
    public mutating func set(_ name: String, _ value: Double) { self[name] = value }

    /// Whether there are no parameters.
    public var isEmpty: Bool { entries.isEmpty }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
}
