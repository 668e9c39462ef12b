// Forecasts of a monthly series with a yearly pattern, written from the formulas (Hyndman &
// Athanasopoulos, "Forecasting: principles and practice", ch. 8, and Hyndman et al. 2008,
// "Forecasting with exponential smoothing", the state-space form and its forecast variances).
// Domain-free: pure functions over [Double].

/// One of the models a series can be forecast with. Every model is additive: level (+ trend) +
/// season + error.
public enum ForecastModel: String, Sendable, Equatable, CaseIterable {
    /// Next year's month is this year's: the benchmark every forecast must beat.
    case seasonalNaive = "seasonal-naive"
    /// Holt–Winters without trend, ETS(A,N,A).
    case level = "ets-ana"
    /// Holt–Winters with a linear trend, ETS(A,A,A).
    case trend = "ets-aaa"
    /// Holt–Winters with a damped trend, ETS(A,Ad,A): the trend fades out over the horizon.
    case dampedTrend = "ets-adda"

    /// The Holt–Winters candidates, in order of simplicity (a tie goes to the simplest).
    static let smoothing: [ForecastModel] = [.level, .trend, .dampedTrend]
}

/// The smoothing parameters of a Holt–Winters model in error-correction form: level, trend and
/// season move by alpha, beta and gamma times each one-step error; phi damps the trend (1 for none).
public struct SmoothingParameters: Sendable, Equatable {
    public let alpha: Double
    public let beta: Double
    public let gamma: Double
    public let phi: Double
}

/// A model fitted to a series: what it forecasts h months ahead and how uncertain that is.
public struct FittedModel: Sendable {
    public let model: ForecastModel
    public let seasonLength: Int
    /// Nil for seasonal-naive.
    public let parameters: SmoothingParameters?
    /// The one-step errors inside the series (observed − forecast), from which sigma is estimated.
    public let residuals: [Double]
    /// The standard deviation of the one-step errors.
    public let sigma: Double
    let level: Double
    let slope: Double
    /// The last `seasonLength` seasonal states (or, for seasonal-naive, the last year's values),
    /// oldest first.
    let season: [Double]

    /// The point forecast h = 1, 2, … months after the end of the series.
    public func point(_ h: Int) -> Double {
        let seasonal = season[(h - 1) % seasonLength]
        guard let parameters else { return seasonal }
        return level + dampedSum(parameters.phi, h) * slope + seasonal
    }

    /// c_j of the innovations form: the forecast error h months ahead is
    /// ε(n+h) + Σ_{j=1}^{h−1} c_j ε(n+h−j), so its variance is σ² (1 + Σ c_j²).
    func innovationWeight(_ j: Int) -> Double {
        let seasonal: Double = j % seasonLength == 0 ? 1 : 0
        guard let parameters else { return seasonal }
        return parameters.alpha + parameters.beta * parameters.phi * dampedSum(parameters.phi, j - 1, from: 0)
            + parameters.gamma * seasonal
    }

    /// The standard deviation of the forecast error h months ahead.
    public func forecastSD(_ h: Int) -> Double {
        var sum = 1.0
        for j in stride(from: 1, to: h, by: 1) {
            let weight = innovationWeight(j)
            sum += weight * weight
        }
        return sigma * sum.squareRoot()
    }
}

/// φ + φ² + … + φʰ (h for φ = 1), or from φ⁰ when `from` is 0.
func dampedSum(_ phi: Double, _ h: Int, from start: Int = 1) -> Double {
    var sum = 0.0
    var power = start == 0 ? 1.0 : phi
    for _ in 0..<h {
        sum += power
        power *= phi
    }
    return sum
}

public enum Forecasting {
    /// Months in a season: monthly data with a yearly pattern.
    public static let seasonLength = 12
    /// z for a two-sided 95% interval of the normal distribution.
    public static let z95 = 1.959963984540054

