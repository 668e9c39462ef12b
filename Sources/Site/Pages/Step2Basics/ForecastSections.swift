import SixSteps

/// Step 2: what the contact volumes predict. Every forecast stands beside its backtest, so
/// nobody trusts one that did worse than "the same month last year".
extension StepPages {
    static func forecasts(_ context: PageContext) -> Node {
        let report = context.data.forecasts
        return context.section(context.t("Verwachte drukte", "Expected demand"), id: "verwachting") {
            if let last = report.lastPeriod {
                el("p") {
                    context.t("Uit \(report.months) maanden contactaantallen, tot en met \(context.language.month(last)), "
                              + "volgt per kanaal en per contactreden een verwachting voor de komende \(report.horizon) maanden, "
                              + "met trend en seizoen. Het gebied rond de verwachting is het 95%-voorspelinterval.",
                              "From \(report.months) months of contact counts, up to \(context.language.month(last)), "
                              + "follows a forecast per channel and per contact reason for the coming \(report.horizon) months, "
                              + "with trend and season. The range around a forecast is its 95% prediction interval.")
                }
                peakLead(report, context)
                digitalLead(report, context)
                el("p") {
                    context.t("Elke verwachting is getoetst: het model is gekozen en geschat zonder de laatste 12 maanden, "
                              + "en daarna vergeleken met wat er in die maanden echt gebeurde. De fout staat naast die van "
                              + "‘dezelfde maand vorig jaar’. Is de verwachting niet beter, dan staat dat erbij.",
                              "Every forecast is tested: the model was chosen and fitted without the last 12 months, "
                              + "then compared with what really happened in those months. Its error stands beside that of "
                              + "‘the same month last year’. When the forecast is not better, it says so.")
                }
                forecastTable(report, context)
                ([report.total].compactMap { $0 } + report.reasons + report.channels).enumerated().compactMap { index, outlook in
                    outlook.forecast.map { forecastFigure(outlook, $0, id: "verwachting-\(index + 1)", context) }
                }
            } else {
                el("p", [.class("none")]) {
                    context.t("Er zijn nog geen contactaantallen om een verwachting uit te maken.",
                              "There are no contact counts to forecast from yet.")
                }
            }
        }
    }

    static func outlookName(_ outlook: SeriesOutlook, _ context: PageContext) -> String {
        switch outlook.subject {
        case .total: context.t("Alle contacten", "All contacts")
        case .channel: context.t("Kanaal ", "Channel ") + channelName(outlook.key, context).lowercased()
        case .reason: context.t("Reden ‘\(outlook.key)’", "Reason ‘\(outlook.key)’")
        }
    }

    private static func peakLead(_ report: VolumeForecastReport, _ context: PageContext) -> Node {
        let withPeaks = report.reasons.filter { !$0.peaks.isEmpty && $0.forecast?.backtest.beatsSeasonalNaive == true }
        let sentences = withPeaks.prefix(3).map { outlook in
            let months = outlook.peaks.map { context.language.month($0.period) }.joined(separator: ", ")
            return context.t("‘\(outlook.key)’ in \(months) (gewoonlijk \(context.number(outlook.usual, decimals: 0)) per maand)",
                             "‘\(outlook.key)’ in \(months) (usually \(context.number(outlook.usual, decimals: 0)) a month)")
        }
        guard !sentences.isEmpty else { return .group([]) }
        return el("p") {
            context.t("Pieken verwacht (minstens 10% boven het gemiddelde van de laatste 12 maanden): ",
                      "Peaks expected (at least 10% above the mean of the last 12 months): ")
                + sentences.joined(separator: "; ") + "."
        }
    }

