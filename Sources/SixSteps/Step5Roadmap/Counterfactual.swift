// An interrupted time series: what the months after a change would have been without it, from
// the forecast fitted on the months before it, set against what was observed.

/// The estimated effect of a change on a monthly series, beyond its trend and season.
public struct CounterfactualEffect: Sendable, Equatable {
    /// Months after the change that were compared (at most a year).
    public let months: Int
    public let model: ForecastModel
    /// Mean observed per month after the change.
    public let observed: Double
    /// Mean forecast per month after the change: what the months would have been without it.
    public let expected: Double
    /// Observed − expected, per month, with its 95% interval.
    public let effect: Double
    public let low: Double
    public let high: Double
    /// The plain before/after change: the mean of the months after minus the mean of as many
    /// months just before, which mistakes season and trend for effect.
    public let plainChange: Double

    /// Whether the interval rules out "no effect".
    public var isClear: Bool { low > 0 || high < 0 }
    /// The effect relative to the expected level, in percent; nil when nothing was expected.
    public var relative: Double? { expected > 0 ? effect / expected * 100 : nil }
}

public enum CounterfactualRefusal: Error, Sendable, Equatable {
    /// Too few months before the change to choose and fit a model.
    case notEnoughBefore(months: Int, needed: Int)
    /// No month after the change observed yet.
    case nothingAfter
}

extension Forecasting {
    /// The effect of a change that took place in month `changeIndex` of the series. That month is
    /// left out (it is partly before and partly after); the model is chosen and fitted on the
    /// months before it and forecasts up to a year after it. The interval of the mean effect
    /// comes from the variance of the sum of the forecast errors, which share innovations.
    public static func counterfactual(_ series: [Double], changeIndex: Int, maximumMonths: Int = 12)
        -> Result<CounterfactualEffect, CounterfactualRefusal> {
        let before = Array(series.prefix(max(changeIndex, 0)))
        guard before.count >= minimumToChoose, let model = choose(before) else {
            return .failure(.notEnoughBefore(months: before.count, needed: minimumToChoose))
        }
        let after = Array(series.dropFirst(changeIndex + 1).prefix(maximumMonths))
        guard !after.isEmpty else { return .failure(.nothingAfter) }
        let h = after.count
        // Forecast month k after the change is k + 1 months after the last month before it.
        let forecasts = (1...h).map { model.point($0 + 1) }
        let observed = after.reduce(0, +) / Double(h)
        let expected = forecasts.reduce(0, +) / Double(h)
        let sd = sumSD(model, skipping: 1, months: h) / Double(h)
        let effect = observed - expected
        let plainBefore = before.suffix(h).reduce(0, +) / Double(min(h, before.count))
        return .success(CounterfactualEffect(months: h, model: model.model, observed: observed, expected: expected,
                                             effect: effect, low: effect - z95 * sd, high: effect + z95 * sd,
                                             plainChange: observed - plainBefore))
    }

    /// The standard deviation of the sum of the errors of forecasts `skip` + 1 … `skip` + h:
    /// the innovations of the skipped months weigh on all of them too.
    static func sumSD(_ model: FittedModel, skipping skip: Int, months h: Int) -> Double {
        let total = skip + h
        let weights = (0..<total).map { $0 == 0 ? 1 : model.innovationWeight($0) }
        var variance = 0.0
        // The innovation of month s (1…total) enters forecast t ≥ s with weight c_{t−s}.
        for s in 1...total {
            var coefficient = 0.0
            for t in max(s, skip + 1)...total { coefficient += weights[t - s] }
            variance += coefficient * coefficient
        }
        return model.sigma * variance.squareRoot()
    }
}
