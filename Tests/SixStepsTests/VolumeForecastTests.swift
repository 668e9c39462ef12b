import SixSteps
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Step 2's forecasts from the volumes in a roadmap: per channel and reason, peaks, digital share.
@Suite struct VolumeForecastTests {
    /// Months from January 2011: moving contacts by phone with a summer peak (July–August), web
    /// contacts growing, and a quiet reason without a season. `months` counts from the start.
    static func csv(months: Int, gapAt gap: Int? = nil) throws -> CSVDocument {
        var lines = ["period;channel;reason;count"]
        for t in 0..<months where t != gap {
            let period = "\(2011 + t / 12)-" + (t % 12 + 1 < 10 ? "0" : "") + "\(t % 12 + 1)"
            let month = t % 12
            let summer = [6, 7].contains(month) ? 400.0 : 0
            let wobble = Double((t * 37) % 11) - 5
            lines.append("\(period);telefoon;Verhuizing;\(Int(600 + summer + wobble * 3))")
            lines.append("\(period);web;Verhuizing;\(Int(200 + Double(t) * 4 + wobble))")
            lines.append("\(period);telefoon;Afval;\(Int(300 + wobble * 2))")
        }
        return try CSVDocument(bytes: Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    @Test func theSummerPeakIsNamedAndBacktested() throws {
        try withRoadmap { file in
            _ = try file.importVolumes(Self.csv(months: 48), path: "kcc.csv", dryRun: false)
            let report = try file.volumeForecasts(horizon: 12)
            #expect(report.lastPeriod == "2014-12")
            #expect(report.months == 48)
            let moving = try #require(report.reasons.first { $0.key == "Verhuizing" })
            #expect(moving.periods.first == "2015-01")
            #expect(moving.peaks.map(\.period) == ["2015-07", "2015-08"])
            let forecast = try #require(moving.forecast)
            #expect(forecast.backtest.beatsSeasonalNaive)
            // The usual level is the mean of the last twelve months.
            #expect(moving.usual > 900 && moving.usual < 1100)
            // Web grows, phone does not: the digital share rises past what it was.
            let share = try #require(report.digitalShare)
            #expect((share.expected.last?.share ?? 0) > share.observed)
            let json = report.json
            #expect(json["reasons"]?.array?.first { $0["key"]?.string == "Verhuizing" }?["peaks"]?.array?.map { $0.string }
                    == ["2015-07", "2015-08"])
            #expect(json["minimum_months"]?.int == 48)
        }
    }

    @Test func tooShortAHistoryGetsNotEnoughData() throws {
        try withRoadmap { file in
            _ = try file.importVolumes(Self.csv(months: 47), path: "kcc.csv", dryRun: false)
            let report = try file.volumeForecasts()
            #expect(report.total?.result.failureValue == .notEnoughData(months: 47, needed: 48))
            #expect(report.channels.allSatisfy { $0.forecast == nil && $0.peaks.isEmpty })
            #expect(report.digitalShare == nil)
            #expect(report.json["total"]?["refusal"]?.string == "not enough data: 47 months, 48 needed")
        }
    }

    @Test func aMissingMonthBreaksTheHistory() throws {
        try withRoadmap { file in
            // Month 10 is missing: only the 37 months after it count, too few to forecast.
            _ = try file.importVolumes(Self.csv(months: 48, gapAt: 10), path: "kcc.csv", dryRun: false)
            let report = try file.volumeForecasts()
            #expect(report.months == 37)
            #expect(report.total?.forecast == nil)
        }
    }

    @Test func noVolumesNoForecast() throws {
        try withRoadmap { file in
            let report = try file.volumeForecasts()
            #expect(report.isEmpty)
            #expect(report.json["last_period"]?.isNull == true)
        }
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