    private static func digitalLead(_ report: VolumeForecastReport, _ context: PageContext) -> Node {
        guard let share = report.digitalShare, let final = share.expected.last else { return .group([]) }
        let names = VolumeForecastReport.digitalChannels.joined(separator: ", ")
        return el("p") {
            context.t("Het digitale aandeel (\(names)) was de laatste 12 maanden \(context.language.percent(share.observed)); "
                      + "verwacht in \(context.language.month(final.period)): \(context.language.percent(final.share)).",
                      "The digital share (\(names)) was \(context.language.percent(share.observed)) over the last 12 months; "
                      + "expected in \(context.language.month(final.period)): \(context.language.percent(final.share)).")
        }
    }

    private static func errorsText(_ errors: ForecastErrors, _ context: PageContext) -> String {
        "MASE " + (errors.mase.map { context.number($0, decimals: 2) } ?? "–")
            + (errors.mape.map { ", MAPE " + context.number($0, decimals: 1) + "%" } ?? "")
    }

    private static func forecastTable(_ report: VolumeForecastReport, _ context: PageContext) -> Node {
        let all = [report.total].compactMap { $0 } + report.channels + report.reasons
        return context.table(
            caption: context.t("Verwachting en toets per kanaal en contactreden", "Forecast and test per channel and contact reason"),
            headers: [context.t("Onderwerp", "Subject"), context.t("Gewoonlijk per maand", "Usual per month"),
                      context.t("Piekmaanden", "Peak months"), context.t("Fout verwachting", "Forecast error"),
                      context.t("Fout ‘zelfde maand vorig jaar’", "Error ‘same month last year’"),
                      context.t("Beter dan vorig jaar?", "Better than last year?")],
            numeric: [1],
            rows: all.map { outlook in
                let name = Node.text(outlookName(outlook, context))
                let usual = Node.text(context.number(outlook.usual, decimals: 0))
                switch outlook.result {
                case .failure(.notEnoughData(let months, let needed)):
                    return [name, usual, .text(context.t("te weinig gegevens: \(months) maanden, \(needed) nodig",
                                                         "not enough data: \(months) months, \(needed) needed")), .text("–"), .text("–"), .text("–")]
                case .failure(.notFinite):
                    return [name, usual, .text(context.t("geen verwachting: gat in de reeks", "no forecast: a gap in the series")),
                            .text("–"), .text("–"), .text("–")]
                case .success(let forecast):
                    let peaks = outlook.peaks.map { context.language.month($0.period) }.joined(separator: ", ")
                    let better = forecast.backtest.beatsSeasonalNaive
                    return [name, usual, .text(peaks.isEmpty ? context.t("geen", "none") : peaks),
                            .text(errorsText(forecast.backtest.forecast, context)),
                            .text(errorsText(forecast.backtest.seasonalNaive, context)),
                            context.badge(better ? context.t("ja", "yes") : context.t("nee, niet op vertrouwen", "no, do not rely on it"),
                                          tone: better ? "good" : "improve")]
                }
            })
    }

