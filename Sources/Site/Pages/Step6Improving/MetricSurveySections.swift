import SixSteps

/// The survey behind a metric's page: its groups, its distribution and the comments released.
extension MetricPages {
    /// The latest survey with figures; a newer one below the privacy threshold is named, not shown.
    static func surveySection(_ context: PageContext, _ metric: Record, _ surveys: [SurveyResults], quotes: [Quote]) -> Node {
        let data = context.data
        let shown = surveys.last { !$0.overall.suppressed }
        let hidden = surveys.last.flatMap { $0.overall.suppressed ? $0 : nil }
        return context.section(context.t("Enquête", "Survey"), id: "enquete") {
            if let hidden {
                el("p") {
                    context.t("De laatste enquête is gehouden in ", "The latest survey was held in ")
                    context.recordLink(.cycle, hidden.cycle)
                    context.t(". Die had minder dan \(hidden.threshold) antwoorden. Om de privacy van inwoners te beschermen, tonen we daarvan geen cijfers.",
                              ". It had fewer than \(hidden.threshold) answers. To protect residents’ privacy, we show no figures for it.")
                }
            }
            if let survey = shown, let summary = survey.overall.summary {
                el("p") {
                    hidden == nil
                        ? context.t("De laatste enquête is gehouden in ", "The latest survey was held in ")
                        : context.t("Hieronder staat de enquête daarvoor, gehouden in ", "Below is the survey before it, held in ")
                    context.recordLink(.cycle, survey.cycle)
                    context.t(". Er kwamen \(context.number(Double(survey.overall.n), decimals: 0)) antwoorden binnen, met een gemiddelde van \(context.value(summary.mean, of: metric)).",
                              ". It received \(context.number(Double(survey.overall.n), decimals: 0)) answers, with an average of \(context.value(summary.mean, of: metric)).")
                    summary.confidenceInterval95.map { interval in
                        " " + context.t("Het 95%-interval is \(context.interval(interval, of: metric)).", "The 95% interval is \(context.interval(interval, of: metric)).")
                    } ?? ""
                }
                if !survey.distribution.isEmpty {
                    el("h3") { context.t("Hoe vaak elke score is gegeven", "How often each score was given") }
                    distributionChart(context, survey)
                }
                if survey.otherScores > 0 {
                    el("p", [.class("note")]) {
                        context.t("\(context.number(Double(survey.otherScores), decimals: 0)) antwoorden gaven een score die minder dan \(survey.threshold) keer voorkwam (of die we daarom ook afschermen); die scores tonen we niet apart.",
                                  "\(context.number(Double(survey.otherScores), decimals: 0)) answers gave a score that occurred fewer than \(survey.threshold) times (or that we suppress for that reason too); those scores are not shown one by one.")
                    }
                }
                groupTable(context, metric, survey, title: context.t("Per fase van de klantreis", "Per phase of the journey"),
                           noun: context.t("Fase", "Phase"), groups: survey.byPhase) { label in
                    MetricText.phaseLink(label, journey: metric[.journey].string, context)
                }
                groupTable(context, metric, survey, title: context.t("Per kanaal", "Per channel"),
                           noun: context.t("Kanaal", "Channel"), groups: survey.byChannel) { label in
                    data.record(.channel, label) == nil ? .text(label) : context.recordLink(.channel, label)
                }
                groupTable(context, metric, survey, title: context.t("Per groep inwoners (persona)", "Per group of residents (persona)"),
                           noun: context.t("Persona", "Persona"), groups: survey.byPersona) { label in
                    data.record(.persona, label) == nil ? .text(label) : context.recordLink(.persona, label)
                }
            }
            if !quotes.isEmpty {
                el("h3") { context.t("Wat inwoners zeggen", "What residents say") }
                MetricText.quotes(context, quotes, showMetric: false)
            }
        }
    }

