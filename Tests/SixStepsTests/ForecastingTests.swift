import SixSteps
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Forecasts of monthly series with a yearly pattern, on synthetic series whose trend, season and
/// effects are known.
@Suite struct ForecastingTests {
    /// A small seeded generator (SplitMix64) with normal draws, so every series is reproducible.
    struct Noise {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return (Double(z >> 11) + 0.5) / Double(1 << 53)
        }
        /// Box–Muller.
        mutating func normal(sd: Double) -> Double {
            sd * (-2 * log(next())).squareRoot() * cos(2 * Double.pi * next())
        }
    }

    /// 1000 contacts a month at the start, `slope` more each month, a yearly wave peaking in July
    /// (month index 6 of each year) with the given amplitude.
    static func truth(_ t: Int, slope: Double = 5, amplitude: Double = 150) -> Double {
        1000 + slope * Double(t) + amplitude * cos(2 * Double.pi * Double(t - 6) / 12)
    }

    static func series(months: Int, sd: Double, seed: UInt64, slope: Double = 5,
                       step: (at: Int, size: Double)? = nil) -> [Double] {
        var noise = Noise(state: seed)
        return (0..<months).map { t in
            let shift: Double = if let step, t >= step.at { step.size } else { 0 }
            return truth(t, slope: slope) + noise.normal(sd: sd) + shift
        }
    }

    @Test func exactTrendAndSeasonAreForecastExactly() throws {
        let history = (0..<48).map { Self.truth($0) }
        let forecast = try Forecasting.forecast(history, horizon: 12).get()
        #expect(forecast.model.model == .trend || forecast.model.model == .dampedTrend)
        for point in forecast.points {
            #expect(abs(point.value - Self.truth(47 + point.horizon)) < 1e-6)
        }
        // Same month last year misses by twelve months of trend, 60 contacts, every month.
        #expect(abs(forecast.backtest.seasonalNaive.mae - 60) < 1e-9)
        #expect(forecast.backtest.forecast.mae < 1e-6)
        #expect(forecast.backtest.beatsSeasonalNaive)
    }

    @Test func noisyTrendAndSeasonAreRecovered() throws {
        let history = Self.series(months: 60, sd: 20, seed: 7)
        let forecast = try Forecasting.forecast(history, horizon: 12).get()
        #expect(forecast.model.model != .seasonalNaive)
        for point in forecast.points {
            let truth = Self.truth(59 + point.horizon)
            #expect(abs(point.value - truth) < 60, "month \(point.horizon): \(point.value) against \(truth)")
            #expect(point.low < point.value && point.value < point.high)
        }
        // The season: the forecast's highest month is July (60 is a January, so July is h = 7).
        let peak = try #require(forecast.points.max { $0.value < $1.value })
        #expect(peak.horizon == 7)
        // The trend: next year's mean lies about 12 × 5 = 60 above this year's.
        let nextYear = forecast.points.map(\.value).reduce(0, +) / 12
        let thisYear = history.suffix(12).reduce(0, +) / 12
        #expect(abs(nextYear - thisYear - 60) < 30)
        #expect(forecast.backtest.beatsSeasonalNaive)
        #expect((forecast.backtest.forecast.mase ?? 9) < 1)
    }

    @Test func intervalsWidenWithTheHorizonAndCoverTheTruth() throws {
        var covered = 0
        var total = 0
        for seed in UInt64(1)...20 {
            let all = Self.series(months: 60, sd: 25, seed: seed)
            let forecast = try Forecasting.forecast(Array(all.prefix(48)), horizon: 12).get()
            for point in forecast.points {
                total += 1
                if point.low <= all[47 + point.horizon] && all[47 + point.horizon] <= point.high { covered += 1 }
            }
            let widths = forecast.points.map { $0.high - $0.low }
            #expect(widths.last ?? 0 >= widths.first ?? 0)
        }
        // A 95% interval should hold most of what happened; short series make it a bit narrow.
        #expect(Double(covered) / Double(total) > 0.85, "covered \(covered) of \(total)")
    }

    @Test func backtestErrorsByHand() {
        // Training [1, 2, 3, 4, 6, 5] with a season of 2: |3−1|, |4−2|, |6−3|, |5−4| = 2, 2, 3, 1, mean 2.
        let scale = Forecasting.seasonalScale([1, 2, 3, 4, 6, 5], seasonLength: 2)
        #expect(scale == 2)
        // Errors 2, 2, 3: MAE 7/3; MASE 7/6; MAPE (20% + 10% + 10%) / 3.
        let errors = Forecasting.errors([10, 20, 30], [12, 18, 33], scale: scale)
        #expect(abs(errors.mae - 7.0 / 3) < 1e-12)
        #expect(abs((errors.mase ?? 0) - 7.0 / 6) < 1e-12)
        #expect(abs((errors.mape ?? 0) - 40.0 / 3) < 1e-12)
        // A held-back month of 0 has no percentage error.
        #expect(Forecasting.errors([0, 20], [1, 20], scale: 2).mape == nil)
    }

    @Test func seasonalNaiveBacktestIsLastYearAgainstThisYear() throws {
        let history = Self.series(months: 48, sd: 30, seed: 3)
        let forecast = try Forecasting.forecast(history, horizon: 3).get()
        // Held back: months 36–47; seasonal-naive forecasts them with months 24–35.
        var mae = 0.0
        for month in 0..<12 { mae += abs(history[36 + month] - history[24 + month]) / 12 }
        var scale = 0.0
        for month in 12..<36 { scale += abs(history[month] - history[month - 12]) / 24 }
        #expect(abs(forecast.backtest.seasonalNaive.mae - mae) < 1e-9)
        #expect(abs((forecast.backtest.seasonalNaive.mase ?? 0) - mae / scale) < 1e-9)
        #expect(forecast.backtest.months == 12)
    }

    @Test func aSeriesWithoutPatternIsNotForecastBetterThanItIs() throws {
        // Pure noise around a level: last year's month is a poor guess, a level model a good one,
        // and the backtest says which was better on the months held back.
        var noise = Noise(state: 11)
        let history = (0..<48).map { _ in 500 + noise.normal(sd: 40) }
        let forecast = try Forecasting.forecast(history, horizon: 12).get()
        let backtest = forecast.backtest
        #expect(backtest.beatsSeasonalNaive == (backtest.forecast.mae < backtest.seasonalNaive.mae))
        for point in forecast.points { #expect(abs(point.value - 500) < 80) }
    }

    @Test func shortSeriesGetNotEnoughData() {
        let short = Array(Self.series(months: 47, sd: 10, seed: 1))
        #expect(throws: Never.self) { try Forecasting.forecast(Self.series(months: 48, sd: 10, seed: 1), horizon: 1).get() }
        guard case .failure(let refusal) = Forecasting.forecast(short, horizon: 12) else {
            Issue.record("47 months were forecast")
            return
        }
        #expect(refusal == .notEnoughData(months: 47, needed: 48))
        #expect(Forecasting.fit(.trend, Array(short.prefix(23))) == nil)
        #expect(Forecasting.choose(Array(short.prefix(35))) == nil)
        guard case .failure(.notFinite) = Forecasting.forecast(short + [.nan], horizon: 1) else {
            Issue.record("a NaN month was forecast")
            return
        }
    }

    // MARK: - Counterfactual

    @Test func aKnownStepIsRecoveredWithinItsInterval() throws {
        var inside = 0
        var clear = 0
        for seed in UInt64(1)...20 {
            // A drop of 150 contacts a month from month 42 on; the change happened in month 41.
            let history = Self.series(months: 54, sd: 20, seed: seed, step: (at: 42, size: -150))
            let effect = try Forecasting.counterfactual(history, changeIndex: 41).get()
            #expect(effect.months == 12)
            if effect.low <= -150 && -150 <= effect.high { inside += 1 }
            if effect.isClear && effect.high < 0 { clear += 1 }
        }
        #expect(inside >= 17, "the step was inside \(inside) of 20 intervals")
        #expect(clear >= 18, "the drop was clear in \(clear) of 20")
    }

    @Test func noStepGivesAnIntervalAroundZero() throws {
        var inside = 0
        for seed in UInt64(101)...120 {
            let history = Self.series(months: 54, sd: 20, seed: seed)
            let effect = try Forecasting.counterfactual(history, changeIndex: 41).get()
            if effect.low <= 0 && 0 <= effect.high { inside += 1 }
        }
        #expect(inside >= 17, "zero was inside \(inside) of 20 intervals")
    }

    @Test func plainBeforeAfterMistakesTheSeasonForAnEffect() throws {
        // No effect at all; the change falls in May, so the months after it hold the summer peak.
        let history = (0..<48).map { Self.truth($0, slope: 0) }
        let effect = try Forecasting.counterfactual(history, changeIndex: 40, maximumMonths: 4).get()
        #expect(effect.plainChange > 100)
        #expect(abs(effect.effect) < 1e-6)
    }

    @Test func counterfactualRefusesTooFewMonthsBeforeOrNoneAfter() {
        let history = Self.series(months: 50, sd: 10, seed: 5)
        #expect(Forecasting.counterfactual(history, changeIndex: 30) == .failure(.notEnoughBefore(months: 30, needed: 36)))
        #expect(Forecasting.counterfactual(history, changeIndex: 49) == .failure(.nothingAfter))
    }
}
