import Foundation
import Testing

/// CI fails closed: under `CI=true` the tests that need PostgreSQL, chromium and schemathesis must
/// run, not skip — `.ci/run` installs them, and this test fails when it did not (a green run on a
/// machine that happens to have the tools must not hide a missing install step).
@Suite("CI environment")
struct CIEnvironmentTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test(
        "under CI=true every tool the suite needs is configured",
        .enabled(if: environment["CI"] == "true", "not running under CI=true"))
    func toolsPresent() {
        #expect(
            !(Self.environment["PROCURA_TEST_POSTGRES_URL"] ?? "").isEmpty, "PostgreSQL: PROCURA_TEST_POSTGRES_URL is not set")
        #expect(Self.environment["PROCURA_BROWSER_TESTS"] == "1", "chromium/selenium: PROCURA_BROWSER_TESTS is not 1")
        #expect(!(Self.environment["PROCURA_SCHEMATHESIS"] ?? "").isEmpty, "schemathesis: PROCURA_SCHEMATHESIS is not set")
    }
}
