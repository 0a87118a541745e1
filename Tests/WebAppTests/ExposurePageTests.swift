import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

@Suite("The exposure report's PDF")
struct ExposurePageTests {
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
