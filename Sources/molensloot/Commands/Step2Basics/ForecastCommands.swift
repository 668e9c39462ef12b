import SixSteps

/// Step 2: what the contact volumes predict for the coming months.
enum ForecastCommands {
    static let forecast = Command(
        name: "forecast",
        abstract: t("Voorspel de contacten per kanaal en contactreden voor de komende maanden, met 95%-intervallen, "
              + "de pieken, het verwachte digitale aandeel, en per voorspelling de toets tegen 'dezelfde maand vorig jaar'.",
            "Forecast the contacts per channel and contact reason for the coming months, with 95% intervals, "
              + "the peaks ahead, the expected digital share, and each forecast's backtest against 'same month last year'."),
        options: [.init(name: "months", value: "n", help: t("hoeveel maanden vooruit, 1 tot 24 (standaard 12)", "how many months ahead, 1 to 24 (default 12)")), .json],
        examples: ["molensloot volume forecast", "molensloot volume forecast --months 6 --json"]
    ) { invocation in
        var months = 12
        if let text = invocation.value("months") {
            guard let value = Int(text), (1...24).contains(value) else {
                throw UsageError(description: t("--months '\(text)' kan niet: verwacht een geheel getal van 1 tot 24", "--months '\(text)' is not valid: expected a whole number from 1 to 24"))
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
            output.line(t("nog geen volumes; importeer ze met 'molensloot volume import BESTAND.csv'", "no volumes yet; import them with 'molensloot volume import FILE.csv'"))
            output.flush()
            return
        }
        output.line(t("\(report.months) maanden volumes tot en met \(language.month(last)); een voorspelling vraagt er minstens \(Forecasting.minimumToForecast) "
                      + "(twee jaar om te passen, één om het model te kiezen, één om de keuze te toetsen)",
                    "\(report.months) months of volumes up to \(last); a forecast needs at least \(Forecasting.minimumToForecast) "
                      + "(two years to fit, one to choose the model, one to backtest the choice)"))
        if let share = report.digitalShare, let first = share.expected.first, let final = share.expected.last {
            let channels = VolumeForecastReport.digitalChannels.joined(separator: ", ")
            output.line(t("digitaal aandeel (\(channels)): \(percent(share.observed)) over de laatste 12 maanden, verwacht \(percent(first.share)) in "
                            + "\(language.month(first.period)) en \(percent(final.share)) in \(language.month(final.period))",
                          "digital share (\(channels)): \(percent(share.observed)) over the last 12 months, expected \(percent(first.share)) in "
                            + "\(first.period) and \(percent(final.share)) in \(final.period)"))
        }
        for outlook in [report.total].compactMap({ $0 }) + report.channels + report.reasons {
            output.line()
            describe(outlook, into: &output)
        }
        output.flush()
    }

    static func label(_ outlook: SeriesOutlook) -> String {
        switch outlook.subject {
        case .total: t("alle contacten", "all contacts")
        case .channel: t("kanaal ", "channel ") + outlook.key
        case .reason: t("reden", "reason") + " '\(outlook.key.singleLine)'"
        }
    }

    static func describe(_ outlook: SeriesOutlook, into output: inout Output) {
        switch outlook.result {
        case .failure(.notEnoughData(let months, let needed)):
            output.line("\(label(outlook)): " + t("te weinig gegevens voor een voorspelling (\(months) maanden, \(needed) nodig)", "not enough data for a forecast (\(months) months, \(needed) needed)"))
        case .failure(.notFinite):
            output.line("\(label(outlook)): " + t("geen voorspelling, de reeks heeft een gat", "no forecast, the series has a gap"))
        case .success(let forecast):
            output.line("\(label(outlook)): model \(forecast.model.model.rawValue), " + t("gewoonlijk \(whole(outlook.usual)) per maand; ", "usual \(whole(outlook.usual)) a month; ")
                        + backtestLine(forecast.backtest))
            let peaks = outlook.peaks
            output.line(t("  pieken (minstens 10% boven gewoonlijk): ", "  peaks ahead (at least 10% above usual): ")
                        + (peaks.isEmpty ? t("geen", "none") : peaks.map { "\(language.month($0.period)) \(whole($0.point.value))" }.joined(separator: ", ")))
            var table = TextTable([.init(title: t("MAAND", "MONTH")), .init(title: t("VOORSPELD", "FORECAST"), alignRight: true),
                                   .init(title: t("95%-INTERVAL", "95% INTERVAL"), alignRight: true)])
            for (period, point) in zip(outlook.periods, forecast.points) {
                table.add([language.month(period), whole(point.value), "\(whole(point.low)) – \(whole(point.high))"])
            }
            table.render().forEach { output.line("  " + $0) }
        }
    }

    /// The backtest in one line, so nobody reads a forecast without it.
    static func backtestLine(_ backtest: Backtest) -> String {
        let errors = { (errors: ForecastErrors) in
            "MASE " + (errors.mase.map { localNumber($0, decimals: 2) } ?? "–")
                + (errors.mape.map { ", MAPE " + oneDecimal($0) + "%" } ?? "")
        }
        let verdict = backtest.beatsSeasonalNaive ? t("beter dan", "beats") : t("NIET beter dan", "does NOT beat")
        return t("toets op de laatste \(backtest.months) maanden: \(errors(backtest.forecast)) tegen seasonal-naive "
                   + "\(errors(backtest.seasonalNaive)): \(verdict) dezelfde maand vorig jaar",
                 "backtest on the last \(backtest.months) months: \(errors(backtest.forecast)) against seasonal-naive "
                   + "\(errors(backtest.seasonalNaive)): \(verdict) same month last year")
    }

    static func whole(_ value: Double) -> String { String(Int(value.rounded())) }
    static func percent(_ share: Double) -> String { oneDecimal(share * 100) + "%" }
}
