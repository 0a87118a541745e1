import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing
import Workflow

@testable import WebApp

@Suite("JSON API against its OpenAPI document")
struct APIContractTests {
    @Test(
        "every documented operation is exercised, and every response has a documented status and shape", .timeLimit(.minutes(15)))
    func everyOperation() async throws {
        let contract = try OpenAPIContract()
        try await WebFixture.withApp { client, fixture, store in
            let api = ContractRecorder(contract: contract, client: client)
            let admin = apiHeaders(fixture.account("admin").token)
            let viewer = apiHeaders(fixture.account("vic").token)
            let supplier = apiHeaders(fixture.account("supa").token)
            let (item, location) = fixture.itemOfA

            try await api.call(.get, "/health", "/health", headers: [:], expect: .ok)
            try await api.call(.get, "/api/v1/me", "/api/v1/me", headers: admin, expect: .ok)
            try await api.call(.get, "/api/v1/me", "/api/v1/me", headers: [:], expect: .unauthorized)
            try await api.call(
                .get, "/api/v1/me", "/api/v1/me", headers: apiHeaders("procura_not-a-token"), expect: .unauthorized)

            // Items and classification.
            let list = try await api.call(
                .get, "/api/v1/items", "/api/v1/items?limit=5&sort=-annual_value", headers: admin, expect: .ok)
            let page = try JSONValue.parse(list.body.data)
            #expect(page["items"].array.count == 5)
            let values = page["items"].array.compactMap { $0["annual_value"].double }
            #expect(values == values.sorted(by: >), "sorted by annual value, descending")
            let next = try #require(page["next_cursor"].string)
            let second = try await api.call(
                .get, "/api/v1/items", "/api/v1/items?limit=5&sort=-annual_value&cursor=\(next)", headers: admin, expect: .ok)
            #expect(try JSONValue.parse(second.body.data)["items"][0]["annual_value"].double ?? .infinity <= values.last ?? 0)
            let filtered = try await api.call(
                .get, "/api/v1/items", "/api/v1/items?abc=A&location=\(location)&limit=500", headers: admin, expect: .ok)
            #expect(
                try JSONValue.parse(filtered.body.data)["items"].array.allSatisfy {
                    $0["abc"].string == "A" && $0["location_id"].string == location
                })
            try await api.call(.get, "/api/v1/items", "/api/v1/items?limit=0", headers: admin, expect: .badRequest)
            try await api.call(.get, "/api/v1/items", "/api/v1/items?abc=A", headers: supplier, expect: .forbidden)
            try await api.call(.get, "/api/v1/items", "/api/v1/items", headers: [:], expect: .unauthorized)
            try await api.call(.get, "/api/v1/items/{item_id}", "/api/v1/items/\(item)", headers: admin, expect: .ok)
            try await api.call(.get, "/api/v1/items/{item_id}", "/api/v1/items/NO-SUCH-ITEM", headers: admin, expect: .notFound)
            try await api.call(.get, "/api/v1/items/{item_id}", "/api/v1/items/\(item)", headers: [:], expect: .unauthorized)

            // Policies with their explanation, forecasts.
            let policyPath = "/api/v1/items/{item_id}/locations/{location_id}/policy"
            let policy = try await api.call(
                .get, policyPath, "/api/v1/items/\(item)/locations/\(location)/policy", headers: admin, expect: .ok)
            let p = try JSONValue.parse(policy.body.data)
            #expect(p["policy"]["item_id"].string == item && !(p["policy"]["explanation"]["steps"].array.isEmpty))
            try await api.call(
                .get, policyPath, "/api/v1/items/\(item)/locations/NOWHERE/policy", headers: admin, expect: .notFound)
            try await api.call(
                .get, policyPath, "/api/v1/items/\(item)/locations/\(location)/policy", headers: supplier, expect: .forbidden)
            try await api.call(
                .get, policyPath, "/api/v1/items/\(item)/locations/\(location)/policy", headers: [:], expect: .unauthorized)
            let forecastPath = "/api/v1/items/{item_id}/locations/{location_id}/forecast"
            let forecast = try await api.call(
                .get, forecastPath, "/api/v1/items/\(item)/locations/\(location)/forecast?history=26", headers: viewer,
                expect: .ok)
            // Suppliers get forecasts only as published versions (SharingContract).
            try await api.call(
                .get, forecastPath, "/api/v1/items/\(item)/locations/\(location)/forecast", headers: supplier, expect: .forbidden)
            let f = try JSONValue.parse(forecast.body.data)
            #expect(f["history"].array.count == 26 && f["forecast"].array.count == 13)
            try await api.call(
                .get, forecastPath, "/api/v1/items/\(item)/locations/\(location)/forecast?history=9999", headers: admin,
                expect: .badRequest)
            try await api.call(.get, forecastPath, "/api/v1/items/X/locations/Y/forecast", headers: admin, expect: .notFound)
            try await api.call(.get, forecastPath, "/api/v1/items/X/locations/Y/forecast", headers: [:], expect: .unauthorized)

            // Positions and the ledger.
            try await api.call(.get, "/api/v1/positions", "/api/v1/positions?limit=3", headers: admin, expect: .ok)
            try await api.call(.get, "/api/v1/positions", "/api/v1/positions?item_id=\(item)", headers: supplier, expect: .ok)
            try await api.call(.get, "/api/v1/positions", "/api/v1/positions", headers: supplier, expect: .badRequest)
            try await api.call(
                .get, "/api/v1/positions", "/api/v1/positions?item_id=\(fixture.itemOfB.item)", headers: supplier,
                expect: .notFound)
            try await api.call(.get, "/api/v1/positions", "/api/v1/positions?owner=nobody", headers: admin, expect: .badRequest)
            try await api.call(.get, "/api/v1/positions", "/api/v1/positions", headers: [:], expect: .unauthorized)
            let entries = try await api.call(
                .get, "/api/v1/ledger/entries", "/api/v1/ledger/entries?limit=2", headers: admin, expect: .ok)
            if let cursor = try JSONValue.parse(entries.body.data)["next_cursor"].string {
                try await api.call(
                    .get, "/api/v1/ledger/entries", "/api/v1/ledger/entries?limit=2&cursor=\(cursor)", headers: admin, expect: .ok
                )
            }
            try await api.call(
                .get, "/api/v1/ledger/entries", "/api/v1/ledger/entries?cursor=abc", headers: admin, expect: .badRequest)
            try await api.call(.get, "/api/v1/ledger/entries", "/api/v1/ledger/entries", headers: supplier, expect: .forbidden)
            try await api.call(.get, "/api/v1/ledger/entries", "/api/v1/ledger/entries", headers: [:], expect: .unauthorized)

            var keyed = admin
            keyed[.idempotencyKey] = "api-test-1"
            let receipt: [String: Any] = [
                "type": "receipt", "item_id": item, "location_id": location, "quantity": 5, "date": "2026-11-30",
            ]
            let posted = try await api.call(
                .post, "/api/v1/ledger/postings", "/api/v1/ledger/postings", headers: keyed, body: jsonBody(receipt),
                expect: .created)
            let replay = try await api.call(
                .post, "/api/v1/ledger/postings", "/api/v1/ledger/postings", headers: keyed, body: jsonBody(receipt), expect: .ok)
            #expect(replay.headers[.idempotentReplayed] == "true")
            #expect(try JSONValue.parse(replay.body.data)["entry_id"] == (try JSONValue.parse(posted.body.data)["entry_id"]))
            var changed = receipt
            changed["quantity"] = 6
            // The same key with a different posting: 422 (IETF Idempotency-Key draft).
            try await api.call(
                .post, "/api/v1/ledger/postings", "/api/v1/ledger/postings", headers: keyed, body: jsonBody(changed),
                expect: .unprocessableContent)
            try await api.call(
                .post, "/api/v1/ledger/postings", "/api/v1/ledger/postings", headers: admin, body: jsonBody(receipt),
                expect: .badRequest)
            var other = admin
            other[.idempotencyKey] = "api-test-2"
            try await api.call(
                .post, "/api/v1/ledger/postings", "/api/v1/ledger/postings", headers: other,
                body: jsonBody(["type": "teleport", "item_id": item, "location_id": location, "quantity": 1]),
                expect: .unprocessableContent)
            try await api.call(
                .post, "/api/v1/ledger/postings", "/api/v1/ledger/postings", headers: other,
                body: jsonBody(["type": "issue", "item_id": item, "location_id": location, "quantity": 1e12]),
                expect: .unprocessableContent)
            try await api.call(
                .post, "/api/v1/ledger/postings", "/api/v1/ledger/postings", headers: other, body: jsonBody(["type": 1]),
                expect: .badRequest)
            var viewerKeyed = viewer
            viewerKeyed[.idempotencyKey] = "api-test-3"
            try await api.call(
                .post, "/api/v1/ledger/postings", "/api/v1/ledger/postings", headers: viewerKeyed, body: jsonBody(receipt),
                expect: .forbidden)
            try await api.call(
                .post, "/api/v1/ledger/postings", "/api/v1/ledger/postings", headers: [.idempotencyKey: "x"],
                body: jsonBody(receipt), expect: .unauthorized)

            // Overrides: create, list, expire.
            let override: [String: Any] = [
                "item_id": item, "location_id": location, "parameter": "safety_stock", "value": 12.5,
                "reason": "supplier strike expected",
                "valid_from": "2026-11-01", "valid_to": "2027-01-31",
            ]
            let created = try await api.call(
                .post, "/api/v1/overrides", "/api/v1/overrides", headers: admin, body: jsonBody(override), expect: .created)
            let overrideID = try #require(try JSONValue.parse(created.body.data)["override_id"].string)
            var bad = override
            bad["parameter"] = "colour"
            try await api.call(
                .post, "/api/v1/overrides", "/api/v1/overrides", headers: admin, body: jsonBody(bad),
                expect: .unprocessableContent)
            bad = override
            bad["reason"] = " "
            try await api.call(
                .post, "/api/v1/overrides", "/api/v1/overrides", headers: admin, body: jsonBody(bad),
                expect: .unprocessableContent)
            try await api.call(
                .post, "/api/v1/overrides", "/api/v1/overrides", headers: admin, body: jsonBody(["item_id": item]),
                expect: .badRequest)
            try await api.call(
                .post, "/api/v1/overrides", "/api/v1/overrides", headers: viewer, body: jsonBody(override), expect: .forbidden)
            try await api.call(
                .post, "/api/v1/overrides", "/api/v1/overrides", headers: [:], body: jsonBody(override), expect: .unauthorized)
            let listed = try await api.call(
                .get, "/api/v1/overrides", "/api/v1/overrides?item_id=\(item)", headers: viewer, expect: .ok)
            #expect(try JSONValue.parse(listed.body.data)["overrides"].array.contains { $0["override_id"].string == overrideID })
            try await api.call(.get, "/api/v1/overrides", "/api/v1/overrides?active=maybe", headers: admin, expect: .badRequest)
            try await api.call(.get, "/api/v1/overrides", "/api/v1/overrides", headers: supplier, expect: .forbidden)
            try await api.call(.get, "/api/v1/overrides", "/api/v1/overrides", headers: [:], expect: .unauthorized)
            let expirePath = "/api/v1/overrides/{override_id}/expire"
            let expired = try await api.call(
                .post, expirePath, "/api/v1/overrides/\(overrideID)/expire", headers: admin, expect: .ok)
            #expect(try JSONValue.parse(expired.body.data)["active"] == .bool(false))
            try await api.call(.post, expirePath, "/api/v1/overrides/bm90LWFuLWlk/expire", headers: admin, expect: .notFound)
            try await api.call(.post, expirePath, "/api/v1/overrides/\(overrideID)/expire", headers: viewer, expect: .forbidden)
            try await api.call(.post, expirePath, "/api/v1/overrides/\(overrideID)/expire", headers: [:], expect: .unauthorized)

            // Plan runs: start in the background, follow the job, read, compare.
            try await api.call(.get, "/api/v1/plan-runs", "/api/v1/plan-runs", headers: admin, expect: .ok)
            try await api.call(.get, "/api/v1/plan-runs", "/api/v1/plan-runs?cursor=-1", headers: admin, expect: .badRequest)
            try await api.call(.get, "/api/v1/plan-runs", "/api/v1/plan-runs", headers: supplier, expect: .forbidden)
            try await api.call(.get, "/api/v1/plan-runs", "/api/v1/plan-runs", headers: [:], expect: .unauthorized)
            let started = try await api.call(
                .post, "/api/v1/plan-runs", "/api/v1/plan-runs", headers: admin, body: jsonBody(["label": "contract test"]),
                expect: .accepted)
            let jobID = try #require(try JSONValue.parse(started.body.data)["job_id"].string)
            #expect(started.headers[.location] == "/api/v1/plan-runs/jobs/\(jobID)")
            try await api.call(
                .post, "/api/v1/plan-runs", "/api/v1/plan-runs", headers: admin, body: jsonBody(["label": 5]), expect: .badRequest
            )
            try await api.call(
                .post, "/api/v1/plan-runs", "/api/v1/plan-runs", headers: viewer, body: jsonBody([:]), expect: .forbidden)
            try await api.call(
                .post, "/api/v1/plan-runs", "/api/v1/plan-runs", headers: [:], body: jsonBody([:]), expect: .unauthorized)
            var status = ""
            for _ in 0..<600 {
                let job = try await api.call(
                    .get, "/api/v1/plan-runs/jobs/{job_id}", "/api/v1/plan-runs/jobs/\(jobID)", headers: viewer, expect: .ok)
                status = try JSONValue.parse(job.body.data)["status"].string ?? ""
                if status == "complete" || status == "failed" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(status == "complete")
            try await api.call(
                .get, "/api/v1/plan-runs/jobs/{job_id}", "/api/v1/plan-runs/jobs/job_none", headers: admin, expect: .notFound)
            try await api.call(
                .get, "/api/v1/plan-runs/jobs/{job_id}", "/api/v1/plan-runs/jobs/\(jobID)", headers: supplier, expect: .forbidden)
            try await api.call(
                .get, "/api/v1/plan-runs/jobs/{job_id}", "/api/v1/plan-runs/jobs/\(jobID)", headers: [:], expect: .unauthorized)
            let run = try await api.call(
                .get, "/api/v1/plan-runs/{run_number}", "/api/v1/plan-runs/2", headers: admin, expect: .ok)
            #expect(try JSONValue.parse(run.body.data)["label"].string == "contract test")
            try await api.call(.get, "/api/v1/plan-runs/{run_number}", "/api/v1/plan-runs/99", headers: admin, expect: .notFound)
            try await api.call(
                .get, "/api/v1/plan-runs/{run_number}", "/api/v1/plan-runs/1", headers: supplier, expect: .forbidden)
            try await api.call(.get, "/api/v1/plan-runs/{run_number}", "/api/v1/plan-runs/1", headers: [:], expect: .unauthorized)
            let resultsPath = "/api/v1/plan-runs/{run_number}/results"
            let results = try await api.call(
                .get, resultsPath, "/api/v1/plan-runs/1/results?kind=policy&limit=2", headers: admin, expect: .ok)
            #expect(try JSONValue.parse(results.body.data)["results"].array.count == 2)
            try await api.call(
                .get, resultsPath, "/api/v1/plan-runs/1/results?kind=classification&item_id=\(item)", headers: admin, expect: .ok)
            try await api.call(.get, resultsPath, "/api/v1/plan-runs/1/results?kind=wrong", headers: admin, expect: .badRequest)
            try await api.call(.get, resultsPath, "/api/v1/plan-runs/99/results", headers: admin, expect: .notFound)
            try await api.call(.get, resultsPath, "/api/v1/plan-runs/1/results", headers: supplier, expect: .forbidden)
            try await api.call(.get, resultsPath, "/api/v1/plan-runs/1/results", headers: [:], expect: .unauthorized)
            let compared = try await api.call(
                .get, "/api/v1/plan-runs/compare", "/api/v1/plan-runs/compare?base=1&other=2", headers: admin, expect: .ok)
            #expect(try JSONValue.parse(compared.body.data)["totals"]["item_locations_base"].int ?? 0 > 0)
            try await api.call(
                .get, "/api/v1/plan-runs/compare", "/api/v1/plan-runs/compare?base=1", headers: admin, expect: .badRequest)
            try await api.call(
                .get, "/api/v1/plan-runs/compare", "/api/v1/plan-runs/compare?base=1&other=42", headers: admin, expect: .notFound)
            try await api.call(
                .get, "/api/v1/plan-runs/compare", "/api/v1/plan-runs/compare?base=1&other=2", headers: supplier,
                expect: .forbidden)
            try await api.call(
                .get, "/api/v1/plan-runs/compare", "/api/v1/plan-runs/compare?base=1&other=2", headers: [:], expect: .unauthorized
            )

            // Dashboard, tokens, audit.
            try await api.call(.get, "/api/v1/dashboard", "/api/v1/dashboard", headers: viewer, expect: .ok)
            try await api.call(.get, "/api/v1/dashboard", "/api/v1/dashboard", headers: supplier, expect: .forbidden)
            try await api.call(.get, "/api/v1/dashboard", "/api/v1/dashboard", headers: [:], expect: .unauthorized)
            // Supplier scorecards: planners see all, a supplier only its own, an unknown id is 404.
            let scorecards = "/api/v1/suppliers/scorecards"
            let cards = try JSONValue.parse(
                try await api.call(.get, scorecards, scorecards, headers: viewer, expect: .ok).body.data)
            #expect(
                !cards["scorecards"].array.isEmpty
                    && cards["scorecards"].array.allSatisfy {
                        $0["risk_base"].double != nil && $0["risk_performance"].double == 0
                    })
            try await api.call(.get, scorecards, scorecards, headers: supplier, expect: .ok)
            try await api.call(.get, scorecards, scorecards + "?supplier_id=NOPE-9", headers: viewer, expect: .notFound)
            try await api.call(.get, scorecards, scorecards, headers: [:], expect: .unauthorized)
            // Proposals and net requirements: who sees planning data; suppliers get 403.
            let proposals = try await api.call(.get, "/api/v1/proposals", "/api/v1/proposals", headers: viewer, expect: .ok)
            let body = try JSONValue.parse(proposals.body.data)
            #expect(body["horizon_buckets"].int == 13 && body["run_number"].int != nil)
            let counted = body["outcomes"].array.reduce(0) { $0 + ($1["count"].int ?? 0) }
            #expect(counted > 0)
            try await api.call(.get, "/api/v1/proposals", "/api/v1/proposals", headers: supplier, expect: .forbidden)
            try await api.call(
                .get, "/api/v1/proposals", "/api/v1/proposals?supplier_id=NOPE-9", headers: viewer, expect: .notFound)
            try await api.call(.get, "/api/v1/proposals", "/api/v1/proposals", headers: [:], expect: .unauthorized)
            let requirementsPath = "/api/v1/items/{item_id}/locations/{location_id}/requirements"
            let requirements = try await api.call(
                .get, requirementsPath, "/api/v1/items/\(item)/locations/\(location)/requirements", headers: viewer,
                expect: .ok)
            let r = try JSONValue.parse(requirements.body.data)
            #expect(r["item_id"].string == item && r["summary"].string != nil)
            try await api.call(
                .get, requirementsPath, "/api/v1/items/\(item)/locations/NOWHERE/requirements", headers: viewer,
                expect: .notFound)
            try await api.call(
                .get, requirementsPath, "/api/v1/items/\(item)/locations/\(location)/requirements", headers: supplier,
                expect: .forbidden)
            try await api.call(
                .get, requirementsPath, "/api/v1/items/\(item)/locations/\(location)/requirements", headers: [:],
                expect: .unauthorized)
            let token = try await api.call(
                .post, "/api/v1/tokens", "/api/v1/tokens", headers: viewer,
                body: jsonBody(["name": "reporting", "expires_in_days": 30]), expect: .created)
            let newToken = try JSONValue.parse(token.body.data)
            let secret = try #require(newToken["token"].string)
            let tokenID = try #require(newToken["token_id"].string)
            try await api.call(.get, "/api/v1/me", "/api/v1/me", headers: apiHeaders(secret), expect: .ok)
            try await api.call(
                .post, "/api/v1/tokens", "/api/v1/tokens", headers: viewer, body: jsonBody(["name": ""]),
                expect: .unprocessableContent)
            try await api.call(
                .post, "/api/v1/tokens", "/api/v1/tokens", headers: viewer, body: jsonBody([:]), expect: .badRequest)
            try await api.call(
                .post, "/api/v1/tokens", "/api/v1/tokens", headers: [:], body: jsonBody(["name": "x"]), expect: .unauthorized)
            let tokens = try await api.call(.get, "/api/v1/tokens", "/api/v1/tokens", headers: viewer, expect: .ok)
            #expect(!tokens.text.contains(secret), "secrets are never listed")
            try await api.call(.get, "/api/v1/tokens", "/api/v1/tokens", headers: [:], expect: .unauthorized)
            try await api.call(
                .delete, "/api/v1/tokens/{token_id}", "/api/v1/tokens/\(tokenID)", headers: supplier, expect: .notFound)
            try await api.call(
                .delete, "/api/v1/tokens/{token_id}", "/api/v1/tokens/\(tokenID)", headers: viewer, expect: .noContent)
            try await api.call(
                .delete, "/api/v1/tokens/{token_id}", "/api/v1/tokens/\(tokenID)", headers: [:], expect: .unauthorized)
            try await api.call(.get, "/api/v1/me", "/api/v1/me", headers: apiHeaders(secret), expect: .unauthorized)
            let audit = try await api.call(
                .get, "/api/v1/audit", "/api/v1/audit?action=override.&limit=10", headers: admin, expect: .ok)
            let actions = try JSONValue.parse(audit.body.data)["entries"].array.compactMap { $0["action"].string }
            #expect(actions.contains("override.create") && actions.contains("override.expire"))
            try await api.call(.get, "/api/v1/audit", "/api/v1/audit?limit=1000", headers: admin, expect: .badRequest)
            try await api.call(.get, "/api/v1/audit", "/api/v1/audit", headers: viewer, expect: .forbidden)
            try await api.call(.get, "/api/v1/audit", "/api/v1/audit", headers: [:], expect: .unauthorized)

            // Analysis: checks, reconciliation, consignment usage, accuracy, reclassification, calculators.
            let checks = try await api.call(.get, "/api/v1/checks", "/api/v1/checks", headers: viewer, expect: .ok)
            #expect(try JSONValue.parse(checks.body.data)["findings"].array.count >= 0)
            try await api.call(.get, "/api/v1/checks", "/api/v1/checks", headers: supplier, expect: .forbidden)
            try await api.call(.get, "/api/v1/checks", "/api/v1/checks", headers: [:], expect: .unauthorized)
            let icPath = "/api/v1/reconcile/intercompany"
            try await api.call(.get, icPath, icPath + "?as_of=2026-12-31", headers: viewer, expect: .ok)
            try await api.call(.get, icPath, icPath + "?as_of=yesterday", headers: viewer, expect: .badRequest)
            try await api.call(.get, icPath, icPath, headers: supplier, expect: .forbidden)
            try await api.call(.get, icPath, icPath, headers: [:], expect: .unauthorized)
            let rcPath = "/api/v1/reconcile/consignment"
            let statement: [String: Any] = [
                "supplier_id": fixture.supplierA, "lines": [["item_id": item, "location_id": location, "quantity": 3]],
            ]
            let reconciled = try await api.call(
                .post, rcPath, rcPath, headers: apiHeaders(fixture.account("pia").token, json: true), body: jsonBody(statement),
                expect: .ok)
            #expect(try JSONValue.parse(reconciled.body.data)["supplier_id"].string == fixture.supplierA)
            try await api.call(
                .post, rcPath, rcPath, headers: apiHeaders(fixture.account("supb").token, json: true), body: jsonBody(statement),
                expect: .notFound)
            try await api.call(
                .post, rcPath, rcPath, headers: apiHeaders(fixture.account("pia").token, json: true),
                body: jsonBody([
                    "supplier_id": fixture.supplierA, "lines": [["item_id": item, "location_id": location, "quantity": -1]],
                ]),
                expect: .unprocessableContent)
            try await api.call(
                .post, rcPath, rcPath, headers: apiHeaders(fixture.account("pia").token, json: true), body: jsonBody([:]),
                expect: .badRequest)
            try await api.call(
                .post, rcPath, rcPath, headers: apiHeaders(fixture.account("fin").token, json: true), body: jsonBody(statement),
                expect: .ok)
            try await api.call(.post, rcPath, rcPath, headers: [:], body: jsonBody(statement), expect: .unauthorized)
            let usagePath = "/api/v1/consignment/usage"
            try await api.call(.get, usagePath, usagePath + "?from=2020-01-01&to=2030-12-31", headers: viewer, expect: .ok)
            try await api.call(.get, usagePath, usagePath + "?supplier_id=\(fixture.supplierA)", headers: supplier, expect: .ok)
            try await api.call(
                .get, usagePath, usagePath + "?supplier_id=\(fixture.supplierB)", headers: supplier, expect: .notFound)
            try await api.call(.get, usagePath, usagePath + "?from=someday", headers: viewer, expect: .badRequest)
            try await api.call(.get, usagePath, usagePath, headers: [:], expect: .unauthorized)
            try await api.call(
                .get, "/api/v1/consignment/usage", "/api/v1/consignment/usage", headers: apiHeaders(fixture.account("ada").token),
                expect: .ok)
            let accuracy = try await api.call(
                .get, "/api/v1/accuracy", "/api/v1/accuracy?by=class&holdout=8", headers: viewer, expect: .ok)
            let acc = try JSONValue.parse(accuracy.body.data)
            #expect(acc["holdout"].int == 8 && !acc["segments"].array.isEmpty && acc["total"]["item_locations"].int ?? 0 > 0)
            try await api.call(.get, "/api/v1/accuracy", "/api/v1/accuracy?by=supplier", headers: viewer, expect: .badRequest)
            try await api.call(.get, "/api/v1/accuracy", "/api/v1/accuracy", headers: supplier, expect: .forbidden)
            try await api.call(.get, "/api/v1/accuracy", "/api/v1/accuracy", headers: [:], expect: .unauthorized)
            let backtest = try await api.call(.get, "/api/v1/backtest", "/api/v1/backtest", headers: viewer, expect: .ok)
            let bt = try JSONValue.parse(backtest.body.data)
            #expect(bt["lines"].array.count == bt["classes"].array.reduce(0) { $0 + ($1["item_locations"].int ?? 0) })
            try await api.call(
                .get, "/api/v1/backtest", "/api/v1/backtest?from=2026-13-01", headers: viewer, expect: .badRequest)
            let reversed = try await api.call(
                .get, "/api/v1/backtest", "/api/v1/backtest?from=2026-06-01&to=2026-05-01", headers: viewer,
                expect: .unprocessableContent)
            #expect(try JSONValue.parse(reversed.body.data)["detail"].string == "from 2026-06-01 is after to 2026-05-01")
            try await api.call(.get, "/api/v1/backtest", "/api/v1/backtest", headers: supplier, expect: .forbidden)
            try await BacktestContract.exercise(api, viewer: viewer, supplier: supplier, backtest: bt)
            try await AnalysisJobContract.exercise(api, viewer: viewer, admin: admin, supplier: supplier, backtest: bt)
            try await RiskBufferCheckContract.exercise(api, viewer: viewer, supplier: supplier)
            // Scenarios: the spec is the body (JSON is YAML too); a bad spec is refused with line and field.
            let scenarioPath = "/api/v1/scenarios/run"
            let scenario = try await api.call(
                .post, scenarioPath, scenarioPath + "?replications=3&seed=5", headers: viewer,
                body: jsonBody(["name": "Surge", "shocks": [["kind": "demand", "factor": 1.5]]]), expect: .ok)
            let sc = try JSONValue.parse(scenario.body.data)
            #expect(sc["name"].string == "Surge" && sc["replications"].int == 3 && !sc["classes"].array.isEmpty)
            let badSpec = try await api.call(
                .post, scenarioPath, scenarioPath, headers: viewer,
                body: ByteBuffer(string: "name: Bad\nshocks:\n  - kind: supplier_failure\n    supplier: NOPE\n"),
                expect: .unprocessableContent)
            #expect(
                try JSONValue.parse(badSpec.body.data)["detail"].string
                    == "the scenario spec is not valid — line 4, shocks[0].supplier: unknown supplier 'NOPE'")
            try await api.call(
                .post, scenarioPath, scenarioPath + "?replications=0", headers: viewer, body: jsonBody([:]),
                expect: .badRequest)
            try await api.call(.post, scenarioPath, scenarioPath, headers: supplier, body: jsonBody([:]), expect: .forbidden)
            try await api.call(.post, scenarioPath, scenarioPath, headers: [:], body: jsonBody([:]), expect: .unauthorized)
            try await PrepositionContract.exercise(api, viewer: viewer, supplier: supplier)
            let stressPath = "/api/v1/scenarios/stress-tests"
            let stress = try await api.call(.get, stressPath, stressPath + "?name=port-closure", headers: viewer, expect: .ok)
            #expect(try JSONValue.parse(stress.body.data)["tests"].array.count == 1)
            try await api.call(.get, stressPath, stressPath + "?name=meteor", headers: viewer, expect: .badRequest)
            try await api.call(.get, stressPath, stressPath, headers: supplier, expect: .forbidden)
            try await api.call(.get, stressPath, stressPath, headers: [:], expect: .unauthorized)
            let excess = try await api.call(.get, "/api/v1/excess", "/api/v1/excess", headers: viewer, expect: .ok)
            let ex = try JSONValue.parse(excess.body.data)
            let provisions = ex["by_category"].array.reduce(0.0) { $0 + ($1["provision_value"].double ?? 0) }
            expectClose(
                provisions, ex["total"]["provision_value"].double ?? .nan, relative: 1e-9, "Σ category provisions = total")
            try await api.call(.get, "/api/v1/excess", "/api/v1/excess", headers: supplier, expect: .forbidden)
            try await PlanReportsContract.exercise(api, admin: admin, viewer: viewer, supplier: supplier, excess: ex)
            try await ProvisionContract.exercise(api, fixture: fixture)
            try await ExposureCloseContract.exercise(api, fixture: fixture)
            try await DispositionContract.exercise(api, fixture: fixture, store: store)
            // KPIs over time and root causes.
            let kpiPath = "/api/v1/kpis/history"
            let kpiHistory = try await api.call(
                .get, kpiPath, kpiPath + "?from=2026-01-01&to=2026-06-30&by=category", headers: viewer, expect: .ok)
            let kh = try JSONValue.parse(kpiHistory.body.data)
            #expect(
                kh["periods"].array.map { $0["month"].string ?? "" } == [
                    "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
                ])
            #expect(kh["from"].string == "2026-01-05" && kh["to"].string == "2026-06-28")
            for (k, point) in kh["total"]["points"].array.enumerated() {
                let cogs = kh["groups"].array.reduce(0.0) { $0 + ($1["points"].array[k]["cogs"].double ?? .nan) }
                expectClose(cogs, point["cogs"].double ?? .nan, relative: 1e-9, "Σ category COGS = total, month \(k)")
                let cycles = kh["groups"].array.reduce(0) { $0 + ($1["points"].array[k]["cycles"].int ?? 0) }
                #expect(cycles == point["cycles"].int)
            }
            let reversedKPIs = try await api.call(
                .get, kpiPath, kpiPath + "?from=2026-06-01&to=2026-05-01", headers: viewer, expect: .badRequest)
            #expect(
                try JSONValue.parse(reversedKPIs.body.data)["detail"].string
                    == "from 2026-06-01 is after to 2026-05-01 — expected from ≤ to")
            try await api.call(.get, kpiPath, kpiPath + "?from=2031-01-01", headers: viewer, expect: .badRequest)
            try await api.call(.get, kpiPath, kpiPath + "?by=planner", headers: viewer, expect: .badRequest)
            try await api.call(.get, kpiPath, kpiPath, headers: supplier, expect: .forbidden)
            try await api.call(.get, kpiPath, kpiPath, headers: [:], expect: .unauthorized)
            let causesPath = "/api/v1/kpis/root-causes"
            let causes = try await api.call(.get, causesPath, causesPath + "?from=2026-01-01", headers: viewer, expect: .ok)
            let rc = try JSONValue.parse(causes.body.data)
            for pareto in rc["pareto"].array where pareto["events"].int ?? 0 > 0 {
                let shares = pareto["causes"].array.reduce(0.0) { $0 + ($1["share"].double ?? .nan) }
                expectClose(shares, 1, relative: 1e-9, "Pareto shares of \(pareto["name"].string ?? "")")
            }
            let stockouts = rc["events"].array.filter { $0["kind"].string == "stockout" }
            #expect(rc["pareto"].array.first?["events"].int == stockouts.count)
            try await api.call(.get, causesPath, causesPath + "?to=2020-01-01", headers: viewer, expect: .badRequest)
            try await api.call(.get, causesPath, causesPath, headers: supplier, expect: .forbidden)
            try await api.call(.get, causesPath, causesPath, headers: [:], expect: .unauthorized)
            // Stock over time: lots and the end-of-day history of one item.
            let (stockItem, _) = fixture.itemOfA
            let lotsPath = "/api/v1/stock/lots"
            let lots = try await api.call(.get, lotsPath, lotsPath + "?item_id=\(stockItem)", headers: viewer, expect: .ok)
            let lotList = try JSONValue.parse(lots.body.data)["lots"].array
            #expect(lotList.allSatisfy { $0["item_id"].string == stockItem })
            try await api.call(.get, lotsPath, lotsPath, headers: supplier, expect: .forbidden)
            try await api.call(.get, lotsPath, lotsPath, headers: [:], expect: .unauthorized)
            let historyPath = "/api/v1/stock/history"
            let history = try await api.call(
                .get, historyPath, historyPath + "?item_id=\(stockItem)&from=2026-11-01&to=2026-11-29", headers: viewer,
                expect: .ok)
            let days = try JSONValue.parse(history.body.data)["days"].array
            #expect(Set(days.compactMap { $0["date"].string }).count <= 29)
            try await api.call(.get, historyPath, historyPath, headers: viewer, expect: .badRequest)
            try await api.call(
                .get, historyPath, historyPath + "?item_id=\(stockItem)&from=2020-01-01&to=2026-11-29", headers: viewer,
                expect: .badRequest)
            try await api.call(.get, historyPath, historyPath + "?item_id=x", headers: supplier, expect: .forbidden)
            try await api.call(.get, historyPath, historyPath + "?item_id=x", headers: [:], expect: .unauthorized)
            try await api.call(.get, "/api/v1/excess", "/api/v1/excess", headers: [:], expect: .unauthorized)
            try await api.call(.get, "/api/v1/backtest", "/api/v1/backtest", headers: [:], expect: .unauthorized)
            let moves = try await api.call(
                .get, "/api/v1/reclassification", "/api/v1/reclassification?previous=1", headers: viewer, expect: .ok)
            #expect(try JSONValue.parse(moves.body.data)["previous_run"].int == 1)
            try await api.call(
                .get, "/api/v1/reclassification", "/api/v1/reclassification?previous=77", headers: viewer, expect: .notFound)
            try await api.call(
                .get, "/api/v1/reclassification", "/api/v1/reclassification?previous=x", headers: viewer, expect: .badRequest)
            try await api.call(
                .get, "/api/v1/reclassification", "/api/v1/reclassification", headers: supplier, expect: .forbidden)
            try await api.call(.get, "/api/v1/reclassification", "/api/v1/reclassification", headers: [:], expect: .unauthorized)
            let eoq = try await api.call(
                .post, "/api/v1/calc/eoq", "/api/v1/calc/eoq", headers: apiHeaders(fixture.account("vic").token, json: true),
                body: jsonBody(["order_cost": 8, "holding_cost": 0.225, "demand": 1300]), expect: .ok)
            expectClose(
                try JSONValue.parse(eoq.body.data)["order_quantity"].double ?? 0, (2 * 8 * 1300 / 0.225).squareRoot(),
                relative: 1e-12, "EOQ")
            try await api.call(
                .post, "/api/v1/calc/eoq", "/api/v1/calc/eoq", headers: apiHeaders(fixture.account("vic").token, json: true),
                body: jsonBody(["order_cost": 8, "holding_cost": 0, "demand": 1300]), expect: .unprocessableContent)
            let overflow = try await api.call(
                .post, "/api/v1/calc/eoq", "/api/v1/calc/eoq", headers: apiHeaders(fixture.account("vic").token, json: true),
                body: jsonBody(["order_cost": 1.5e308, "holding_cost": 2.2e-308, "demand": 1.1e308]),
                expect: .unprocessableContent)
            #expect(
                try JSONValue.parse(overflow.body.data)["detail"].string
                    == "cost is not a finite number for these inputs — give smaller figures")
            try await api.call(
                .post, "/api/v1/calc/eoq", "/api/v1/calc/eoq", headers: apiHeaders(fixture.account("vic").token, json: true),
                body: jsonBody([:]), expect: .badRequest)
            try await api.call(
                .post, "/api/v1/calc/eoq", "/api/v1/calc/eoq", headers: apiHeaders(fixture.account("supa").token, json: true),
                body: jsonBody([:]), expect: .forbidden)
            try await api.call(
                .post, "/api/v1/calc/eoq", "/api/v1/calc/eoq", headers: [:], body: jsonBody([:]), expect: .unauthorized)
            let ssPath = "/api/v1/calc/safety-stock"
            let ss = try await api.call(
                .post, ssPath, ssPath, headers: apiHeaders(fixture.account("vic").token, json: true),
                body: jsonBody(["demand_mean": 50, "demand_sd": 12, "lead_time": 9, "lead_time_sd": 2, "service_level": 0.95]),
                expect: .ok)
            let sigma = (9 * 144.0 + 2500 * 4).squareRoot()
            expectClose(
                try JSONValue.parse(ss.body.data)["safety_stock"].double ?? 0, 1.6448536269514722 * sigma, relative: 1e-9,
                "SS = z·σ")
            try await api.call(
                .post, ssPath, ssPath, headers: apiHeaders(fixture.account("vic").token, json: true),
                body: jsonBody(["demand_mean": 50, "demand_sd": 12, "lead_time": 9]), expect: .unprocessableContent)
            try await api.call(
                .post, ssPath, ssPath, headers: apiHeaders(fixture.account("vic").token, json: true), body: jsonBody([:]),
                expect: .badRequest)
            try await api.call(
                .post, ssPath, ssPath, headers: apiHeaders(fixture.account("supa").token, json: true), body: jsonBody([:]),
                expect: .forbidden)
            try await api.call(.post, ssPath, ssPath, headers: [:], body: jsonBody([:]), expect: .unauthorized)
            // The case-file calculators: a reference case's args as the body, a refused input (422),
            // a body of the wrong shape (400), a supplier (403), no credentials (401).
            let caseCalculators: [(path: String, file: String, kind: String?, bad: String)] = [
                ("pooling", "risk_pooling.json", nil, #"{"means":[1],"sds":[-1],"lead_time":1,"cycle_service_level":0.9}"#),
                (
                    "gsm", "stockpyl_meio.json", "gsm_tree",
                    #"{"nodes":[{"index":1,"predecessors":[1],"local_holding_cost":1,"processing_time":1,"demand_bound_constant":1,"demand_mean":1,"demand_standard_deviation":1}]}"#
                ),
                (
                    "ssm", "stockpyl_meio.json", "ssm_optimal_poisson",
                    #"{"node_order_downstream_first":[1],"echelon_holding_cost":{"1":1},"lead_time":{"1":1},"stockout_cost":-2,"demand_type":"poisson","demand_mean":3,"method":"optimal"}"#
                ),
                (
                    "kanban", "kanban_sizing.json", "kanban_cards",
                    #"{"demand_per_period":1,"lead_time_periods":1,"safety_factor":0,"container_size":0}"#
                ),
                (
                    "two-bin", "kanban_sizing.json", "two_bin",
                    #"{"demand_per_period":1,"demand_sd_per_period":1,"lead_time_periods":1,"cycle_service_level":2}"#
                ),
                (
                    "hold-or-dispose", "npv_hold_vs_dispose.json", nil,
                    #"{"units_on_hand":1,"unit_book_value":1,"salvage_now_per_unit":1,"salvage_end_per_unit":1,"holding_cost_rate":0.1,"discount_rate":0.1,"demand_rate_per_year":1,"emergency_cost_per_unit":1,"horizon_years":0,"timing":"end"}"#
                ),
                (
                    "consignment", "consignment_transition.json", nil,
                    #"{"annual_demand":-1,"unit_cost":1,"consignment_uplift_rate":0.1,"holding_rate":0.2,"order_cost":5,"safety_stock":0}"#
                ),
                (
                    "excess", "excess_obsolescence.json", nil,
                    #"{"as_of_date":"2024-12-31","layers":[{"receipt_date":"2025-01-01","qty":1,"unit_cost":1}],"monthly_forecast":[1],"coverage_months":1,"excess_provision_rate":0.5,"demand_history_months":[1],"obsolete_after_months_without_demand":6,"obsolete_provision_rate":1}"#
                ),
                (
                    "kpis", "inventory_kpis.json", nil,
                    #"{"period_start":"2024-01-02","period_end":"2024-01-01","opening_qty":1,"opening_unit_cost":1,"transactions":[],"costing":"fifo"}"#
                ),
            ]
            for calculator in caseCalculators {
                let path = "/api/v1/calc/" + calculator.path
                let reference = try ReferenceFile(calculator.file)
                let first = try #require(reference.cases.first { calculator.kind == nil || $0["kind"].string == calculator.kind })
                var args = first["args"]
                if calculator.path == "ssm", case .object(let members) = args {
                    args = .object(members + [("method", .string("optimal"))])
                }
                let viewer = apiHeaders(fixture.account("vic").token, json: true)
                let ok = try await api.call(
                    .post, path, path, headers: viewer, body: ByteBuffer(string: args.compact), expect: .ok)
                let answer = try JSONValue.parse(ok.body.data)
                let key = try #require(
                    first["expected"].object.keys.sorted().first {
                        !$0.hasSuffix("_note") && $0 != "cst_unique" && $0 != "number_of_optimal_cst_vectors"
                    })
                #expect(answer[key] != .null, "\(path): \(key) missing from \(String(buffer: ok.body).prefix(200))")
                let refused = try await api.call(
                    .post, path, path, headers: viewer, body: ByteBuffer(string: calculator.bad), expect: .unprocessableContent)
                #expect(try JSONValue.parse(refused.body.data)["code"].string == "invalid_input", "\(path)")
                try await api.call(.post, path, path, headers: viewer, body: ByteBuffer(string: "[1]"), expect: .badRequest)
                try await api.call(
                    .post, path, path, headers: apiHeaders(fixture.account("supa").token, json: true),
                    body: ByteBuffer(string: args.compact), expect: .forbidden)
                try await api.call(.post, path, path, headers: [:], body: ByteBuffer(string: args.compact), expect: .unauthorized)
            }

            // Back-test and simulation: planners (who may run plans); a viewer is refused.
            let simulations: [(path: String, file: String, bad: String)] = [
                (
                    "backtest", "policy_backtest.json",
                    #"{"policy":"sQ","params":{"s":5,"Q":0},"unmet_demand":"backorder","initial_on_hand":1,"lead_time":1,"demand":[1]}"#
                ),
                (
                    "simulate", "stockpyl_sim_traces.json",
                    #"{"holding_cost":1,"stockout_cost":1,"shipment_lead_time":1,"demand_list":[1],"initial_inventory_level":0,"num_periods":2,"policy_type":"XY"}"#
                ),
            ]
            for simulation in simulations {
                let path = "/api/v1/calc/" + simulation.path
                let args = try #require(try ReferenceFile(simulation.file).cases.first)["args"]
                let planner = apiHeaders(fixture.account("pia").token, json: true)
                let ok = try await api.call(
                    .post, path, path, headers: planner, body: ByteBuffer(string: args.compact), expect: .ok)
                let answer = try JSONValue.parse(ok.body.data)
                #expect(!answer[simulation.path == "backtest" ? "totals" : "total_cost"].isNull, "\(path)")
                let refused = try await api.call(
                    .post, path, path, headers: planner, body: ByteBuffer(string: simulation.bad), expect: .unprocessableContent)
                #expect(try JSONValue.parse(refused.body.data)["code"].string == "invalid_input", "\(path)")
                try await api.call(.post, path, path, headers: planner, body: ByteBuffer(string: "[1]"), expect: .badRequest)
                try await api.call(
                    .post, path, path, headers: apiHeaders(fixture.account("vic").token, json: true),
                    body: ByteBuffer(string: args.compact), expect: .forbidden)
                try await api.call(.post, path, path, headers: [:], body: ByteBuffer(string: args.compact), expect: .unauthorized)
            }

            try await PurchaseOrderContract.exercise(api, fixture: fixture, store: store)
            try await PurchaseOrderImportContract.exercise(api, fixture: fixture, store: store)
            try await EmergencyContract.exercise(api, fixture: fixture, store: store)
            try await ApprovalRulesContract.exercise(api, fixture: fixture, store: store)
            try await ScenarioSpecContract.exercise(api, fixture: fixture)
            try await RedundancyPlanContract.exercise(api, fixture: fixture, store: store)
            try await SharingContract.exercise(api, fixture: fixture)
            try await VMIAgreementContract.exercise(api, fixture: fixture, store: store)
            try await VMIOperationsContract.exercise(api, fixture: fixture, store: store)
            try await PostmortemContract.exercise(api, fixture: fixture, store: store)
            // Last: it closes a location until its reverse.
            try await ChangeSetContract.exercise(api, fixture: fixture, store: store)

            let problems = await api.problems
            #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
            let missing = contract.operations.subtracting(await api.exercised)
            #expect(missing.isEmpty, "documented operations never exercised: \(missing.sorted())")
        }
    }

    /// A reused Idempotency-Key with a different request is 422 (`idempotency_conflict`), so every
    /// operation that takes the key must document 422 — schemathesis found two that did not.
    @Test("every operation taking an Idempotency-Key documents 422 for a key reused with another request")
    func idempotentOperationsDocument422() throws {
        let contract = try OpenAPIContract()
        var missing: [String] = []
        for name in contract.operations.sorted() {
            let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
            guard let operation = contract.operation(parts[0], parts[1]) else { continue }
            let parameters = (operation["parameters"] as? [[String: Any]]) ?? []
            let takesKey = parameters.contains { ($0["$ref"] as? String)?.hasSuffix("/IdempotencyKey") == true }
            if takesKey, (operation["responses"] as? [String: Any])?["422"] == nil { missing.append(name) }
        }
        #expect(missing.isEmpty, "without 422: \(missing)")
    }

    @Test("errors are RFC 9457 problem documents")
    func problemDocuments() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let response = try await client.execute(
                uri: "/api/v1/items/NOPE", method: .get, headers: apiHeaders(fixture.account("admin").token))
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try JSONValue.parse(response.body.data)
            #expect(
                problem["status"].int == 404 && problem["code"].string == "not_found"
                    && problem["type"].string == "urn:procura:problem:not_found")
            #expect(problem["instance"].string == "/api/v1/items/NOPE")
            let unknownRoute = try await client.execute(
                uri: "/api/v1/nothing-here", method: .get, headers: apiHeaders(fixture.account("admin").token))
            #expect(unknownRoute.status == .notFound && unknownRoute.headers[.contentType] == "application/problem+json")
        }
    }
}
