import Foundation
import Logging
import Testing

@testable import WebApp

@Suite("HTTP plumbing: route normalisation, log escaping")
struct HTTPPlumbingTests {
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
            metadata: [
                "user": "x\n1970-01-01T00:00:00Z info procura.web : user=admin [WebApp] signed in", "address": "127.0.0.1",
                "q": "a\"b=c\\d",
            ],
            source: "WebApp", message: "sign-in refused\r\n")
        #expect(
            line
                == #"1970-01-01T00:00:00Z info procura.web : address=127.0.0.1 q="a\"b=c\\d" user="x\n1970-01-01T00:00:00Z info procura.web : user=admin [WebApp] signed in" [WebApp] sign-in refused\r\n"#
                + "\n")
        #expect(EscapingLogHandler.escape("\u{1b}[31mred", quoting: true) == #"\u{1b}[31mred"#)
    }
}