    /// The last two years and the months ahead, the forecast's interval as a band.
    private static func forecastFigure(_ outlook: SeriesOutlook, _ forecast: SeriesForecast, id: String,
                                       _ context: PageContext) -> Node {
        let name = outlookName(outlook, context)
        let width = 640.0, left = 56.0, right = 12.0, top = 16.0, height = 220.0, bottom = 36.0
        let count = outlook.recent.count + forecast.points.count
        let step = (width - left - right) / Double(max(count - 1, 1))
        let values = outlook.recent.map(\.value) + forecast.points.flatMap { [$0.low, $0.high] }
        let ticks = SVG.ticks(low: values.min() ?? 0, high: values.max() ?? 1, clampTo: (0, nil), parts: 4)
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - (value - low) / max(high - low, 1e-9)) }
        func x(_ index: Int) -> Double { left + Double(index) * step }
        let offset = outlook.recent.count
        let band = forecast.points.enumerated().map { (x(offset + $0.offset), y($0.element.high)) }
            + forecast.points.enumerated().reversed().map { (x(offset + $0.offset), y($0.element.low)) }
        let peakWords = outlook.peaks.map { context.language.month($0.period) }.joined(separator: ", ")
        let description = context.t(
            "Lijn van de laatste \(outlook.recent.count) maanden en daarna de verwachting voor \(forecast.points.count) maanden "
                + "met een band voor het 95%-voorspelinterval. Piekmaanden: \(peakWords.isEmpty ? "geen" : peakWords).",
            "Line of the last \(outlook.recent.count) months, then the forecast for \(forecast.points.count) months "
                + "with a band for the 95% prediction interval. Peak months: \(peakWords.isEmpty ? "none" : peakWords).")
        let chart = SVG.canvas(id: id, width: width, height: height, title: name, description: description) {
            ticks.map { tick in
                Node.group([SVG.line(x1: left, y1: y(tick), x2: width - right, y2: y(tick), classes: "grid"),
                            SVG.text(context.number(tick, decimals: 0), x: left - 6, y: y(tick) + 4, anchor: "end")])
            }
            el("polygon", [Attribute("points", band.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ")),
                           .class("forecast-band")])
            SVG.polyline(outlook.recent.enumerated().map { (x($0.offset), y($0.element.value)) }, classes: "trend")
            SVG.polyline(forecast.points.enumerated().map { (x(offset + $0.offset), y($0.element.value)) }, classes: "trend forecast-line")
            SVG.line(x1: x(offset) - step / 2, y1: top, x2: x(offset) - step / 2, y2: height - bottom, classes: "axis forecast-start")
            [0, offset, count - 1].filter { $0 < count }.map { index in
                let period = index < offset ? outlook.recent[index].period : outlook.periods[index - offset]
                return SVG.text(shortMonth(period, context), x: x(index), y: height - bottom + 18,
                                anchor: index == 0 ? "start" : index == count - 1 ? "end" : "middle")
            }
        }
        let table = context.table(
            caption: context.t("\(name): verwachting per maand", "\(name): forecast per month"),
            headers: [context.t("Maand", "Month"), context.t("Verwachting", "Forecast"), context.t("95%-interval", "95% interval"),
                      context.t("Piek?", "Peak?")],
            numeric: [1, 2],
            rows: zip(outlook.periods, forecast.points).map { period, point in
                [.text(context.language.month(period)), .text(context.number(point.value, decimals: 0)),
                 .text("\(context.number(point.low, decimals: 0)) – \(context.number(point.high, decimals: 0))"),
                 .text(point.value >= outlook.usual * VolumeForecastReport.peakFactor ? context.t("ja", "yes") : "")]
            })
        return Node.group([
            el("h3") { name },
            el("p") {
                context.t("Model: \(modelName(forecast.model.model, context)). Toets op de laatste 12 maanden: "
                          + "\(errorsText(forecast.backtest.forecast, context)), tegen \(errorsText(forecast.backtest.seasonalNaive, context)) "
                          + "voor ‘zelfde maand vorig jaar’.",
                          "Model: \(modelName(forecast.model.model, context)). Test on the last 12 months: "
                          + "\(errorsText(forecast.backtest.forecast, context)), against \(errorsText(forecast.backtest.seasonalNaive, context)) "
                          + "for ‘same month last year’.")
            },
            context.figure(caption: context.t("\(name): de laatste twee jaar en de verwachting", "\(name): the last two years and the forecast"),
                           chart: chart, table: table),
        ])
    }

    static func modelName(_ model: ForecastModel, _ context: PageContext) -> String {
        switch model {
        case .seasonalNaive: context.t("zelfde maand vorig jaar", "same month last year")
        case .level: context.t("Holt–Winters zonder trend", "Holt–Winters without trend")
        case .trend: context.t("Holt–Winters met trend", "Holt–Winters with trend")
        case .dampedTrend: context.t("Holt–Winters met afvlakkende trend", "Holt–Winters with damped trend")
        }
    }
}
