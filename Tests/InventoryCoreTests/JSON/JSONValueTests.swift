import InventoryCore
import Testing

@Suite("JSON: one convention for writing, parsing, encoding and decoding")
struct JSONValueTests {
    @Test("numbers: whole below 1e15 without fraction, shortest round trip, NaN null, ±∞ as strings")
    func numbers() {
        #expect(JSONValue.text(of: 3) == "3")
        #expect(JSONValue.text(of: -0.1) == "-0.1")
        #expect(JSONValue.text(of: 1e15) == "1000000000000000.0" && JSONValue.text(of: 1e17) == "1e+17")
        #expect(JSONValue.text(of: .nan) == "null")
        #expect(JSONValue.text(of: .infinity) == "\"inf\"")
        #expect(JSONValue.text(of: -.infinity) == "\"-inf\"")
        let third = 1.0 / 3
        #expect(Double(JSONValue.text(of: third)) == third)
    }

    @Test("compact, pretty and minified forms of one value")
    func forms() {
        let value = JSONValue.object([("a", .integer(1)), ("b", .array([.string("x\n\"y\""), .null, .bool(true)]))])
        #expect(value.compact == #"{"a": 1, "b": ["x\n\"y\"", null, true]}"#)
        #expect(value.minified == #"{"a":1,"b":["x\n\"y\"",null,true]}"#)
        #expect(value.pretty == "{\n  \"a\": 1,\n  \"b\": [\n    \"x\\n\\\"y\\\"\",\n    null,\n    true\n  ]\n}")
        #expect(JSONValue.quoted("tab\there\u{01}") == #""tab\there\u0001""#)
    }

    @Test("parsing keeps member order, reads escapes and surrogate pairs, integers and floats")
    func parsing() throws {
        let value = try JSONValue(parsing: #" {"z": 1, "a": [1.5, -2, 1e3, "\u00e9\ud83d\ude00", false, null]} "#)
        #expect(
            value
                == .object([
                    ("z", .integer(1)),
                    ("a", .array([.number(1.5), .integer(-2), .number(1000), .string("é😀"), .bool(false), .null])),
                ]))
        #expect(try JSONValue(parsing: "\u{FEFF}[]") == .array([]))
        #expect(try JSONValue(parsing: "123456789012345678901234567890") == .number(123456789012345678901234567890))
    }

    @Test(
        "parse errors name the line, the column and what was expected",
        arguments: [
            (#"{"a": 1, "a": 2}"#, "line 1, column 10: duplicate key 'a' in an object — give each key once"),
            ("{\n  \"a\": 1,\n}", "line 3, column 1: unexpected '}' — expected a key in double quotes"),
            ("[1, 2", "line 1, column 6: the text ends inside an array — expected ',' or ']'"),
            ("01", "line 1, column 1: a number must not start with 0 (leading zeros)"),
            ("NaN", "line 1, column 1: unexpected 'N' — expected a value (object, array, string, number, true, false or null)"),
            ("1e999", "line 1, column 1: the number 1e999 is outside the range of a 64-bit float"),
            ("\"a\u{01}\"", "line 1, column 3: control character byte 0x1 inside a string — escape it (\\n, \\t, \\u00XX)"),
            ("[] []", "line 1, column 4: unexpected '[' after the JSON value — expected the end of the text"),
            (#""\ud800x""#, "line 1, column 8: a high surrogate \\ud800 must be followed by a low surrogate"),
        ])
    func parseErrors(text: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("hostile nesting is refused at the depth limit, not by a stack overflow")
    func depth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError(line: 1, column: 129, message: "nesting deeper than 128 levels")) {
            try JSONValue(parsing: deep)
        }
        #expect(throws: Never.self) {
            try JSONValue(parsing: String(repeating: "[", count: 128) + String(repeating: "]", count: 128))
        }
    }

    struct Sample: Codable, Equatable {
        var itemID: String
        var leadTimeDays: Double
        var safetyStock: Double
        var maximum: Double
        var note: String?
        var byCode: [String: Int]
        var urlValue: Int
    }

    @Test("encoding: snake-case keys in declaration order, NaN null, ∞ string, dictionary keys kept and sorted, nil omitted")
    func encoding() throws {
        let sample = Sample(
            itemID: "P-1", leadTimeDays: 7.5, safetyStock: .nan, maximum: .infinity, note: nil, byCode: ["Z-9": 1, "A-1": 2],
            urlValue: 3)
        let json = try JSONValueEncoder().encode(sample)
        #expect(
            json.minified
                == #"{"item_id":"P-1","lead_time_days":7.5,"safety_stock":null,"maximum":"inf","by_code":{"A-1":2,"Z-9":1},"url_value":3}"#
        )
        #expect(JSONValueEncoder.snakeCase("URLValue") == "url_value")
        #expect(JSONValueEncoder.snakeCase("abcXYZClass") == "abc_xyz_class")
        #expect(JSONValueEncoder.snakeCase("already_snake") == "already_snake")
    }

    @Test("decoding reads what encoding wrote: NaN from null, ±∞ from strings, the old \"nan\" too")
    func roundTrip() throws {
        let sample = Sample(
            itemID: "P-1", leadTimeDays: 7.5, safetyStock: .nan, maximum: -.infinity, note: "n", byCode: ["K": 1], urlValue: 3)
        let text = try JSONValueEncoder().encode(sample).minified
        let back = try JSONValueDecoder().decode(Sample.self, fromText: text)
        #expect(back.itemID == "P-1" && back.leadTimeDays == 7.5 && back.safetyStock.isNaN && back.maximum == -.infinity)
        #expect(back.note == "n" && back.byCode == ["K": 1] && back.urlValue == 3)
        let old = try JSONValueDecoder().decode(
            Sample.self,
            fromText: #"{"item_id":"P","lead_time_days":1,"safety_stock":"nan","maximum":"inf","by_code":{},"url_value":1}"#)
        #expect(old.safetyStock.isNaN && old.maximum == .infinity && old.leadTimeDays == 1)
    }

    @Test("decoding errors name the field")
    func decodingErrors() throws {
        struct Small: Decodable { var count: Int }
        #expect {
            try JSONValueDecoder().decode(Small.self, fromText: #"{"count": 1.5}"#)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["count"]
                && context.debugDescription.contains("1.5 is not a whole number")
        }
        #expect {
            try JSONValueDecoder().decode(Small.self, fromText: #"{"count": 99999999999999999999}"#)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.contains("is not a whole number")
        }
        #expect {
            try JSONValueDecoder().decode(Small.self, fromText: #"{}"#)
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "count"
        }
        #expect(throws: JSONSyntaxError.self) {
            try JSONValueDecoder().decode(Small.self, fromText: #"{"count": 1, "count": 2}"#)
        }
    }
}
