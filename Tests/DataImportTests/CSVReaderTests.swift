import Foundation
import ProcuraTestSupport
import Testing

@testable import DataImport

/// A record as the reader hands it out, for comparison.
struct ReadRecord: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    var problem: CSVSyntaxProblem?

    var description: String { "\(line): \(fields)" + (problem.map { " \($0)" } ?? "") }
}

/// Reads every record of `bytes` with the given chunk size.
func readAll(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> [ReadRecord] {
    let url = try Fixtures.temporaryDirectory("procura-csv").appendingPathComponent("file.csv")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    try Data(bytes).write(to: url)
    let reader = try CSVReader(path: url.path, configuration: .init(chunkSize: chunkSize))
    var records: [ReadRecord] = []
    while try reader.next() {
        let record = reader.record
        let fields = (0..<record.fieldCount).map { String(decoding: record.field($0), as: UTF8.self) }
        records.append(ReadRecord(line: record.line, fields: fields, problem: record.problem))
    }
    return records
}

func readAll(_ text: String, chunkSize: Int = 1 << 20) throws -> [ReadRecord] {
    try readAll(Array(text.utf8), chunkSize: chunkSize)
}

@Suite("CSV reader: RFC 4180 over byte chunks")
struct CSVReaderTests {
    @Test("plain records with LF line ends and physical line numbers")
    func plain() throws {
        let records = try readAll("a,b,c\n1,2,3\n4,,6\n")
        #expect(
            records == [
                ReadRecord(line: 1, fields: ["a", "b", "c"]),
                ReadRecord(line: 2, fields: ["1", "2", "3"]),
                ReadRecord(line: 3, fields: ["4", "", "6"]),
            ])
    }

    @Test("CRLF, lone CR and a missing final line end")
    func lineEnds() throws {
        #expect(
            try readAll("a,b\r\n1,2\r\n3,4") == [
                ReadRecord(line: 1, fields: ["a", "b"]), ReadRecord(line: 2, fields: ["1", "2"]),
                ReadRecord(line: 3, fields: ["3", "4"]),
            ])
        #expect(
            try readAll("a,b\r1,2\r") == [ReadRecord(line: 1, fields: ["a", "b"]), ReadRecord(line: 2, fields: ["1", "2"])])
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func byteOrderMark() throws {
        let records = try readAll([0xEF, 0xBB, 0xBF] + Array("id,x\nA,1\n".utf8))
        #expect(records.first?.fields == ["id", "x"])
        #expect(records.count == 2)
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; the next record's line counts them")
    func quoted() throws {
        let records = try readAll("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\nhere\"\n4,\"\"\n")
        #expect(
            records == [
                ReadRecord(line: 1, fields: ["id", "text"]),
                ReadRecord(line: 2, fields: ["1", "a, b"]),
                ReadRecord(line: 3, fields: ["2", "say \"hi\""]),
                ReadRecord(line: 4, fields: ["3", "two\r\nlines\nhere"]),
                ReadRecord(line: 7, fields: ["4", ""]),
            ])
    }

    @Test("blank lines are skipped, an empty quoted field is not a blank line")
    func blankLines() throws {
        let records = try readAll("a\n\n1\n\r\n\"\"\n2\n\n")
        #expect(
            records == [
                ReadRecord(line: 1, fields: ["a"]), ReadRecord(line: 3, fields: ["1"]), ReadRecord(line: 5, fields: [""]),
                ReadRecord(line: 6, fields: ["2"]),
            ])
    }

    @Test("an empty file has no records, also with only a BOM")
    func empty() throws {
        #expect(try readAll("").isEmpty)
        #expect(try readAll([0xEF, 0xBB, 0xBF]).isEmpty)
        #expect(try readAll("\n\n").isEmpty)
    }

    @Test("syntax problems: stray quote, text after a closing quote, unterminated quote")
    func problems() throws {
        let records = try readAll("a,b\n1,x\"y\n\"q\"z,2\n3,\"open\nnever closed\n")
        #expect(
            records.map(\.problem) == [
                nil,
                CSVSyntaxProblem(kind: .strayQuote, line: 2, column: 2),
                CSVSyntaxProblem(kind: .textAfterClosingQuote, line: 3, column: 1),
                CSVSyntaxProblem(kind: .unterminatedQuote, line: 4, column: 2),
            ])
        // Reading goes on after a stray quote and text after a closing quote.
        #expect(records[2].fields == ["q", "2"])
    }

    static let tricky =
        "\u{FEFF}item_id,description,quantity\r\n"
        + "A,\"comma, inside\",1\r\n"
        + "B,\"quote \"\"inside\"\" and\r\nline break\",2\n"
        + "C,plain,3\r"
        + "D,\"\",4\n"
        + "\n"
        + "E,\"ends with quote \"\"\",5\r\n"
        + "F,\"" + String(repeating: "long ", count: 40) + "\",6"

    @Test("every chunk size from 1 to 64 bytes gives the same records as one big chunk")
    func chunkBoundaries() throws {
        let expected = try readAll(Self.tricky)
        #expect(expected.count == 7)
        #expect(expected[2] == ReadRecord(line: 3, fields: ["B", "quote \"inside\" and\r\nline break", "2"]))
        #expect(expected[4] == ReadRecord(line: 6, fields: ["D", "", "4"]))
        #expect(expected[5] == ReadRecord(line: 8, fields: ["E", "ends with quote \"", "5"]))
        for chunk in 1...64 {
            #expect(try readAll(Self.tricky, chunkSize: chunk) == expected, "chunk size \(chunk)")
        }
    }

    @Test("a quoted field spanning the 1 MiB chunk boundary")
    func mebibyteBoundary() throws {
        let chunk = 1 << 20
        let header = "id,text\n"
        // The quoted field starts 10 bytes before the first chunk ends and holds a line break and a doubled quote there.
        let padding = String(repeating: "x", count: chunk - header.utf8.count - 10 - "1,".utf8.count - 1)
        let text = header + "0," + padding + "\n" + "1,\"abc\"\"de\nfghij,klmnop\"\n2,z\n"
        let records = try readAll(text)
        #expect(records.count == 4)
        #expect(records[2] == ReadRecord(line: 3, fields: ["1", "abc\"de\nfghij,klmnop"]))
        #expect(records[3] == ReadRecord(line: 5, fields: ["2", "z"]))
        #expect(try readAll(text, chunkSize: chunk) == records)
    }
}
