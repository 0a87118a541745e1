import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Planning
import Storage
import Testing

@testable import WebApp

@Suite("The Provisions page")
struct ProvisionPageTests {
    @Test("a planner runs a month from the page, finance approves it there (not the planner), the export links appear")
    func runAndApprove() async throws {
        try await WebFixture.withApp { client, _, store in
            let pia = try await signIn(client, "pia")
            let (h, b) = pia.form([("month", "2026-11")])
            let ran = try await client.execute(uri: "/provisions/run", method: .post, headers: h, body: b)
            #expect(ran.status == .seeOther, "\(ran.status) \(ran.text.prefix(200))")
            #expect(ran.headers[.location]?.hasPrefix("/provisions?run=PR-2026-11&message=PR-2026-11%20is%20a%20draft") == true)
            let page = try await client.execute(uri: "/provisions", method: .get, headers: pia.headers)
            #expect(page.status == .ok)
            for marker in ["id=\"provision-runs\"", "id=\"provision-lines\"", "PR-2026-11", "id=\"provisions-run\""] {
                #expect(page.text.contains(marker), "page lacks \(marker)")
            }
            #expect(!page.text.contains("action=\"/provisions/PR-2026-11/approve\""), "a planner is offered no approval")
            #expect(!page.text.contains("review_period_days") && !page.text.contains("bucket"))
            let (ph, pb) = pia.form([])
            let refused = try await client.execute(
                uri: "/provisions/PR-2026-11/approve", method: .post, headers: ph, body: pb)
            #expect(refused.status == .forbidden)
            #expect(try await store.provisionRun("PR-2026-11").state == .draft)

            let fin = try await signIn(client, "fin")
            let finPage = try await client.execute(uri: "/provisions", method: .get, headers: fin.headers)
            #expect(finPage.text.contains("action=\"/provisions/PR-2026-11/approve\""))
            let (fh, fb) = fin.form([])
            let approved = try await client.execute(uri: "/provisions/PR-2026-11/approve", method: .post, headers: fh, body: fb)
            #expect(approved.status == .seeOther)
            let after = try await client.execute(uri: "/provisions?run=PR-2026-11", method: .get, headers: fin.headers)
            #expect(after.text.contains("/api/v1/provisions/PR-2026-11/export?format=csv"))
            #expect(try await store.provisionRun("PR-2026-11").approvedBy == "fin")

            let supplier = try await signIn(client, "supa")
            let hidden = try await client.execute(uri: "/provisions", method: .get, headers: supplier.headers)
            #expect(hidden.status == .forbidden && !hidden.text.contains("<table"))
        }
    }
}
