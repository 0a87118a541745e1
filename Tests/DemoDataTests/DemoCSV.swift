import Foundation

/// A strict RFC 4180 reader for the demo-data tests, independent of the importer: header plus
/// rows of fields, every row as wide as the header, `\n` line ends (a CR anywhere is an error).
struct DemoCSV {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var name: String
    var header: [String]
    var rows: [[String]]

    /// Parses `data` (the bytes of file `name`).
    init(name: String, data: Data) throws {
        self.name = name
        let bytes = [UInt8](data)
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { throw Failure(description: "\(name): byte-order mark") }
        guard !bytes.contains(0x0D) else { throw Failure(description: "\(name): carriage return found; lines must end in \\n") }
        guard bytes.last == 0x0A else { throw Failure(description: "\(name): last line does not end in \\n") }
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var index = 0
        var line = 1
        while index < bytes.count {
            let byte = bytes[index]
            if field.isEmpty && byte == 0x22 {
                // Quoted field: up to the closing quote; "" is a quote.
                index += 1
                while true {
                    guard index < bytes.count else { throw Failure(description: "\(name):\(line): unterminated quote") }
                    let b = bytes[index]
                    if b == 0x22 {
                        if index + 1 < bytes.count && bytes[index + 1] == 0x22 {
                            field.append(0x22)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if b == 0x0A { line += 1 }
                    field.append(b)
                    index += 1
                }
                guard index < bytes.count, bytes[index] == 0x2C || bytes[index] == 0x0A else {
                    throw Failure(description: "\(name):\(line): text after a closing quote")
                }
                continue
            }
            switch byte {
            case 0x2C:
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case 0x0A:
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                records.append(record)
                record = []
                line += 1
            case 0x22:
                throw Failure(description: "\(name):\(line): quote inside an unquoted field")
            default:
                field.append(byte)
            }
            index += 1
        }
        guard let first = records.first else { throw Failure(description: "\(name): empty") }
        header = first
        rows = Array(records.dropFirst())
        for (offset, row) in rows.enumerated() where row.count != header.count {
            throw Failure(description: "\(name): row \(offset + 2) has \(row.count) fields, header has \(header.count)")
        }
    }

    /// Column index by name.
    func column(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw Failure(description: "\(self.name): no column \(name) in \(header)")
        }
        return index
    }

    /// The values of one column.
    func values(_ name: String) throws -> [String] {
        let index = try column(name)
        return rows.map { $0[index] }
    }

    /// Rows as dictionaries (column name → value); for the small files.
    func records() -> [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