    /// Columns from the lowest score to the highest: the shape of the answers at a glance. A
    /// scale with many distinct scores gets horizontal bars instead, which have room for them.
    static func distributionChart(_ context: PageContext, _ survey: SurveyResults) -> Node {
        let caption = context.t("Aantal antwoorden per score in \(survey.cycle)", "Number of answers per score in \(survey.cycle)")
        let description = context.t("Per score hoeveel inwoners die gaven: ", "For each score how many residents gave it: ")
            + survey.distribution.map { "\(context.number($0.score, decimals: 2)): \($0.count)" }.joined(separator: ", ") + "."
        let total = survey.distribution.reduce(0) { $0 + $1.count }
        guard survey.distribution.count <= 12 else {
            return context.barChart(id: "verdeling-grafiek", caption: caption, description: description,
                                    bars: survey.distribution.map { (label: context.t("score ", "score ") + context.number($0.score, decimals: 2),
                                                                     value: Double($0.count), tone: "") })
        }
        let width = 640.0, height = 250.0, top = 34.0, bottom = 40.0
        let plotHeight = height - top - bottom
        let slot = width / Double(max(survey.distribution.count, 1))
        let most = Double(survey.distribution.map(\.count).max() ?? 1)
        let chart = SVG.canvas(id: "verdeling-grafiek", width: width, height: height, title: caption, description: description) {
            SVG.line(x1: 0, y1: top + plotHeight, x2: width, y2: top + plotHeight, classes: "axis")
            survey.distribution.enumerated().map { index, entry in
                let center = slot * (Double(index) + 0.5)
                let barHeight = Double(entry.count) / max(most, 1) * plotHeight
                return Node.group([
                    SVG.rect(x: center - slot * 0.35, y: top + plotHeight - barHeight, width: slot * 0.7, height: barHeight, classes: "bar"),
                    SVG.text(String(entry.count), x: center, y: top + plotHeight - barHeight - 7, anchor: "middle", classes: "label value-label"),
                    SVG.text(context.number(entry.score, decimals: 2), x: center, y: height - 12, anchor: "middle"),
                ])
            }
        }
        let rows: [[Node]] = survey.distribution.map { entry in
            [.text(context.number(entry.score, decimals: 2)), .text(String(entry.count)),
             .text(context.language.percent(Double(entry.count) / Double(max(total, 1))))]
        }
        return MetricText.chart(context.figure(caption: caption, chart: chart,
                                               table: context.table(caption: caption,
                                                                    headers: [context.t("Score", "Score"), context.t("Antwoorden", "Answers"),
                                                                              context.t("Deel", "Share")],
                                                                    numeric: [0, 1, 2], rows: rows)))
    }

    static func groupTable(_ context: PageContext, _ metric: Record, _ survey: SurveyResults, title: String, noun: String,
                           groups: [SurveyGroup], name: (String) -> Node) -> Node {
        guard !groups.isEmpty else { return .empty }
        let suppressed = context.t("afgeschermd", "suppressed")
        let rows: [[Node]] = groups.map { group in
            guard let summary = group.summary else {
                return [name(group.label), context.badge(suppressed, tone: "suppressed"), .text("–"), .text("–")]
            }
            return [name(group.label), .text(context.number(Double(group.n), decimals: 0)),
                    .text(context.value(summary.mean, of: metric)),
                    .text(summary.confidenceInterval95.map { context.interval($0, of: metric) } ?? "–")]
        }
        return Node.group([
            el("h3") { title },
            context.table(caption: title + " (\(survey.cycle))",
                          headers: [noun, context.t("Antwoorden", "Answers"), context.t("Gemiddelde", "Average"),
                                    context.t("95%-interval", "95% interval")],
                          numeric: [1, 2, 3], rows: rows),
            groups.contains(where: \.suppressed)
                ? el("p", [.class("note")]) {
                    context.t("Afgeschermd: minder dan \(survey.threshold) antwoorden, of afgeschermd zodat zo’n kleine groep niet uit het totaal en de andere groepen is af te leiden. Om de privacy te beschermen tonen we daarvan geen cijfers.",
                              "Suppressed: fewer than \(survey.threshold) answers, or suppressed so that such a small group cannot be worked out from the total and the other groups. To protect privacy we show no figures for it.")
                }
                : .empty,
        ])
    }
}
