import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Planning
import ProcuraTestSupport
import Storage
import Testing

@testable import WebApp

@Suite("The exposure report's PDF and month-end closes")
struct ExposurePageTests {
    @Test("finance closes the month on the page; the closed month reads from its close; a viewer has no button and is refused")
    func closeOnThePage() async throws {
        try await WebFixture.withApp { client, _, store in
            let viewer = try await signIn(client, "vic")
            let plain = try await client.execute(uri: "/excess/exposure", method: .get, headers: viewer.headers)
            #expect(plain.status == .ok)
            #expect(plain.text.contains("id=\"exposure-closes\"") && plain.text.contains("no month closed"))
            #expect(!plain.text.contains("id=\"exposure-close\""), "no close button for a viewer")
            let month = try await store.exposureReport(month: nil).month
            let (vh, vb) = viewer.form([("month", month)])
            let refused = try await client.execute(uri: "/excess/exposure/close", method: .post, headers: vh, body: vb)
            #expect(refused.status == .forbidden)
            #expect(try await store.exposureCloses().isEmpty, "nothing stored")

            let fin = try await signIn(client, "fin")
            let page = try await client.execute(uri: "/excess/exposure", method: .get, headers: fin.headers)
            #expect(page.text.contains("id=\"exposure-close\"") && page.text.contains("Close this month (\(month))"))
            let (h, b) = fin.form([("month", month)])
            let closed = try await client.execute(uri: "/excess/exposure/close", method: .post, headers: h, body: b)
            #expect(closed.status == .seeOther)
            let target = try #require(closed.headers[.location])
            #expect(target.hasPrefix("/excess/exposure?month=\(month)&message="))
            let stored = try #require(try await store.exposureClose(month: month))
            #expect(stored.closedBy == "fin" && stored.source == "closed")
            let shown = try await client.execute(uri: target, method: .get, headers: fin.headers)
            #expect(shown.status == .ok)
            #expect(shown.text.contains("id=\"exposure-closed\""))
            #expect(shown.text.contains("closed by fin at \(stored.closedAt ?? "")"))
            #expect(shown.text.contains("<td><a href=\"/excess/exposure?month=\(month)\">\(month)</a></td>"))
            #expect(!shown.text.contains("id=\"exposure-close\""), "a closed month offers no close")
            #expect(!shown.text.contains("bucket") && !shown.text.contains("review_period_days"))
        }
    }

    @Test(
        "/excess/exposure.pdf is the page printed by chromium; suppliers are refused",
        .enabled(
            if: ProcessInfo.processInfo.environment["PROCURA_BROWSER_TESTS"] == "1",
            "PDF test skipped: set PROCURA_BROWSER_TESTS=1 (see .ci/web-tools.sh)"))
    func pdf() async throws {
        try await WebFixture.withApp { client, _, _ in
            let session = try await signIn(client, "pia")
            let response = try await client.execute(uri: "/excess/exposure.pdf", method: .get, headers: session.headers)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/pdf")
            #expect(Array(response.body.readableBytesView.prefix(4)) == Array("%PDF".utf8))
            let supplier = try await signIn(client, "supa")
            let refused = try await client.execute(uri: "/excess/exposure.pdf", method: .get, headers: supplier.headers)
            #expect(refused.status == .forbidden)
        }
    }

    @Test("the browser: PROCURA_CHROMIUM, else chromium on the PATH, else none")
    func missingBrowser() async throws {
        #expect(PDFPrinter.browser(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(PDFPrinter.browser(environment: ["PATH": "/nonexistent", "PROCURA_CHROMIUM": "/opt/chrome"]) == "/opt/chrome")
    }
}
