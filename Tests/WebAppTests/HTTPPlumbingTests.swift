import Foundation
import Logging
import Testing
@testable import WebApp

@Suite("HTTP plumbing: duplicate JSON keys, route normalisation, log escaping")
struct HTTPPlumbingTests {
    static func duplicate(_ json: String) -> String? {
        DuplicateKeyCheck.firstDuplicate(in: Array(json.utf8)).map { "\($0.key)|\($0.earlier)" }
    }

    @Test("duplicate keys are found in any object, as the decoder will read them; the same key in two objects is fine")
    func duplicateKeys() {
        #expect(Self.duplicate(#"{"a":1,"b":{"c":[1,{"d":2,"d":3}]}}"#) == "d|d")
        #expect(Self.duplicate(#"{"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]}"#) == nil)
        #expect(Self.duplicate(#"{"re\u0061son":"a","reason":"b"}"#) == "reason|reason")
        #expect(Self.duplicate(#"{"item_id":"a","itemId":"b"}"#) == "itemId|item_id", "one field after snake-case conversion")
        #expect(Self.duplicate(#"{"a":"\"a\":1","b":"{\"a\":2}"}"#) == nil, "keys inside strings are text")
        #expect(Self.duplicate(#"{"\ud83d\ude00":1,"😀":2}"#) == "😀|😀", "surrogate pairs")
        #expect(Self.duplicate(String(repeating: "[", count: 100_000)) == nil, "any depth, no recursion")
        #expect(Self.duplicate(#"{"a":1,"a""#) == "a|a" || Self.duplicate(#"{"a":1,"a""#) == nil)
    }

    @Test("snake case converts as Foundation's decoder does")
    func snakeCase() {
        #expect(DuplicateKeyCheck.snakeToCamel("item_id") == "itemId")
        #expect(DuplicateKeyCheck.snakeToCamel("_item_ID_") == "_itemId_")
        #expect(DuplicateKeyCheck.snakeToCamel("itemId") == "itemId")
        #expect(DuplicateKeyCheck.snakeToCamel("__") == "__")
    }

    @Test("paths are normalised as the router and browsers read them")
    func routePaths() {
        #expect(RoutePath.normalised("//api/v1/tokens") == "/api/v1/tokens")
        #expect(RoutePath.normalised("/./api/v1/%74okens") == "/api/v1/tokens")
        #expect(RoutePath.normalised("/items/../api/v1/me") == "/api/v1/me")
        #expect(RoutePath.normalised("/../../") == "/")
    }

    @Test("log lines escape every value: no line break, quote or field can be forged")
    func logLines() {
        let line = EscapingLogHandler.line(
            date: Date(timeIntervalSince1970: 0), level: .info, label: "procura.web",
            metadata: ["user": "x\n1970-01-01T00:00:00Z info procura.web : user=admin [WebApp] signed in", "address": "127.0.0.1", "q": "a\"b=c\\d"],
            source: "WebApp", message: "sign-in refused\r\n")
        #expect(
            line
                == #"1970-01-01T00:00:00Z info procura.web : address=127.0.0.1 q="a\"b=c\\d" user="x\n1970-01-01T00:00:00Z info procura.web : user=admin [WebApp] signed in" [WebApp] sign-in refused\r\n"#
                + "\n")
        #expect(EscapingLogHandler.escape("\u{1b}[31mred", quoting: true) == #"\u{1b}[31mred"#)
    }
}
