/// What the contact volumes predict: per channel and per contact reason a forecast for the
/// coming months with its interval and backtest, the peaks ahead and the expected digital share.
public struct VolumeForecastReport: Sendable {
    /// The last month with volumes; the forecasts start the month after it.
    public let lastPeriod: String?
    /// Months of history used: the unbroken run of months with volumes that ends at `lastPeriod`.
    public let months: Int
    public let horizon: Int
    public let total: SeriesOutlook?
    public let channels: [SeriesOutlook]
    public let reasons: [SeriesOutlook]
    /// The expected share of the digital channels per month ahead, when every channel could be
    /// forecast; nil otherwise.
    public let digitalShare: DigitalShareOutlook?

    public var isEmpty: Bool { lastPeriod == nil }

    public var json: JSONObject {
        JSONObject([
            ("last_period", lastPeriod.map(JSON.string) ?? .null), ("months", .int(Int64(months))),
            ("horizon", .int(Int64(horizon))), ("minimum_months", .int(Int64(Forecasting.minimumToForecast))),
            ("total", total.map { .object($0.json) } ?? .null),
            ("channels", .array(channels.map { .object($0.json) })),
            ("reasons", .array(reasons.map { .object($0.json) })),
            ("digital_share", digitalShare.map { .object($0.json) } ?? .null),
        ])
    }
}

/// One series ahead: the contacts of a channel, of a reason or of all.
public struct SeriesOutlook: Sendable {
    public enum Subject: String, Sendable { case total, channel, reason }
    public let subject: Subject
    /// The channel slug or reason; empty for the total.
    public let key: String
    /// The mean per month over the last twelve months: what "usual" means for a peak.
    public let usual: Double
    public let result: Result<SeriesForecast, ForecastRefusal>
    /// The months ahead, as 2015-01.
    public let periods: [String]
    /// The last two years observed, oldest first, as (2014-03, count): the history beside the forecast.
    public let recent: [(period: String, value: Double)]

    /// Months ahead whose forecast is at least `peakFactor` times the usual level.
    public var peaks: [(period: String, point: ForecastPoint)] {
        guard case .success(let forecast) = result, usual > 0 else { return [] }
        return zip(periods, forecast.points).filter { $0.1.value >= usual * VolumeForecastReport.peakFactor }
            .map { (period: $0.0, point: $0.1) }
    }

    public var forecast: SeriesForecast? { try? result.get() }

    public var json: JSONObject {
        var object = JSONObject([("subject", .string(subject.rawValue)), ("key", .string(key)),
                                 ("usual_per_month", .double(usual.rounded(toPlaces: 1)))])
        switch result {
        case .failure(.notEnoughData(let months, let needed)):
            object.append("forecast", .null)
            object.append("refusal", .string("not enough data: \(months) months, \(needed) needed"))
        case .failure(.notFinite):
            object.append("forecast", .null)
            object.append("refusal", .string("the series has a gap"))
        case .success(let forecast):
            object.append("model", .string(forecast.model.model.rawValue))
            object.append("forecast", .array(zip(periods, forecast.points).map { period, point in
                .object(JSONObject([("period", .string(period)), ("value", .double(point.value.rounded(toPlaces: 1))),
                                    ("low", .double(point.low.rounded(toPlaces: 1))), ("high", .double(point.high.rounded(toPlaces: 1)))]))
            }))
            object.append("peaks", .array(peaks.map { .string($0.period) }))
            object.append("backtest", .object(forecast.backtest.json))
        }
        return object
    }
}

public struct DigitalShareOutlook: Sendable {
    /// The digital channels' share of all contacts over the last twelve months, 0…1.
    public let observed: Double
    /// Per month ahead, 0…1, from the channels' point forecasts.
    public let expected: [(period: String, share: Double)]

    public var json: JSONObject {
        JSONObject([("channels", .array(VolumeForecastReport.digitalChannels.map(JSON.string))),
                    ("last_12_months", .double(observed.rounded(toPlaces: 4))),
                    ("expected", .array(expected.map {
                        .object(JSONObject([("period", .string($0.period)), ("share", .double($0.share.rounded(toPlaces: 4)))]))
                    }))])
    }
}

extension Backtest {
    var json: JSONObject {
        func errors(_ errors: ForecastErrors) -> JSON {
            .object(JSONObject([("mae", .double(errors.mae.rounded(toPlaces: 2))),
                                ("mase", errors.mase.map { .double($0.rounded(toPlaces: 3)) } ?? .null),
                                ("mape", errors.mape.map { .double($0.rounded(toPlaces: 2)) } ?? .null)]))
        }
        return JSONObject([("months", .int(Int64(months))), ("model", .string(model.rawValue)),
                           ("forecast", errors(forecast)), ("seasonal_naive", errors(seasonalNaive)),
                           ("beats_seasonal_naive", .bool(beatsSeasonalNaive))])
    }
}

