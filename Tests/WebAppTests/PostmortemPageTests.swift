import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Storage
import Testing
import Workflow

@testable import WebApp

/// The post-mortem pages' forms (docs/postmortems.md): a planner opens one, records a cause and
/// adds an action; the close is refused while it is open (the page says why, nothing changes); the
/// owner sees it on `/actions` and closes it as done; then the close goes through.
@Suite("Post-mortem pages")
struct PostmortemPageTests {
    @Test("open, cause, action, close refused then done, close")
    func forms() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let pia = try await signIn(client, "pia")
            let a = fixture.itemOfA
            let (oh, ob) = pia.form([
                ("title", "Stock-out page test"), ("item_id", a.item), ("location_id", a.location), ("from", "2026-10-01"),
                ("to", "2026-11-30"), ("kind", "stock_out"),
            ])
            let opened = try await client.execute(uri: "/postmortems/open", method: .post, headers: oh, body: ob)
            let pm = try #require(try await store.postmortems().first?.postmortemID)
            #expect(opened.headers[.location] == "/postmortems/\(pm)?message=\(queryEscape("opened \(pm)"))")
            let (bh, bb) = pia.form([
                ("title", "x"), ("item_id", "NO-SUCH"), ("location_id", a.location), ("from", "2026-10-01"),
                ("to", "2026-11-30"), ("kind", "stock_out"),
            ])
            let bad = try await client.execute(uri: "/postmortems/open", method: .post, headers: bh, body: bb)
            #expect(
                bad.headers[.location]
                    == "/postmortems?error=\(queryEscape("item_id: 'NO-SUCH' is not in the database — expected an id of items.csv — nothing was changed"))"
            )
            let (ch, cb) = pia.form([("category", "forecast"), ("text", "demand doubled"), ("evidence", "")])
            _ = try await client.execute(uri: "/postmortems/\(pm)/cause", method: .post, headers: ch, body: cb)
            let (ah, ab) = pia.form([("title", "Review the model"), ("owner", "bo"), ("due_date", "2026-12-20")])
            _ = try await client.execute(uri: "/postmortems/\(pm)/action", method: .post, headers: ah, body: ab)
            let action = try #require(try await store.actions(subjectKind: .postmortem, subjectID: pm).first)
            let (xh, xb) = pia.form([])
            let refused = try await client.execute(uri: "/postmortems/\(pm)/close", method: .post, headers: xh, body: xb)
            #expect(refused.headers[.location]?.hasPrefix("/postmortems/\(pm)?error=") == true)
            #expect(try await store.postmortems().first?.state == .open)
            let page = try await client.execute(uri: "/postmortems/\(pm)", method: .get, headers: pia.headers)
            #expect(page.status == .ok)
            for marker in ["id=\"postmortem-timeline\"", "demand doubled", "Review the model", "id=\"postmortem-close-form\""] {
                #expect(page.text.contains(marker), "\(marker)")
            }
            #expect(!page.text.contains("bucket") && !page.text.contains("review_period_days"))

            let bo = try await signIn(client, "bo")
            let mine = try await client.execute(uri: "/actions", method: .get, headers: bo.headers)
            #expect(mine.status == .ok && mine.text.contains(action.actionID) && mine.text.contains("Review the model"))
            let (dh, db) = bo.form([("action_id", action.actionID), ("closing", "done"), ("comment", "new model")])
            let done = try await client.execute(uri: "/actions/close", method: .post, headers: dh, body: db)
            #expect(done.headers[.location] == "/actions?message=\(queryEscape("\(action.actionID) done"))")
            let closed = try await client.execute(uri: "/postmortems/\(pm)/close", method: .post, headers: xh, body: xb)
            #expect(closed.headers[.location] == "/postmortems/\(pm)?message=\(queryEscape("closed \(pm)"))")
            #expect(try await store.postmortems().first?.state == .closed)
        }
    }

    @Test("the detail page: who sees planning data reads it, forms only for planners and admins; suppliers 403")
    func detailByRole() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let (item, location) = fixture.itemOfA
            let today = store.clock.today()
            let pm = try await store.openPostmortem(
                PostmortemRequest(
                    title: "Detail role test", itemID: item, locationID: location, from: today.adding(days: -30), to: today,
                    kind: .stockOut), by: .init(userID: "pia", role: .planner)
            ).value.postmortemID
            for (id, status, forms) in [("pia", 200, true), ("vic", 200, false), ("bo", 200, false), ("supa", 403, false)] {
                let session = try await signIn(client, id)
                let page = try await client.execute(uri: "/postmortems/\(pm)", method: .get, headers: session.headers)
                #expect(Int(page.status.code) == status, "\(id): \(page.status)")
                #expect(page.text.contains("id=\"postmortem-close-form\"") == forms, "\(id)")
                #expect(page.text.contains("Detail role test") == (status == 200), "\(id)")
            }
        }
    }
}
