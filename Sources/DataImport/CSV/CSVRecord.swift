/// One CSV record as the reader hands it out: byte slices into the reader's buffer.
///
/// A plain value of pointers, valid until the reader's next ``CSVReader/next()`` call, so field
/// access costs no reference counting or exclusivity checks.
struct CSVRecord {
    /// The reader's byte buffer.
    let bytes: UnsafePointer<UInt8>?
    /// start, end, start, end, … per field.
    let bounds: UnsafePointer<Int>?
    /// Number of fields.
    let fieldCount: Int
    /// Physical line (1-based) on which the record starts.
    let line: Int
    /// The first syntax problem in the record, if any.
    let problem: CSVSyntaxProblem?

    /// No record.
    static var none: CSVRecord { CSVRecord(bytes: nil, bounds: nil, fieldCount: 0, line: 0, problem: nil) }

    /// The bytes of field `index` (0-based), quotes removed and doubled quotes collapsed.
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard let bytes, let bounds, index < fieldCount else { return UnsafeBufferPointer(start: nil, count: 0) }
        let s = bounds[2 * index]
        return UnsafeBufferPointer(start: bytes + s, count: bounds[2 * index + 1] - s)
    }
}
