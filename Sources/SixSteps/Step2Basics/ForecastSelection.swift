// How a series is forecast: the model is chosen per series on held-back months, and the whole
// procedure, choice included, is backtested on months it never saw, against seasonal-naive.

/// A month ahead: the point forecast and its 95% prediction interval.
public struct ForecastPoint: Sendable, Equatable {
    /// Months after the last observed month: 1 is the next month.
    public let horizon: Int
    public let value: Double
    public let low: Double
    public let high: Double
}

/// Errors of a forecast on months held back from it.
public struct ForecastErrors: Sendable, Equatable {
    /// Mean absolute error.
    public let mae: Double
    /// Mean absolute scaled error: the MAE divided by the mean absolute error of seasonal-naive
    /// one year back inside the training months. Below 1 is better than "same month last year"
    /// was inside the training data.
    public let mase: Double?
    /// Mean absolute percentage error, in percent; nil when a held-back month is 0.
    public let mape: Double?
}

/// The backtest: the procedure run on the series without its last `months`, scored on them.
public struct Backtest: Sendable, Equatable {
    public let months: Int
    /// The model the procedure chose on the shortened series.
    public let model: ForecastModel
    public let forecast: ForecastErrors
    public let seasonalNaive: ForecastErrors

    /// Whether the forecast was more accurate than seasonal-naive on the held-back months.
    public var beatsSeasonalNaive: Bool { forecast.mae < seasonalNaive.mae }
}

/// Why a series gets no forecast.
public enum ForecastRefusal: Error, Sendable, Equatable {
    /// Fewer months than the procedure and its backtest need.
    case notEnoughData(months: Int, needed: Int)
    /// A month is missing or not a number.
    case notFinite
}

/// A series' forecast with the model chosen, its 95% intervals and its backtest.
public struct SeriesForecast: Sendable {
    public let model: FittedModel
    public let points: [ForecastPoint]
    public let backtest: Backtest
}

extension Forecasting {
    /// Months held back to choose a model and, again, to backtest the choice: a whole year, so
    /// every month of the season is judged.
    public static let holdout = 12
    /// The shortest series the procedure chooses a model on: two seasons to fit, one to choose.
    public static var minimumToChoose: Int { 2 * seasonLength + holdout }
    /// The shortest series that gets a forecast: the procedure's minimum plus a year to backtest it.
    public static var minimumToForecast: Int { minimumToChoose + holdout }

    /// The model chosen for a series: each candidate (seasonal-naive and the three Holt–Winters
    /// models) is fitted on all but the last year and scored on that year; the lowest mean
    /// absolute error wins, a tie going to the simpler. The winner is then refitted on the whole
    /// series. Nil when the series is shorter than `minimumToChoose`.
    public static func choose(_ series: [Double]) -> FittedModel? {
        guard series.count >= minimumToChoose, series.allSatisfy(\.isFinite) else { return nil }
        let training = Array(series.dropLast(holdout))
        let held = Array(series.suffix(holdout))
        var best: (model: ForecastModel, mae: Double)?
        for model in [ForecastModel.seasonalNaive] + ForecastModel.smoothing {
            guard let fitted = fit(model, training) else { continue }
            let mae = meanAbsoluteError(held, (1...holdout).map(fitted.point))
            if mae < (best?.mae ?? .infinity) - 1e-9 { best = (model, mae) }
        }
        return best.flatMap { fit($0.model, series) }
    }

    /// The forecast `horizon` months ahead, or why there is none.
    public static func forecast(_ series: [Double], horizon: Int) -> Result<SeriesForecast, ForecastRefusal> {
        guard series.allSatisfy(\.isFinite) else { return .failure(.notFinite) }
        guard series.count >= minimumToForecast else {
            return .failure(.notEnoughData(months: series.count, needed: minimumToForecast))
        }
        let training = Array(series.dropLast(holdout))
        let held = Array(series.suffix(holdout))
        guard let chosenBefore = choose(training), let naive = fit(.seasonalNaive, training),
              let model = choose(series) else { return .failure(.notFinite) }
        let scale = seasonalScale(training)
        let backtest = Backtest(months: holdout, model: chosenBefore.model,
                                forecast: errors(held, (1...holdout).map(chosenBefore.point), scale: scale),
                                seasonalNaive: errors(held, (1...holdout).map(naive.point), scale: scale))
        return .success(SeriesForecast(model: model, points: points(model, horizon: horizon), backtest: backtest))
    }

    /// Point forecasts with 95% intervals from the model's own one-step errors, carried h steps
    /// ahead. Counts cannot be negative, so forecasts and bounds stop at 0.
    public static func points(_ model: FittedModel, horizon: Int) -> [ForecastPoint] {
        (1...max(horizon, 1)).map { h in
            let value = model.point(h)
            let half = z95 * model.forecastSD(h)
            return ForecastPoint(horizon: h, value: max(value, 0), low: max(value - half, 0), high: max(value + half, 0))
        }
    }

    /// The errors of `forecast` against `actual`; `scale` is the in-sample seasonal-naive MAE.
    public static func errors(_ actual: [Double], _ forecast: [Double], scale: Double?) -> ForecastErrors {
        let mae = meanAbsoluteError(actual, forecast)
        let mape: Double? = actual.contains(0) ? nil
            : zip(actual, forecast).reduce(0) { $0 + abs(($1.0 - $1.1) / $1.0) } / Double(actual.count) * 100
        return ForecastErrors(mae: mae, mase: scale.flatMap { $0 > 0 ? mae / $0 : nil }, mape: mape)
    }

    /// The mean absolute error of "same month last year" inside a series: MASE's denominator.
    public static func seasonalScale(_ series: [Double], seasonLength m: Int = seasonLength) -> Double? {
        guard series.count > m else { return nil }
        let differences = (m..<series.count).map { abs(series[$0] - series[$0 - m]) }
        return differences.reduce(0, +) / Double(differences.count)
    }

    static func meanAbsoluteError(_ actual: [Double], _ forecast: [Double]) -> Double {
        guard !actual.isEmpty else { return .nan }
        return zip(actual, forecast).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(actual.count)
    }
}
