import InventoryCore

/// One data row of a CSV file, with typed accessors that report bad values.
///
/// Each accessor checks one field; on a bad value it logs an issue (`field 'value' — expected …`
/// at the row's line and the field's column), sets ``failed`` and returns a placeholder, so a
/// reader checks every field of a row (reporting every problem) and then drops the row if
/// ``failed`` is set.
struct CSVRow {
    private let record: CSVRecord
    /// The file.
    let file: DataFolderFile
    /// Unowned: a row lives only inside `CSVTable.forEachRow`, while the run holds the log; this
    /// saves a retain and release per row.
    private unowned(unsafe) let log: IssueLog
    /// Whether any accessor found a bad value.
    private(set) var failed = false

    init(record: CSVRecord, file: DataFolderFile, log: IssueLog) {
        self.record = record
        self.file = file
        self.log = log
    }

    /// Physical line on which the row starts.
    var line: Int { record.line }

    /// The raw bytes of a field (empty when the column is absent).
    @inline(__always)
    func bytes(_ field: CSVField) -> UnsafeBufferPointer<UInt8> {
        guard let index = field.index else { return UnsafeBufferPointer(start: nil, count: 0) }
        return record.field(index)
    }

    /// Whether the field is absent, empty or only spaces.
    func isBlank(_ field: CSVField) -> Bool { ByteText.isBlank(bytes(field)) }

    /// Logs `field 'value' — expected …` for the field's current value and marks the row failed.
    mutating func reject(_ field: CSVField, expected: String, code: ImportIssue.Code = .invalidValue) {
        failed = true
        log.add(
            ImportIssue.invalidValue(
                code, file: file, line: line, column: field.column, field: field.name,
                value: ByteText.display(bytes(field)), expected: expected
            )
        )
    }

    /// Logs an issue with this row's position.
    mutating func report(_ issue: ImportIssue) {
        if issue.severity == .error { failed = true }
        log.add(issue)
    }

    // MARK: Numbers

    /// A required number within `rule`.
    @inline(__always)
    mutating func number(_ field: CSVField, _ rule: NumberRule) -> Double {
        parsedNumber(field, rule) ?? 0
    }

    /// An optional number within `rule`; `nil` when blank or bad (bad is logged).
    mutating func optionalNumber(_ field: CSVField, _ rule: NumberRule) -> Double? {
        if isBlank(field) { return nil }
        return parsedNumber(field, rule)
    }

    @inline(__always)
    private mutating func parsedNumber(_ field: CSVField, _ rule: NumberRule) -> Double? {
        guard let value = ByteNumber.double(bytes(field)), rule.accepts(value) else {
            reject(field, expected: rule.expected)
            return nil
        }
        return value + 0  // turns -0 into 0
    }

    /// An optional number within `rule`, `defaultValue` when blank.
    mutating func number(_ field: CSVField, _ rule: NumberRule, default defaultValue: Double) -> Double {
        if isBlank(field) { return defaultValue }
        return number(field, rule)
    }

    /// An optional whole number within `rule`; `nil` when blank.
    mutating func optionalWholeNumber(_ field: CSVField, _ rule: WholeNumberRule) -> Int? {
        if isBlank(field) { return nil }
        guard let value = ByteNumber.integer(bytes(field)), rule.accepts(value) else {
            reject(field, expected: rule.expected)
            return nil
        }
        return value
    }

    // MARK: Dates

    /// The expectation for dates.
    static let dateExpected = "a date YYYY-MM-DD"

    /// A required ISO date.
    mutating func day(_ field: CSVField) -> Day {
        guard let day = Day(isoBytes: ByteNumber.trimmed(bytes(field))) else {
            reject(field, expected: Self.dateExpected)
            return Day(daysSinceEpoch: 0)
        }
        return day
    }

    /// An optional ISO date; `nil` when blank.
    mutating func optionalDay(_ field: CSVField) -> Day? {
        if isBlank(field) { return nil }
        guard let day = Day(isoBytes: ByteNumber.trimmed(bytes(field))) else {
            reject(field, expected: Self.dateExpected)
            return nil
        }
        return day
    }

    // MARK: Text

    /// Free text ("" when absent); invalid UTF-8 is an error.
    mutating func text(_ field: CSVField) -> String {
        let raw = bytes(field)
        if raw.isEmpty { return "" }
        guard let text = ByteText.string(raw) else {
            reject(field, expected: "valid UTF-8 text (save the file as UTF-8)", code: .invalidUTF8)
            return ""
        }
        return text
    }

    /// Text that must not be blank.
    mutating func requiredText(_ field: CSVField, expected: String) -> String {
        if isBlank(field) {
            reject(field, expected: expected)
            return ""
        }
        return text(field)
    }

    /// One of a fixed set of words (ASCII case ignored, surrounding spaces allowed); `defaultValue`
    /// when blank.
    mutating func choice<Value>(_ field: CSVField, _ options: KeyValuePairs<String, Value>, default defaultValue: Value)
        -> Value
    {
        let raw = ByteNumber.trimmed(bytes(field))
        if raw.isEmpty { return defaultValue }
        for (word, value) in options where ByteText.equalsIgnoringCase(raw, word) { return value }
        reject(field, expected: "one of " + options.map(\.key).joined(separator: ", "))
        return defaultValue
    }

    /// Rejects a quantity outside the ledger's fixed-point range (``FixedPoint``).
    mutating func checkLedgerRange(_ field: CSVField, _ value: Double) {
        do {
            _ = try FixedPoint.quantity(value, field: field.name)
        } catch {
            reject(field, expected: error.expected, code: .invalidValue)
        }
    }

    // MARK: References

    /// A required reference to a master-data key; returns its index (−1 when bad).
    mutating func reference(_ field: CSVField, in registry: inout Registry) -> Int32 {
        let raw = bytes(field)
        if let index = registry.keys.find(raw) { return index }
        if raw.isEmpty {
            reject(field, expected: registry.expected)
            return -1
        }
        if registry.isImplicit {
            guard ByteText.string(raw) != nil else {
                reject(field, expected: "valid UTF-8 text (save the file as UTF-8)", code: .invalidUTF8)
                return -1
            }
            return registry.keys.insert(raw).index
        }
        if registry.isUnchecked {
            failed = true
        } else if ByteText.string(raw) == nil {
            reject(field, expected: "valid UTF-8 text (save the file as UTF-8)", code: .invalidUTF8)
        } else {
            reject(field, expected: registry.expected, code: .unknownReference)
        }
        return -1
    }

    /// An optional reference; `nil` when blank or bad.
    mutating func optionalReference(_ field: CSVField, in registry: inout Registry) -> Int32? {
        if bytes(field).isEmpty { return nil }
        let index = reference(field, in: &registry)
        return index >= 0 ? index : nil
    }
}
