import Foundation
import Testing

/// `volume forecast` from the built binary, on the Molensloot example and on bad input.
@Suite struct ForecastCommandTests {
    @Test func theExampleForecastNamesTheSummerPeakOfMovingContacts() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let source = ExampleTests.roadmaps.appendingPathComponent("molensloot.json")
        try cli.ok("--db example.sqlite init --from \(source.path)")
        let report = try #require(try cli.json("--db example.sqlite volume forecast --json") as? [String: Any])
        #expect(report["last_period"] as? String == "2014-12")
        let reasons = try #require(report["reasons"] as? [[String: Any]])
        let moving = try #require(reasons.first { $0["key"] as? String == "Verhuizing en uittreksels" })
        let peaks = try #require(moving["peaks"] as? [String])
        #expect(peaks.contains("2015-07") && peaks.contains("2015-08"), "\(peaks)")
        let backtest = try #require(moving["backtest"] as? [String: Any])
        #expect(backtest["beats_seasonal_naive"] as? Bool == true)

        let text = try cli.ok("--db example.sqlite volume forecast --months 3").stdout
        #expect(text.contains("reason 'Verhuizing en uittreksels': model "))
        #expect(text.contains("backtest on the last 12 months: MASE"))
        // The e-mail channel loses to seasonal-naive in its own backtest, and says so.
        #expect(text.contains("channel e-mail: ") && text.contains("does NOT beat same month last year"))
    }

    @Test func badMonthsAreAUsageError() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok("--db r.sqlite init --name Test")
        let result = try cli.run("--db r.sqlite volume forecast --months 0")
        #expect(result.status == 64)
        #expect(result.stderr == "error: --months '0' is not valid: expected a whole number from 1 to 24\n")
        #expect(try cli.ok("--db r.sqlite volume forecast").stdout.contains("no volumes yet"))
    }
}
