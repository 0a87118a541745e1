import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import Testing

@testable import WebApp

@Suite("Back-tests and scenarios run in the background from their pages, with progress")
struct AnalysisJobPageTests {
    /// Follows `/analysis-jobs/{id}` until it stops refreshing itself; returns the last page.
    static func follow(_ client: any TestClientProtocol, _ location: String, headers: HTTPFields) async throws -> String {
        var text = ""
        for _ in 0..<1200 {
            let response = try await client.execute(uri: location, method: .get, headers: headers)
            #expect(response.status == .ok)
            text = response.text
            if !text.contains("http-equiv=\"refresh\"") { break }
            #expect(text.contains("<progress max=\"100\""))
            try await Task.sleep(for: .milliseconds(100))
        }
        return text
    }

    @Test(
        "a planner starts a scenario, a stress test and a back-test from the forms; each page follows its job and then shows the result; a bad spec comes back with its problems and queues nothing; another user gets 404"
    )
    func runWithProgress() async throws {
        try await WebFixture.withApp { client, _, _ in
            let pia = try await signIn(client, "pia")
            let scenarios = try await client.execute(uri: "/scenarios", method: .get, headers: pia.headers)
            #expect(scenarios.text.contains("action=\"/scenarios/jobs\""))
            #expect(scenarios.text.contains("Run the scenario (in the background, with progress)"))

            let (bh, bb) = pia.form([("spec", "name: Bad\nshocks:\n  - kind: demand\n    factor: -2\n")])
            let bad = try await client.execute(uri: "/scenarios/jobs", method: .post, headers: bh, body: bb)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("id=\"scenario-error\""))
            #expect(bad.text.contains("line 4, shocks[0].factor: expected a number &gt; 0"))

            let spec = "name: Spring surge\nlead_times: sampled\nreplications: 2\nshocks:\n  - kind: demand\n    factor: 1.3\n"
            let (sh, sb) = pia.form([("spec", spec), ("replications", ""), ("seed", "3")])
            let started = try await client.execute(uri: "/scenarios/jobs", method: .post, headers: sh, body: sb)
            #expect(started.status == .seeOther)
            let location = try #require(started.headers[.location])
            #expect(location.hasPrefix("/analysis-jobs/job_"))
            let done = try await Self.follow(client, location, headers: pia.headers)
            #expect(done.contains("<h2>Spring surge</h2>"))
            #expect(done.contains("2 replication(s) — demand from the history, lead times drawn order by order, backorders"))
            #expect(!done.contains("bucket") && !done.contains("review_period_days"))

            let (th, tb) = pia.form([("stress", "port-closure")])
            let stress = try await client.execute(uri: "/scenarios/jobs", method: .post, headers: th, body: tb)
            let stressDone = try await Self.follow(client, try #require(stress.headers[.location]), headers: pia.headers)
            #expect(stressDone.contains("Deltas per class"))

            let backtest = try await client.execute(uri: "/backtest", method: .get, headers: pia.headers)
            #expect(backtest.text.contains("action=\"/backtest/jobs\""))
            let (oh, ob) = pia.form([("lead_times", "mean"), ("unmet_demand", "lost_sales"), ("split_sourcing", "true")])
            let replay = try await client.execute(uri: "/backtest/jobs", method: .post, headers: oh, body: ob)
            #expect(replay.status == .seeOther)
            let replayed = try await Self.follow(client, try #require(replay.headers[.location]), headers: pia.headers)
            #expect(replayed.contains("id=\"job-note\""))
            #expect(replayed.contains("with lost sales") && replayed.contains("the receipts' mean"))

            // Without the form's token nothing starts; another user's job is not theirs to see.
            var formHeaders = pia.headers
            formHeaders[.contentType] = "application/x-www-form-urlencoded"
            let noToken = try await client.execute(
                uri: "/backtest/jobs", method: .post, headers: formHeaders, body: ByteBuffer(string: "lead_times=mean"))
            #expect(noToken.status == .forbidden)
            let bo = try await signIn(client, "bo")
            let foreign = try await client.execute(uri: location, method: .get, headers: bo.headers)
            #expect(foreign.status == .notFound)
        }
    }
}