extension VolumeForecastReport {
    /// A month is a peak when its forecast is at least 10% above the mean of the last twelve.
    public static let peakFactor = 1.1
    /// The default channels through which residents reach the municipality online.
    public static let digitalChannels = ["web", "app", "e-mail", "social"]
}

/// Monthly series from the volumes table: every month from the first to the last, a channel or
/// reason without a count in a month counting 0 there.
struct VolumeSeries {
    let periods: [String]
    let total: [Double]
    let channels: [String: [Double]]
    let reasons: [String: [Double]]

    /// The unbroken run of months that ends at the last month with volumes: a month without any
    /// count breaks the history (it is missing, not quiet), and only what follows is used.
    init(_ rows: [VolumeRow]) {
        let byPeriod = Dictionary(grouping: rows, by: \.period)
        var run: [String] = []
        if let last = byPeriod.keys.max(), var month = Period(last) {
            while byPeriod[month.description] != nil {
                run.insert(month.description, at: 0)
                month = month.adding(months: -1)
            }
        }
        periods = run
        let index = Dictionary(uniqueKeysWithValues: run.enumerated().map { ($1, $0) })
        var total = [Double](repeating: 0, count: run.count)
        var channels: [String: [Double]] = [:]
        var reasons: [String: [Double]] = [:]
        for row in rows {
            guard let position = index[row.period] else { continue }
            total[position] += Double(row.count)
            channels[row.channel, default: [Double](repeating: 0, count: run.count)][position] += Double(row.count)
            if !row.reason.isEmpty {
                reasons[row.reason, default: [Double](repeating: 0, count: run.count)][position] += Double(row.count)
            }
        }
        self.total = total
        self.channels = channels
        self.reasons = reasons
    }
}

extension Period {
    func adding(months: Int) -> Period {
        let index = year * 12 + (month - 1) + months
        guard let date = ISODate(year: index / 12, month: index % 12 + 1, day: 1) else { return self }
        return Period(date: date)
    }
}

extension RoadmapFile {
    /// Forecasts `horizon` months ahead for all contacts, each channel and each contact reason.
    public func volumeForecasts(horizon: Int = 12) throws -> VolumeForecastReport {
        let series = VolumeSeries(try read { try volumes() })
        return VolumeForecastReport.make(series, horizon: horizon)
    }
}

extension VolumeForecastReport {
    static func make(_ series: VolumeSeries, horizon: Int) -> VolumeForecastReport {
        guard let last = series.periods.last, let lastMonth = Period(last) else {
            return VolumeForecastReport(lastPeriod: nil, months: 0, horizon: horizon, total: nil, channels: [], reasons: [],
                                        digitalShare: nil)
        }
        let ahead = (1...max(horizon, 1)).map { lastMonth.adding(months: $0).description }
        func outlook(_ subject: SeriesOutlook.Subject, _ key: String, _ values: [Double]) -> SeriesOutlook {
            let recent = values.suffix(12)
            return SeriesOutlook(subject: subject, key: key, usual: recent.reduce(0, +) / Double(max(recent.count, 1)),
                                 result: Forecasting.forecast(values, horizon: horizon), periods: ahead,
                                 recent: Array(zip(series.periods, values).suffix(24).map { (period: $0.0, value: $0.1) }))
        }
        let busiestFirst: ([String: [Double]]) -> [(String, [Double])] = { groups in
            groups.sorted { ($0.value.reduce(0, +), $1.key) > ($1.value.reduce(0, +), $0.key) }.map { ($0.key, $0.value) }
        }
        let channels = busiestFirst(series.channels).map { outlook(.channel, $0.0, $0.1) }
        let reasons = busiestFirst(series.reasons).map { outlook(.reason, $0.0, $0.1) }
        return VolumeForecastReport(lastPeriod: last, months: series.periods.count, horizon: horizon,
                                    total: outlook(.total, "", series.total), channels: channels, reasons: reasons,
                                    digitalShare: digitalShare(series, channels, ahead))
    }

    /// The digital share ahead from the channels' point forecasts; nil unless every channel has one.
    static func digitalShare(_ series: VolumeSeries, _ channels: [SeriesOutlook], _ ahead: [String]) -> DigitalShareOutlook? {
        let forecasts = channels.compactMap { outlook in outlook.forecast.map { (outlook.key, $0) } }
        guard !channels.isEmpty, forecasts.count == channels.count else { return nil }
        let digital = Set(digitalChannels)
        let recentTotal = series.total.suffix(12).reduce(0, +)
        let recentDigital = series.channels.filter { digital.contains($0.key) }.values.reduce(0) { $0 + $1.suffix(12).reduce(0, +) }
        guard recentTotal > 0 else { return nil }
        let expected = ahead.enumerated().map { index, period in
            let all = forecasts.reduce(0) { $0 + $1.1.points[index].value }
            let online = forecasts.filter { digital.contains($0.0) }.reduce(0) { $0 + $1.1.points[index].value }
            return (period: period, share: all > 0 ? online / all : 0)
        }
        return DigitalShareOutlook(observed: recentDigital / recentTotal, expected: expected)
    }
}