    /// Fits a model to the whole series; nil when the series is shorter than two seasons (the
    /// least from which a season and a trend can be started) or not finite.
    public static func fit(_ model: ForecastModel, _ series: [Double], seasonLength m: Int = seasonLength) -> FittedModel? {
        guard m >= 2, series.count >= 2 * m, series.allSatisfy(\.isFinite) else { return nil }
        switch model {
        case .seasonalNaive:
            let residuals = (m..<series.count).map { series[$0] - series[$0 - m] }
            return FittedModel(model: model, seasonLength: m, parameters: nil, residuals: residuals,
                               sigma: rootMeanSquare(residuals, lost: 0), level: 0, slope: 0,
                               season: Array(series.suffix(m)))
        case .level, .trend, .dampedTrend:
            var best: (parameters: SmoothingParameters, sse: Double)?
            for parameters in grid(model) {
                let sse = run(series, m: m, parameters, trend: model != .level).sse
                if sse.isFinite, sse < (best?.sse ?? .infinity) { best = (parameters, sse) }
            }
            guard let best else { return nil }
            let state = run(series, m: m, best.parameters, trend: model != .level)
            // Degrees of freedom lost: the smoothing parameters and the starting states.
            let lost = parameterCount(model) + 1 + (model == .level ? 0 : 1) + (m - 1)
            return FittedModel(model: model, seasonLength: m, parameters: best.parameters, residuals: state.residuals,
                               sigma: rootMeanSquare(state.residuals, lost: lost), level: state.level,
                               slope: state.slope, season: state.season)
        }
    }

    static func parameterCount(_ model: ForecastModel) -> Int {
        switch model {
        case .seasonalNaive: 0
        case .level: 2
        case .trend: 3
        case .dampedTrend: 4
        }
    }

    static func rootMeanSquare(_ values: [Double], lost: Int) -> Double {
        let squares = values.reduce(0) { $0 + $1 * $1 }
        let degrees = max(values.count - lost, 1)
        return (squares / Double(degrees)).squareRoot()
    }

    /// The parameters tried. A grid rather than a numerical optimiser: the surface of a short
    /// series is flat and bumpy, a grid is reproducible and quick (a site fits some hundred
    /// series), and it keeps within the usual region
    /// (0 < α < 1, 0 ≤ β ≤ α, 0 ≤ γ ≤ 1 − α).
    static func grid(_ model: ForecastModel) -> [SmoothingParameters] {
        let alphas: [Double] = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
        let betas: [Double] = model == .level ? [0] : [0, 0.01, 0.03, 0.1, 0.2]
        let gammas: [Double] = [0, 0.05, 0.1, 0.2, 0.35, 0.5]
        let phis: [Double] = model == .dampedTrend ? [0.85, 0.95] : [1]
        var result: [SmoothingParameters] = []
        for alpha in alphas {
            for beta in betas where beta <= alpha {
                for gamma in gammas where gamma <= 1 - alpha {
                    for phi in phis { result.append(SmoothingParameters(alpha: alpha, beta: beta, gamma: gamma, phi: phi)) }
                }
            }
        }
        return result
    }

    /// Runs the recursions over the series from the classical start: the level is the mean of the
    /// first season, the slope the change of the mean from the first season to the second per
    /// month, the season the first year's deviations from its mean.
    static func run(_ y: [Double], m: Int, _ p: SmoothingParameters, trend: Bool)
        -> (sse: Double, residuals: [Double], level: Double, slope: Double, season: [Double]) {
        let first = y[0..<m].reduce(0, +) / Double(m)
        let second = y[m..<(2 * m)].reduce(0, +) / Double(m)
        var level = first
        var slope = trend ? (second - first) / Double(m) : 0
        // The start describes the middle of the first year; step the level to its last month.
        level += slope * (Double(m - 1) / 2)
        var season = (0..<m).map { y[$0] - (first + slope * (Double($0) - Double(m - 1) / 2)) }
        var residuals: [Double] = []
        residuals.reserveCapacity(y.count - m)
        var sse = 0.0
        for t in m..<y.count {
            let s = season[t % m]
            let damped = p.phi * slope
            let error = y[t] - (level + damped + s)
            residuals.append(error)
            sse += error * error
            level += damped + p.alpha * error
            slope = trend ? damped + p.beta * error : 0
            season[t % m] = s + p.gamma * error
        }
        // Oldest first: the month after the series is season[n % m].
        let n = y.count
        let ordered = (0..<m).map { season[(n + $0) % m] }
        return (sse, residuals, level, slope, ordered)
    }
}
