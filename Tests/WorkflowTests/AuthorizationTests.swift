import Testing
import Workflow

@Suite("Authorization: may this principal do this action")
struct AuthorizationTests {
    /// The table of Role's documentation, row by row.
    static let table: [(Permission, Set<Role>)] = [
        (.viewPlanning, [.admin, .planner, .buyer, .approver, .finance, .operations, .viewer]),
        (.viewOwnSupply, [.supplier]),
        (.postLedger, [.admin, .planner, .buyer, .operations]),
        (.runPlans, [.admin, .planner]),
        (.manageOverrides, [.admin, .planner]),
        (.manageOrders, [.admin, .buyer]),
        (.approveOrders, [.buyer, .approver, .finance]),
        (.manageDispositions, [.admin, .planner, .buyer, .finance, .operations]),
        (.viewIncentives, [.admin, .approver, .finance]),
        (.administer, [.admin]),
    ]

    @Test("each role has exactly the permissions of the documented table", arguments: Role.allCases)
    func roleTable(role: Role) {
        #expect(Set(Self.table.map(\.0)) == Set(Permission.allCases), "every permission is in the table")
        for (permission, roles) in Self.table {
            #expect(role.allows(permission) == roles.contains(role), "\(role) \(permission)")
        }
    }

    @Test("role-level actions follow the role's permissions", arguments: Role.allCases)
    func roleActions(role: Role) {
        let p = Authorization.Principal(userID: "u", role: role, supplierID: role == .supplier ? "SUP-1" : nil)
        #expect(Authorization.permits(p, .viewPlanning) == role.allows(.viewPlanning))
        #expect(Authorization.permits(p, .postLedger) == role.allows(.postLedger))
        #expect(Authorization.permits(p, .runPlans) == role.allows(.runPlans))
        #expect(Authorization.permits(p, .manageOverrides) == role.allows(.manageOverrides))
        #expect(Authorization.permits(p, .readAuditLog) == (role == .admin))
        #expect(Authorization.permits(p, .manageUsers) == (role == .admin))
    }

    @Test("a supplier sees only the supply of the supplier it is bound to")
    func supplierScope() {
        let acme = Authorization.Principal(userID: "acme", role: .supplier, supplierID: "SUP-1")
        #expect(Authorization.permits(acme, .viewSupply(supplierID: "SUP-1")))
        #expect(!Authorization.permits(acme, .viewSupply(supplierID: "SUP-2")))
        #expect(!Authorization.permits(acme, .viewPlanning))
        let unbound = Authorization.Principal(userID: "x", role: .supplier, supplierID: nil)
        #expect(
            !Authorization.permits(unbound, .viewSupply(supplierID: "SUP-1")), "a supplier user without a supplier sees nothing")
        let viewer = Authorization.Principal(userID: "vic", role: .viewer)
        #expect(Authorization.permits(viewer, .viewSupply(supplierID: "SUP-2")), "planning roles see every supplier")
    }

    @Test("API tokens are managed by their owner or an administrator")
    func tokenOwnership() {
        let pia = Authorization.Principal(userID: "pia", role: .planner)
        let admin = Authorization.Principal(userID: "root", role: .admin)
        #expect(Authorization.permits(pia, .manageToken(ownerUserID: "pia")))
        #expect(!Authorization.permits(pia, .manageToken(ownerUserID: "bo")))
        #expect(Authorization.permits(admin, .manageToken(ownerUserID: "bo")))
    }
}
