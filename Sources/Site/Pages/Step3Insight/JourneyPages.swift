import SixSteps

/// One journey map per journey (klantreis-<slug>.html): the phases as columns, each with the
/// residents' score, the touchpoints, what goes well and what must improve. Below the map: the
/// journey's metrics and what is being done about its findings. Made to be printed and hung up.
enum JourneyPages: PageFamily {
    /// A phase column shows this many findings of each kind; the rest are in a table below the map,
    /// so a map with hundreds of findings still fits on a wall.
    static let findingsPerColumn = 8

    static func phaseAnchor(_ phase: String) -> String { "fase-\(phase)" }

    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        let data = context.data
        let index = Index(data)
        for journey in data.records(.journey) {
            try emit(page(journey, context, index))
        }
    }

    /// Everything the journey pages look up, grouped once.
    struct Index {
        let lookup: FindingPages.Lookup
        let findings: [String: [Record]]
        let touchpoints: [String: [Record]]
        let metrics: [String: [Record]]
        /// Per metric, its survey in the last cycle that had one.
        let quotes: [String: [Quote]]

        init(_ data: SiteData) {
            lookup = FindingPages.Lookup(data)
            findings = Dictionary(grouping: data.records(.finding), by: { $0[.journey].string ?? "" })
            touchpoints = Dictionary(grouping: data.records(.touchpoint), by: { $0[.journey].string ?? "" })
            metrics = Dictionary(grouping: data.records(.metric), by: { $0[.journey].string ?? "" })
            quotes = Dictionary(grouping: data.quotes, by: \.metric)
        }
    }

    /// How residents rate a phase. Colour alone never carries it: the word is always shown too.
    enum Rating: String {
        case good = "score-good", middle = "score-mid", bad = "score-bad"

        func word(_ context: PageContext) -> String {
            switch self {
            case .good: return context.t("goed", "good")
            case .middle: return context.t("matig", "fair")
            case .bad: return context.t("onvoldoende", "poor")
            }
        }

        /// 7,5 and up is good, 6,5 and up fair, below that poor, on a scale of 1 to 10; other scales
        /// are converted first. The shown (rounded) value is rated, so "7,5" never reads as fair.
        init(_ mean: Double, metric: Record) {
            let low = metric[.scaleMin].double ?? 1
            let high = metric[.scaleMax].double ?? 10
            let shown = (mean * 10).rounded() / 10
            var tenPoint = high > low ? 1 + 9 * (shown - low) / (high - low) : shown
            if metric[.direction].string == "lower" { tenPoint = 11 - tenPoint }
            self = tenPoint >= 7.5 - 1e-9 ? .good : tenPoint >= 6.5 - 1e-9 ? .middle : .bad
        }
    }

    /// The residents' score of one metric in one phase.
    struct PhaseScore {
        let metric: Record
        let cycle: String
        let group: SurveyGroup
    }

    struct Column {
        let slug: String?
        let name: String
        let touchpoints: [Record]
        let good: [Record]
        let improve: [Record]
        let metrics: [Record]
        let scores: [PhaseScore]
    }

    static func page(_ journey: Record, _ context: PageContext, _ index: Index) -> Page {
        let data = context.data
        let phases = data.phases[journey.ref] ?? []
        let findings = index.findings[journey.ref] ?? []
        let touchpoints = index.touchpoints[journey.ref] ?? []
        let metrics = index.metrics[journey.ref] ?? []
        // A metric for the whole journey tells most about each phase; phase metrics come after it.
        let surveyed = metrics.filter { !context.data.surveys(of: $0.ref).isEmpty }
            .sorted { ($0[.phase].isNull ? 0 : 1, $0.ref) < ($1[.phase].isNull ? 0 : 1, $1.ref) }
        let known = Set(phases.map(\.slug))
        func inPhase(_ records: [Record], _ phase: String?) -> [Record] {
            records.filter { record in
                let slug = record[.phase].string ?? ""
                return phase.map { slug == $0 } ?? !known.contains(slug)
            }
        }
        let bySeverity: (Record, Record) -> Bool = {
            ($0[.severity].int ?? 0, -($0.key.int ?? 0)) > ($1[.severity].int ?? 0, -($1.key.int ?? 0))
        }
        var columns = phases.map { phase -> Column in
            let phaseFindings = inPhase(findings, phase.slug)
            return Column(
                slug: phase.slug, name: phase.name,
                touchpoints: inPhase(touchpoints, phase.slug),
                good: phaseFindings.filter { $0[.kind].string == "good" }.sorted(by: bySeverity),
                improve: phaseFindings.filter { $0[.kind].string != "good" }.sorted(by: bySeverity),
                metrics: metrics.filter { $0[.phase].string == phase.slug },
                scores: surveyed.compactMap { metric in
                    guard let results = context.data.surveys(of: metric.ref).last,
                          let group = results.byPhase.first(where: { $0.label == phase.slug }) else { return nil }
                    return PhaseScore(metric: metric, cycle: results.cycle, group: group)
                })
        }
        // Records whose phase is not (or no longer) a phase of the journey still get a column, so
        // their anchors and links exist.
        let strayFindings = inPhase(findings, nil)
        let strayTouchpoints = inPhase(touchpoints, nil)
        if !strayFindings.isEmpty || !strayTouchpoints.isEmpty {
            columns.append(Column(slug: nil, name: context.t("Zonder fase", "No phase"), touchpoints: strayTouchpoints,
                                  good: strayFindings.filter { $0[.kind].string == "good" }.sorted(by: bySeverity),
                                  improve: strayFindings.filter { $0[.kind].string != "good" }.sorted(by: bySeverity),
                                  metrics: [], scores: []))
        }
        let truncated = columns.contains { $0.good.count > findingsPerColumn || $0.improve.count > findingsPerColumn }

        return Page(file: context.href(.journey, journey.ref),
                    title: context.t("Klantreis: ", "Customer journey: ") + journey.title,
                    section: .insight,
                    lead: context.t("De reis van de inwoner, fase voor fase: wat inwoners meemaken, welk cijfer ze geven, wat goed gaat en wat beter moet.",
                                    "The resident's journey, phase by phase: what residents go through, the score they give, what goes well and what must improve.")) {
            summary(findings: findings, touchpoints: touchpoints, surveyed: surveyed,
                    measuredCurve: !context.data.curves(of: journey.ref).isEmpty, wide: columns.count > 5, context)
            if columns.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Deze klantreis heeft nog geen fasen.", "This journey has no phases yet.")
                }
            } else {
                el("div", [.class("journey-map"), .id("kaart"), Attribute("role", "region"), Attribute("tabindex", "0"),
                           .aria("label", context.t("Klantreiskaart", "Journey map"))]) {
                    columns.enumerated().map { position, column in
                        phaseColumn(column, number: position + 1, of: phases.count, surveyed: !surveyed.isEmpty, context, index)
                    }
                }
            }
            measuredJourney(journey, context)
            about(journey, findings: findings, context)
            metricsSection(metrics, journey: journey.ref, context, index)
            actions(findings, context, index)
            quotes(surveyed, context, index)
            if truncated {
                context.section(context.t("Alle bevindingen van deze klantreis", "All findings of this journey"), id: "alle-bevindingen") {
                    context.table(caption: context.t("Bevindingen van ‘\(journey.title)’ (\(findings.count))",
                                                     "Findings of ‘\(journey.title)’ (\(findings.count))"),
                                  headers: FindingPages.headers(withJourney: false, context), numeric: [4], sortable: true,
                                  rows: FindingPages.rows(findings, withJourney: false, context, index.lookup, journeyNames: [:]))
                }
            }
        }
    }

    /// The figures at a glance and how to read the map.
    /// `wide`: more phases than fit beside each other on a laptop, so the hint to scroll shows there too.
    /// `measuredCurve`: the journey has a measured curve below the map, so the key never says
    /// there are no scores.
    static func summary(findings: [Record], touchpoints: [Record], surveyed: [Record], measuredCurve: Bool, wide: Bool,
                        _ context: PageContext) -> Node {
        let moments = touchpoints.filter { $0[.momentOfTruth].int == 1 }.count
        let good = findings.filter { $0[.kind].string == "good" }.count
        return Node.group([
            el("ul", [.class("count-chips")]) {
                FindingPages.chip(touchpoints.count, context.t("contactmoment", "touchpoint"), context.t("contactmomenten", "touchpoints"), context)
                FindingPages.chip(moments, context.t("moment van de waarheid", "moment of truth"),
                                  context.t("momenten van de waarheid", "moments of truth"), context)
                FindingPages.chip(good, context.t("gaat goed", "goes well"), context.t("gaan goed", "go well"), context)
                FindingPages.chip(findings.count - good, context.t("moet beter", "must improve"), context.t("moeten beter", "must improve"), context)
            },
            el("p", [.class("map-key")]) {
                if surveyed.isEmpty && measuredCurve {
                    context.t("De cijfers van inwoners per fase staan in de grafiek ‘Gemeten klantreis’ onder de kaart.",
                              "The residents’ scores per phase are in the chart ‘Measured journey’ below the map.")
                } else if surveyed.isEmpty {
                    context.t("Voor deze klantreis is nog geen enquête gehouden, dus er staan nog geen cijfers van inwoners bij de fasen.",
                              "No survey has been held for this journey yet, so the phases show no scores from residents.")
                } else {
                    context.t("Het cijfer per fase komt uit de laatste enquête onder inwoners (schaal 1 tot 10). Groen: goed (7,5 of hoger). Oranje: matig (6,5 tot 7,5). Rood: onvoldoende (lager dan 6,5).",
                              "The score per phase comes from the latest resident survey (scale 1 to 10). Green: good (7.5 or higher). Orange: fair (6.5 to 7.5). Red: poor (below 6.5).")
                }
                " "
                context.t("Een moment van de waarheid is een moment waarop inwoners hun oordeel vormen.",
                          "A moment of truth is where residents form their judgement.")
            },
            el("p", [.class(wide ? "map-hint wide" : "map-hint")]) {
                context.t("Schuif de kaart opzij om alle fasen te zien.", "Scroll the map sideways to see every phase.")
            },
        ])
    }

    /// `surveyed` is false when no metric of the journey has a survey: then the key above the map
    /// says so once, instead of every column.
    static func phaseColumn(_ column: Column, number: Int, of count: Int, surveyed: Bool, _ context: PageContext,
                            _ index: Index) -> Node {
        let id = column.slug.map(phaseAnchor) ?? "geen-fase"
        let rating = column.scores.first { !$0.group.suppressed }.flatMap { score in
            score.group.summary.map { Rating($0.mean, metric: score.metric) }
        }
        return el("section", [.id(id), .aria("labelledby", "\(id)-kop"), .class("phase " + (rating?.rawValue ?? "score-none"))]) {
            // Five lanes in every column, so that on a wide screen the map's rows line up across
            // the phases as journey maps draw them (the columns share their rows, see the CSS).
            el("div", [.class("lane lane-head")]) {
                if column.slug != nil {
                    el("p", [.class("phase-number")]) { context.t("Fase \(number) van \(count)", "Phase \(number) of \(count)") }
                }
                el("h2", [.id("\(id)-kop")]) { column.name }
                if column.slug != nil && surveyed { phaseScores(column.scores, context) }
            }
            el("div", [.class("lane lane-touchpoints")]) {
                el("h3") { context.t("Contactmomenten", "Touchpoints") + " (\(column.touchpoints.count))" }
                if column.touchpoints.isEmpty {
                    el("p", [.class("none")]) { context.t("Geen contactmomenten.", "No touchpoints.") }
                } else {
                    el("ul", [.class("touchpoints")]) { column.touchpoints.map { touchpoint($0, context) } }
                }
            }
            el("div", [.class("lane lane-good")]) { findingList(context.t("Gaat goed", "Goes well"), column.good, tone: "good", context) }
            el("div", [.class("lane lane-improve")]) {
                findingList(context.t("Moet beter", "Must improve"), column.improve, tone: "improve", context)
            }
            el("div", [.class("lane lane-metrics")]) { metricLane(column, context, index) }
        }
    }

    static func metricLane(_ column: Column, _ context: PageContext, _ index: Index) -> Node {
        Node.group([
            column.metrics.isEmpty ? .empty : el("h3") { context.t("Meeteenheden", "Metrics") },
            column.metrics.isEmpty ? .empty : el("ul", [.class("phase-metrics")]) {
                column.metrics.map { metric in
                    el("li") {
                        context.recordLink(.metric, metric.ref)
                        el("span", [.class("phase-meta")]) {
                            context.t("laatste meting: ", "latest: ") + FindingPages.latestText(metric.ref, context, index.lookup)
                        }
                    }
                }
            },
        ])
    }

    /// The residents' score in a phase: a large number and its rating in words, or why there is none.
    static func phaseScores(_ scores: [PhaseScore], _ context: PageContext) -> Node {
        guard !scores.isEmpty else {
            return el("p", [.class("phase-rating none")]) { context.t("Geen cijfer voor deze fase in de laatste enquête.", "No score for this phase in the latest survey.") }
        }
        return Node.group(scores.map { score in
            let cycle = context.data.record(.cycle, score.cycle)?.title ?? score.cycle
            return el("div", [.class("phase-rating")]) {
                if let summary = score.group.summary {
                    let rating = Rating(summary.mean, metric: score.metric)
                    el("p") {
                        el("span", [.class("phase-score")]) { FindingPages.grade(summary.mean, context) }
                        " "
                        el("span", [.class("rating-word \(rating.rawValue)-word")]) { rating.word(context) }
                    }
                    el("p", [.class("phase-meta")]) {
                        context.t("\(score.group.n) antwoorden, \(cycle)", "\(score.group.n) responses, \(cycle)")
                        scores.count > 1 ? ": " : ""
                        scores.count > 1 ? context.recordLink(.metric, score.metric.ref) : .empty
                    }
                } else {
                    el("p") { el("span", [.class("phase-score suppressed")]) { context.t("afgeschermd", "suppressed") } }
                    el("p", [.class("phase-meta")]) {
                        context.t("Minder dan \(context.data.threshold) antwoorden, of uit de andere cijfers af te leiden. \(cycle).",
                                  "Fewer than \(context.data.threshold) responses, or derivable from the other figures. \(cycle).")
                        scores.count > 1 ? " " : ""
                        scores.count > 1 ? context.recordLink(.metric, score.metric.ref) : .empty
                    }
                }
            }
        })
    }

    /// The measured journey curve per metric: what residents scored in each phase, measured in a
    /// survey, where a journey map usually has a curve drawn by hand in a workshop.
    static func measuredJourney(_ journey: Record, _ context: PageContext) -> Node {
        let curves = context.data.curves(of: journey.ref)
        return context.section(context.t("Gemeten klantreis", "Measured journey"), id: "gemeten-klantreis") {
            if curves.isEmpty {
                el("p", [.class("none")]) {
                    context.t("De gemeten klantreis verschijnt hier zodra er enquête-antwoorden met een fase zijn ingelezen.",
                              "The measured journey appears here once survey responses with a phase have been imported.")
                }
            } else {
                el("p", [.class("note")]) {
                    context.t("De lijn laat zien welk cijfer inwoners gemiddeld geven in elke fase van deze klantreis. De cijfers komen uit de enquête: zo beleven inwoners de reis echt. Het streepje boven en onder een punt is het 95%-interval: de echte waarde ligt daar vrijwel zeker tussen. Een fase met minder dan \(context.data.threshold) antwoorden tonen we niet, en ook geen fase waaruit met de totalen zo'n kleine groep af te leiden is.",
                              "The line shows the mean score residents give in each phase of this journey. The numbers come from the survey: this is how residents really experience the journey. The bar above and below a point is the 95% interval: the true value almost certainly lies within it. A phase with fewer than \(context.data.threshold) responses is not shown, nor a phase from which, with the totals, such a small group could be worked out.")
                }
                curves.map { curveBlock($0, context) }
            }
        }
    }

    /// One metric's curve: a sentence with what stands out, the curve against the previous cycle,
    /// and the curve per persona when there are enough responses per persona.
    static func curveBlock(_ curve: JourneyCurve, _ context: PageContext) -> Node {
        let metric = context.data.record(.metric, curve.metric)
        let unit = metric?[.unit].string
        let id = "kromme-\(curve.metric)"
        let shown = curve.phases.indices.compactMap { index in
            curve.current.overall[index].mean.map { (name: curve.phases[index].name, mean: $0) }
        }
        let hidden = curve.current.personas.filter { !$0.points.contains(where: \.isShown) }
        return el("div", [.class("curve"), .id(id)]) {
            el("h3") {
                context.t("Gemeten met ", "Measured with ")
                context.recordLink(.metric, curve.metric)
            }
            if let lowest = shown.min(by: { $0.mean < $1.mean }), let highest = shown.max(by: { $0.mean < $1.mean }), shown.count > 1 {
                el("p") {
                    context.t("In \(CurveChart.cycleName(curve.current.cycle, context)) is het gemiddelde het laagst in de fase ‘\(lowest.name)’ (\(context.value(lowest.mean, unit: unit, decimals: 1))) en het hoogst in de fase ‘\(highest.name)’ (\(context.value(highest.mean, unit: unit, decimals: 1))).",
                              "In \(CurveChart.cycleName(curve.current.cycle, context)) the mean is lowest in the phase ‘\(lowest.name)’ (\(context.value(lowest.mean, unit: unit, decimals: 1))) and highest in the phase ‘\(highest.name)’ (\(context.value(highest.mean, unit: unit, decimals: 1))).")
                }
            }
            // A chart of nothing but gaps says less than one sentence.
            if curve.current.overall.contains(where: \.isShown) || curve.previous?.overall.contains(where: \.isShown) == true {
                CurveChart.cycleFigure(curve, metric: metric, id: "\(id)-grafiek", context)
            } else {
                el("p", [.class("none")]) {
                    context.t("In \(CurveChart.cycleName(curve.current.cycle, context)) is het cijfer van elke fase afgeschermd: te weinig antwoorden, of uit de andere cijfers af te leiden.",
                              "In \(CurveChart.cycleName(curve.current.cycle, context)) the score of every phase is suppressed: too few responses, or derivable from the other figures.")
                }
            }
            CurveChart.personaFigure(curve, metric: metric, id: "\(id)-persona-grafiek", context) ?? .empty
            if !hidden.isEmpty {
                el("p", [.class("note")]) {
                    context.t("Te weinig antwoorden per fase voor een lijn van: ", "Too few responses per phase for a line of: ")
                    hidden.map { CurveChart.personaName($0.persona, context) }.joined(separator: ", ")
                    "."
                }
            }
        }
    }

    static func touchpoint(_ touchpoint: Record, _ context: PageContext) -> Node {
        let channel = touchpoint[.channel].string ?? ""
        let moment = touchpoint[.momentOfTruth].int == 1
        return el("li", [.id(context.anchor(.touchpoint, touchpoint.ref))] + (moment ? [.class("moment")] : [])) {
            el("span", [.class("ref")]) { touchpoint.ref }
            el("strong") { touchpoint.title }
            if !channel.isEmpty {
                el("span", [.class("phase-meta")]) {
                    context.t("Kanaal: ", "Channel: ")
                    context.data.record(.channel, channel) != nil ? context.recordLink(.channel, channel) : .text(channel)
                }
            }
            if moment {
                el("span", [.class("badge moment-badge")]) { context.t("moment van de waarheid", "moment of truth") }
            }
        }
    }

    /// The most severe findings first; the rest are counted and sit in the table below the map.
    static func findingList(_ title: String, _ findings: [Record], tone: String, _ context: PageContext) -> Node {
        Node.group([
            el("h3") { "\(title) (\(findings.count))" },
            findings.isEmpty
                ? el("p", [.class("none")]) { context.t("Niets genoteerd.", "Nothing noted.") }
                : el("ul", [.class("findings \(tone)")]) {
                    findings.prefix(findingsPerColumn).map { finding in
                        el("li") {
                            context.recordLink(.finding, finding.ref)
                            el("span", [.class("phase-meta")]) { finding[.severity].int.map { context.severityLabel($0) } ?? "" }
                        }
                    }
                    if findings.count > findingsPerColumn {
                        el("li", [.class("more")]) {
                            link("#alle-bevindingen") {
                                context.t("en nog \(findings.count - findingsPerColumn) meer", "and \(findings.count - findingsPerColumn) more")
                            }
                        }
                    }
                },
        ])
    }

    static func about(_ journey: Record, findings: [Record], _ context: PageContext) -> Node {
        context.section(context.t("Over deze klantreis", "About this journey"), id: "over") {
            if let description = journey[.description].string, !description.isEmpty {
                el("p") { description }
            } else {
                el("p", [.class("none")]) { context.t("Er is nog geen beschrijving.", "There is no description yet.") }
            }
            if findings.isEmpty {
                el("p") {
                    context.t("Er zijn nog geen bevindingen voor deze klantreis. Bevindingen komen uit interviews, enquêtes en klantreissessies.",
                              "There are no findings for this journey yet. Findings come from interviews, surveys and journey sessions.")
                }
            }
            if context.data.processes[journey.ref] != nil {
                el("p") {
                    link(ProcessPages.file(journey.ref)) {
                        context.t("Het proces achter deze klantreis: doorlooptijden per stap en de zwakste schakel",
                                  "The process behind this journey: lead times per step and the weakest link")
                    }
                }
            }
            el("p") {
                link("bevindingen.html") { context.t("Alle bevindingen van alle klantreizen", "All findings of all journeys") }
            }
        }
    }

    static func metricsSection(_ metrics: [Record], journey: String, _ context: PageContext, _ index: Index) -> Node {
        context.section(context.t("Meeteenheden van deze klantreis", "Metrics of this journey"), id: "meeteenheden") {
            if metrics.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Er zijn nog geen meeteenheden voor deze klantreis.", "There are no metrics for this journey yet.")
                }
            } else {
                context.table(
                    caption: context.t("Meeteenheden: nulmeting, doel en laatste meting", "Metrics: baseline, target and latest measurement"),
                    headers: [context.t("Meeteenheid", "Metric"), context.t("Fase", "Phase"), context.t("Nulmeting", "Baseline"),
                              context.t("Doel", "Target"), context.t("Laatste meting", "Latest measurement"), context.t("Oordeel", "Verdict")],
                    numeric: [2, 3],
                    rows: metrics.map { metric in
                        let phase = metric[.phase].string
                        return [
                            context.recordLink(.metric, metric.ref),
                            .text(phase.map { index.lookup.phaseName(journey: journey, phase: $0) } ?? context.t("hele klantreis", "whole journey")),
                            .text(metric[.baseline].double.map { context.value($0, of: metric) } ?? "–"),
                            .text(metric[.target].double.map { context.value($0, of: metric) } ?? "–"),
                            .text(FindingPages.latestText(metric.ref, context, index.lookup)),
                            context.data.latest(metric.ref).map { context.verdictCell($0) } ?? .text("–"),
                        ]
                    })
            }
        }
    }

    /// The opportunities that address this journey's findings and the roadmap items acting on them.
    static func actions(_ findings: [Record], _ context: PageContext, _ index: Index) -> Node {
        let data = context.data
        var addressed: [String: [String]] = [:]
        for finding in findings {
            for opportunity in data.sources(.opportunityFinding, to: finding.ref) { addressed[opportunity, default: []].append(finding.ref) }
        }
        let opportunities = index.lookup.byRank(Array(addressed.keys))
        var itemSources: [String: [String]] = [:]
        for opportunity in opportunities {
            for item in data.sources(.itemOpportunity, to: opportunity) { itemSources[item, default: []].append(opportunity) }
        }
        let items = index.lookup.byRoadmap(Array(itemSources.keys))
        return context.section(context.t("Wat we eraan doen", "What is being done"), id: "aanpak") {
            el("h3") { context.t("Verbeterkansen", "Opportunities") }
            if opportunities.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Nog geen verbeterkans gekoppeld aan de bevindingen van deze klantreis.",
                              "No opportunity is linked to the findings of this journey yet.")
                }
            } else {
                el("ul", [.class("records")]) {
                    opportunities.map { ref in
                        el("li") {
                            context.recordLink(.opportunity, ref)
                            el("span", [.class("chain-meta")]) {
                                if let ranked = index.lookup.ranked[ref] {
                                    context.t(" – plaats \(ranked.rank), score \(context.number(ranked.score, decimals: 1))",
                                              " – rank \(ranked.rank), score \(context.number(ranked.score, decimals: 1))")
                                }
                                context.t(" – voor ", " – for ")
                                Node.group((addressed[ref] ?? []).sorted { ($0.count, $0) < ($1.count, $1) }.enumerated().map { position, finding in
                                    Node.group([position > 0 ? .text(", ") : .empty, link(context.href(.finding, finding)) { finding }])
                                })
                            }
                        }
                    }
                }
            }
            el("h3") { context.t("Roadmap-items", "Roadmap items") }
            if items.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Nog geen roadmap-item voor deze klantreis.", "No roadmap item for this journey yet.")
                }
            } else {
                el("ul", [.class("records")]) {
                    items.map { ref in FindingPages.itemLine(ref, via: itemSources[ref] ?? [], context, index.lookup) }
                }
            }
        }
    }

    /// Comments a manager marked as quotable: the residents' own words beside the map.
    static func quotes(_ surveyed: [Record], _ context: PageContext, _ index: Index) -> Node {
        let quotes = surveyed.flatMap { index.quotes[$0.ref] ?? [] }.prefix(6)
        guard !quotes.isEmpty else { return .empty }
        return context.section(context.t("Wat inwoners zeggen", "What residents say"), id: "citaten") {
            el("div", [.class("journey-quotes")]) {
                quotes.map { quote in
                    el("figure", [.class("quote")]) {
                        el("blockquote") { el("p") { quote.comment } }
                        el("figcaption") {
                            context.t("Inwoner, enquête ", "Resident, survey ")
                            context.data.record(.cycle, quote.cycle)?.title ?? quote.cycle
                        }
                    }
                }
            }
        }
    }
}
