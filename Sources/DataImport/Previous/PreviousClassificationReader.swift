public import Foundation
public import InventoryCore

/// Reads an earlier classification for re-classification with hysteresis: the CSV or the JSON
/// that `procura classify --format csv|json` writes.
///
/// CSV: a header with at least `item_id` and `location_id` and one or more of `abc`, `xyz`,
/// `pattern` (any order, any case; other columns are ignored). JSON: an object with an
/// `item_locations` array of objects with the same keys. Empty class fields mean "unknown".
public enum PreviousClassificationReader {
    /// Why a previous classification file could not be read.
    public struct ReadError: Error, Hashable, Sendable, CustomStringConvertible {
        /// `file:line:column: what — expected …`, or `file: what` without a position.
        public var message: String
        public var description: String { message }
    }

    /// Reads `url`; JSON when the file starts with `{`, CSV otherwise.
    public static func read(_ url: URL) throws(ReadError) -> PreviousClassification {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReadError(message: "\(name): cannot read the previous classification — \(error.localizedDescription)")
        }
        let firstByte = data.first {
            !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF)
        }
        if firstByte == UInt8(ascii: "{") { return try readJSON(data, name: name) }
        return try readCSV(path: url.path, name: name)
    }

    static func readJSON(_ data: Data, name: String) throws(ReadError) -> PreviousClassification {
        let root: JSONValue
        do {
            root = try JSONValue(parsing: [UInt8](data))
        } catch {
            throw ReadError(message: "\(name):\(error.line):\(error.column): \(error.message)")
        }
        func member(_ value: JSONValue, _ key: String) -> JSONValue? {
            guard case .object(let members) = value else { return nil }
            return members.first { $0.0 == key }?.1
        }
        func text(_ value: JSONValue, _ key: String) -> String? {
            guard case .string(let s)? = member(value, key) else { return nil }
            return s
        }
        guard case .array(let rows)? = member(root, "item_locations") else {
            throw ReadError(
                message:
                    "\(name): not a classification — expected the JSON of `procura classify --format json` with an \"item_locations\" array"
            )
        }
        var result = PreviousClassification()
        for (k, row) in rows.enumerated() {
            guard let item = text(row, "item_id"), let location = text(row, "location_id") else {
                throw ReadError(message: "\(name): item_locations[\(k)] — expected \"item_id\" and \"location_id\" strings")
            }
            let entry = try entry(
                abc: text(row, "abc"), xyz: text(row, "xyz"), pattern: text(row, "pattern"),
                position: "\(name): item_locations[\(k)]")
            result.set(entry, item: item, location: location)
        }
        return result
    }

    static func readCSV(path: String, name: String) throws(ReadError) -> PreviousClassification {
        let csv: CSVDocument
        do {
            csv = try CSVDocument(path: path, name: name)
        } catch {
            throw ReadError(message: error.message)
        }
        guard let item = csv.column("item_id"), let location = csv.column("location_id"),
            csv.column("abc") != nil || csv.column("xyz") != nil || csv.column("pattern") != nil
        else {
            throw ReadError(message: "\(name):1: header — expected item_id, location_id and at least one of abc, xyz, pattern")
        }
        var result = PreviousClassification()
        for (line, fields) in csv.rows where !fields.allSatisfy(\.isEmpty) {
            func value(_ column: String) -> String? {
                csv.column(column).flatMap { $0 < fields.count ? fields[$0] : nil }
            }
            let entry = try entry(abc: value("abc"), xyz: value("xyz"), pattern: value("pattern"), position: "\(name):\(line)")
            result.set(
                entry, item: item < fields.count ? fields[item] : "", location: location < fields.count ? fields[location] : "")
        }
        return result
    }

    static func entry(abc: String?, xyz: String?, pattern: String?, position: String) throws(ReadError)
        -> PreviousClassification.Entry
    {
        var entry = PreviousClassification.Entry()
        if let abc, !abc.isEmpty {
            guard let value = ABCClass(rawValue: abc.uppercased()) else {
                throw ReadError(message: "\(position): abc '\(abc)' — expected A, B or C")
            }
            entry.abc = value
        }
        if let xyz, !xyz.isEmpty {
            guard let value = XYZClass(rawValue: xyz.uppercased()) else {
                throw ReadError(message: "\(position): xyz '\(xyz)' — expected X, Y or Z")
            }
            entry.xyz = value
        }
        if let pattern, !pattern.isEmpty {
            guard let value = DemandPattern(rawValue: pattern.lowercased()) else {
                throw ReadError(
                    message: "\(position): pattern '\(pattern)' — expected smooth, erratic, intermittent, lumpy or no_demand")
            }
            entry.pattern = value
        }
        return entry
    }
}
