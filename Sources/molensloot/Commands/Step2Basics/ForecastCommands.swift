import SixSteps

/// Step 2: what the contact volumes predict for the coming months.
enum ForecastCommands {
    static let forecast = Command(
        name: "forecast",
        abstract: "Forecast the contacts per channel and contact reason for the coming months, with 95% intervals, "
            + "the peaks ahead, the expected digital share, and each forecast's backtest against 'same month last year'.",
        options: [.init(name: "months", value: "n", help: "how many months ahead, 1 to 24 (default 12)"), .json],
        examples: ["molensloot volume forecast", "molensloot volume forecast --months 6 --json"]
    ) { invocation in
        var months = 12
        if let text = invocation.value("months") {
            guard let value = Int(text), (1...24).contains(value) else {
                throw UsageError(description: "--months '\(text)' is not valid: expected a whole number from 1 to 24")
            }
            months = value
        }
        let report = try invocation.openRoadmap().volumeForecasts(horizon: months)
        if invocation.json {
            Output.json(.object(report.json))
            return
        }
        var output = Output()
        guard let last = report.lastPeriod else {
            output.line("no volumes yet; import them with 'molensloot volume import FILE.csv'")
            output.flush()
            return
        }
        output.line("\(report.months) months of volumes up to \(last); a forecast needs at least \(Forecasting.minimumToForecast) "
                    + "(two years to fit, one to choose the model, one to backtest the choice)")
        if let share = report.digitalShare, let first = share.expected.first, let final = share.expected.last {
            output.line("digital share (\(VolumeForecastReport.digitalChannels.joined(separator: ", "))): "
                        + "\(percent(share.observed)) over the last 12 months, expected \(percent(first.share)) in \(first.period) "
                        + "and \(percent(final.share)) in \(final.period)")
        }
        for outlook in [report.total].compactMap({ $0 }) + report.channels + report.reasons {
            output.line()
            describe(outlook, into: &output)
        }
        output.flush()
    }

    static func label(_ outlook: SeriesOutlook) -> String {
        switch outlook.subject {
        case .total: "all contacts"
        case .channel: "channel \(outlook.key)"
        case .reason: "reason '\(outlook.key.singleLine)'"
        }
    }

    static func describe(_ outlook: SeriesOutlook, into output: inout Output) {
        switch outlook.result {
        case .failure(.notEnoughData(let months, let needed)):
            output.line("\(label(outlook)): not enough data for a forecast (\(months) months, \(needed) needed)")
        case .failure(.notFinite):
            output.line("\(label(outlook)): no forecast, the series has a gap")
        case .success(let forecast):
            output.line("\(label(outlook)): model \(forecast.model.model.rawValue), usual \(whole(outlook.usual)) a month; "
                        + backtestLine(forecast.backtest))
            let peaks = outlook.peaks
            output.line("  peaks ahead (at least 10% above usual): "
                        + (peaks.isEmpty ? "none" : peaks.map { "\($0.period) \(whole($0.point.value))" }.joined(separator: ", ")))
            var table = TextTable([.init(title: "MONTH"), .init(title: "FORECAST", alignRight: true),
                                   .init(title: "95% INTERVAL", alignRight: true)])
            for (period, point) in zip(outlook.periods, forecast.points) {
                table.add([period, whole(point.value), "\(whole(point.low)) – \(whole(point.high))"])
            }
            table.render().forEach { output.line("  " + $0) }
        }
    }

    /// The backtest in one line, so nobody reads a forecast without it.
    static func backtestLine(_ backtest: Backtest) -> String {
        let errors = { (errors: ForecastErrors) in
            "MASE " + (errors.mase.map { formatNumber($0, decimals: 2) } ?? "–")
                + (errors.mape.map { ", MAPE " + oneDecimal($0) + "%" } ?? "")
        }
        let verdict = backtest.beatsSeasonalNaive ? "beats" : "does NOT beat"
        return "backtest on the last \(backtest.months) months: \(errors(backtest.forecast)) against seasonal-naive "
            + "\(errors(backtest.seasonalNaive)): \(verdict) same month last year"
    }

    static func whole(_ value: Double) -> String { String(Int(value.rounded())) }
    static func percent(_ share: Double) -> String { oneDecimal(share * 100) + "%" }
}
