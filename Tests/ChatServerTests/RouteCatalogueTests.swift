import ChatTestSupport
import Foundation
import XCTest

@testable import ChatServer

/// The coverage catalogue is the router's truth: no operation listed as served without a
/// route, none listed as unserved that a route serves, no route outside the catalogue; and
/// `docs/server-coverage.md` is the table the server prints.
final class RouteCatalogueTests: XCTestCase {
    private func registeredRoutes() throws -> Set<String> {
        let directory = TemporaryDirectory()
        let store = try TestStore.open(directory.file("routes.db"))
        let credentials = try ServerCredentials(apiKey: "key", apiSecret: String(repeating: "s", count: 32))
        return RouteCoverage.registered(ChatServerApp.router(store: store, credentials: credentials, hub: EventHub()))
    }

    func testTheCatalogueAgreesWithTheRoutesTheServerRegisters() throws {
        let registered = try registeredRoutes()
        XCTAssertEqual(RouteCoverage.disagreements(registered: registered), [])
        XCTAssertTrue(registered.contains("GET app"), "the registered routes are read at all: \(registered.sorted())")
    }

    func testADisagreementIsFoundEachWay() throws {
        let registered = try registeredRoutes()
        let withoutOne = registered.subtracting(["POST channels/{}/{}/message"])
        XCTAssertEqual(
            RouteCoverage.disagreements(registered: withoutOne),
            ["SendMessage (POST channels/{}/{}/message) is listed as served but no route serves it"]
        )
        let withExtra = registered.union(["POST campaigns", "GET nowhere/{}"])
        XCTAssertEqual(
            RouteCoverage.disagreements(registered: withExtra),
            [
                "CreateCampaign (POST campaigns) is listed as unserved but a route serves it",
                "GET nowhere/{} is registered but not in the catalogue",
            ]
        )
    }

    func testEachOperationIsListedOnceWithAnId() {
        let keys = RouteCatalogue.operations.map { "\($0.method) \($0.pattern)" }
        XCTAssertEqual(Set(keys).count, keys.count, "an operation is listed twice")
        XCTAssertEqual(Set(RouteCatalogue.operations.map(\.id)).count, keys.count, "two operations share an id")
        for operation in RouteCatalogue.operations where !operation.isServed {
            XCTAssertFalse(operation.unservedReason!.isEmpty, "\(operation.id) needs a reason")
        }
    }

    /// An unknown request finds its operation by its literal segments first, so an operation
    /// whose path could be read as another's id is named rightly.
    func testARequestFindsItsOperation() {
        XCTAssertEqual(RouteCatalogue.operation(method: "POST", path: "/messages/history")?.id, "QueryMessageHistory")
        XCTAssertEqual(RouteCatalogue.operation(method: "POST", path: "/messages/m1")?.id, "UpdateMessage")
        XCTAssertEqual(RouteCatalogue.operation(method: "POST", path: "/campaigns/c1/start")?.id, "StartCampaign")
        XCTAssertNil(RouteCatalogue.operation(method: "POST", path: "/campaigns/c1/start/now"))
        XCTAssertNil(RouteCatalogue.operation(method: "GET", path: "/campaigns/c1/start"))
    }

    func testTheCoverageDocumentIsTheTableTheServerPrints() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/server-coverage.md"), encoding: .utf8)
        let table = try RouteCoverage.table()
        XCTAssertTrue(
            document.contains(table),
            "docs/server-coverage.md is out of date: regenerate its table with `chatterm serve --routes`"
        )
        XCTAssertTrue(table.contains("| `/app` | GET | GetApp | served |"))
        XCTAssertTrue(table.contains("| `/polls` | POST | CreatePoll | served |"))
        XCTAssertTrue(table.contains("| `/blocklists` | GET | ListBlockLists | served |"))
        XCTAssertTrue(
            table.contains("| `/predefined_filters` | GET | GetPredefinedFilters | 404 / 16: \(RouteCatalogue.Reason.predefinedFilters) |")
        )
    }
}
