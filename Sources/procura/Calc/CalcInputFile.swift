import ArgumentParser
import Foundation
import InventoryCore

/// The case-file calculators' options (`procura calc NAME --input FILE --format json`): FILE is a
/// JSON object with the keys of a reference case's `args` (`-` reads standard input); the result
/// is one JSON object with the keys of its `expected`.
struct CalcInputOptions: ParsableArguments {
    @Option(help: "A JSON file with the calculator's inputs (the keys of docs/calculators.md); `-` for standard input.")
    var input: String

    @Option(help: "Output: json (one JSON object) or table (the same numbers, one per line).")
    var format: CalcFormat = .json

    /// Reads and decodes the input file. A file that cannot be read, is not JSON, or lacks a field
    /// is invalid data (exit 65) with the file, the place and what was expected.
    func read<T: Decodable>(_ type: T.Type) throws -> T {
        let name = input == "-" ? "standard input" : input
        let data: Data
        if input == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: input) else {
                throw CommandFailure.invalidData("\(input): cannot read the file — check the path")
            }
            data = read
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: [UInt8](data))
        } catch {
            throw CommandFailure.invalidData("\(name):\(error.line):\(error.column): \(error.message)")
        }
        do {
            return try JSONValueDecoder().decode(type, from: value)
        } catch let error as DecodingError {
            throw CommandFailure.invalidData("\(name): \(JSONValueDecoder.describe(error))")
        }
    }

    /// Prints a result: its JSON, or each top-level member on a line.
    func print(_ result: some Encodable) throws {
        let value = try JSONValueEncoder().encode(result)
        switch format {
        case .json: StandardStreams.out(value.pretty + "\n")
        case .table:
            guard case .object(let members) = value else {
                StandardStreams.out(value.pretty + "\n")
                return
            }
            let width = members.map(\.0.count).max() ?? 0
            for (key, member) in members {
                StandardStreams.out(key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + member.compact + "\n")
            }
        }
    }
}

/// `--format json|table` of the case-file calculators.
enum CalcFormat: String, ExpressibleByArgument, CaseIterable {
    case json, table
}
