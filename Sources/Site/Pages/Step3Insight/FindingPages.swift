import SixSteps

/// The list of all findings (bevindingen.html) and one page per finding (f12.html) that follows
/// the chain forward: the opportunities it led to, the roadmap items acting on them and the
/// metrics those items should move.
enum FindingPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        let lookup = Lookup(context.data)
        try emit(listPage(context, lookup))
        for finding in context.data.records(.finding) {
            try emit(findingPage(finding, context, lookup))
        }
    }

    /// What thousands of pages look up, built once per family: a site of 10 000 findings must not
    /// scan the roadmap for each of them.
    struct Lookup {
        let ranked: [String: RankedOpportunity]
        let opportunityCount: Int
        let entries: [String: RoadmapEntry]
        let roadmapOrder: [String: Int]
        /// Journey slug → phase slug → phase name.
        let phaseNames: [String: [String: String]]
        let phasePositions: [String: [String: Int]]

        init(_ data: SiteData) {
            ranked = Dictionary(data.ranked.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
            opportunityCount = data.ranked.count
            entries = Dictionary(data.roadmap.map { ($0.item.ref, $0) }, uniquingKeysWith: { first, _ in first })
            roadmapOrder = Dictionary(data.roadmap.enumerated().map { ($1.item.ref, $0) }, uniquingKeysWith: { first, _ in first })
            var names: [String: [String: String]] = [:]
            var positions: [String: [String: Int]] = [:]
            for (journey, phases) in data.phases {
                names[journey] = Dictionary(phases.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
                positions[journey] = Dictionary(phases.map { ($0.slug, $0.position) }, uniquingKeysWith: { first, _ in first })
            }
            phaseNames = names
            phasePositions = positions
        }

        func phaseName(journey: String, phase: String) -> String {
            phaseNames[journey]?[phase] ?? phase
        }

        /// Opportunities best first; items in roadmap order.
        func byRank(_ refs: [String]) -> [String] {
            refs.sorted { (ranked[$0]?.rank ?? Int.max, $0) < (ranked[$1]?.rank ?? Int.max, $1) }
        }

        func byRoadmap(_ refs: [String]) -> [String] {
            refs.sorted { (roadmapOrder[$0] ?? Int.max, $0) < (roadmapOrder[$1] ?? Int.max, $1) }
        }
    }

    // MARK: - Shared pieces, also used by the journey pages

    /// Scores are read as school grades: always one decimal, "7,0" rather than "7".
    static func grade(_ value: Double, _ context: PageContext) -> String {
        let text = context.number(value, decimals: 1)
        return text.contains(",") || text.contains(".") ? text : text + context.t(",0", ".0")
    }

    /// The last measured value of a metric, with its cycle; suppressed values are never shown.
    static func latestText(_ metric: String, _ context: PageContext, _ lookup: Lookup) -> String {
        guard let measured = context.data.latest(metric)?.current else { return context.t("nog niet gemeten", "not measured yet") }
        let cycle = context.data.record(.cycle, measured.cycle)?.title ?? measured.cycle
        if measured.suppressed {
            return context.t("afgeschermd (te weinig antwoorden) in \(cycle)", "suppressed (too few responses) in \(cycle)")
        }
        return context.value(measured.summary.mean, of: context.data.record(.metric, metric)) + context.t(" in ", " in ") + cycle
    }

    static func kindBadge(_ kind: String, _ context: PageContext) -> Node {
        context.badge(context.findingKindLabel(kind), tone: kind == "good" ? "good" : "improve")
    }

    /// Short links to the opportunities that address a finding: "O1, O4".
    static func opportunityRefs(_ refs: [String], _ context: PageContext) -> Node {
        guard !refs.isEmpty else { return .text("–") }
        return Node.group(refs.enumerated().map { index, ref in
            Node.group([
                index > 0 ? .text(", ") : .empty,
                link(context.href(.opportunity, ref), [Attribute("title", context.data.record(.opportunity, ref)?.title ?? ref)]) { ref },
            ])
        })
    }

    /// The rows of a findings table; the journey column is left out on a journey's own page.
    static func rows(_ findings: [Record], withJourney: Bool, _ context: PageContext, _ lookup: Lookup,
                     journeyNames: [String: String]) -> [[Node]] {
        findings.map { finding in
            let journey = finding[.journey].string ?? ""
            let opportunities = lookup.byRank(context.data.sources(.opportunityFinding, to: finding.ref))
            var row: [Node] = [
                .text(finding.ref),
                link(context.href(.finding, finding.ref)) { finding.title },
                kindBadge(finding[.kind].string ?? "", context),
            ]
            if withJourney {
                row.append(journey.isEmpty ? .text("–") : link(context.href(.journey, journey)) { journeyNames[journey] ?? journey })
            }
            row.append(.text(lookup.phaseName(journey: journey, phase: finding[.phase].string ?? "")))
            row.append(.text(finding[.severity].int.map { String($0) } ?? "–"))
            row.append(opportunityRefs(opportunities, context))
            return row
        }
    }

    static func headers(withJourney: Bool, _ context: PageContext) -> [String] {
        [context.t("Nr.", "No."), context.t("Bevinding", "Finding"), context.t("Soort", "Kind")]
            + (withJourney ? [context.t("Klantreis", "Journey")] : [])
            + [context.t("Fase", "Phase"), context.t("Ernst (1–5)", "Severity (1–5)"), context.t("Verbeterkansen", "Opportunities")]
    }

    // MARK: - bevindingen.html

    static func listPage(_ context: PageContext, _ lookup: Lookup) -> Page {
        let data = context.data
        let findings = data.records(.finding)
        let journeys = data.records(.journey)
        let journeyNames = Dictionary(journeys.map { ($0.ref, $0.title) }, uniquingKeysWith: { first, _ in first })
        var good: [String: Int] = [:]
        var improve: [String: Int] = [:]
        var orphans: [String: Int] = [:]
        for finding in findings {
            let journey = finding[.journey].string ?? ""
            if finding[.kind].string == "good" {
                good[journey, default: 0] += 1
            } else {
                improve[journey, default: 0] += 1
                if data.links(.opportunityFinding, to: finding.ref).isEmpty { orphans[journey, default: 0] += 1 }
            }
        }
        let totalGood = good.values.reduce(0, +)
        let totalImprove = improve.values.reduce(0, +)
        let totalOrphans = orphans.values.reduce(0, +)
        return Page(file: "bevindingen.html", title: context.t("Bevindingen", "Findings"), section: .insight,
                    lead: context.t("Wat de klantreizen lieten zien: wat goed gaat en wat beter moet. Open een bevinding om te zien wat we eraan doen.",
                                    "What the customer journeys showed: what goes well and what must improve. Open a finding to see what is being done about it.")) {
            if findings.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Er zijn nog geen bevindingen vastgelegd.", "No findings have been recorded yet.")
                }
            } else {
                el("ul", [.class("count-chips")]) {
                    chip(findings.count, context.t("bevinding", "finding"), context.t("bevindingen", "findings"), context)
                    chip(totalGood, context.t("gaat goed", "goes well"), context.t("gaan goed", "go well"), context)
                    chip(totalImprove, context.t("moet beter", "must improve"), context.t("moeten beter", "must improve"), context)
                    chip(totalOrphans, context.t("moet beter en heeft nog geen verbeterkans", "must improve and has no opportunity yet"),
                         context.t("moeten beter en hebben nog geen verbeterkans", "must improve and have no opportunity yet"), context)
                }
                context.section(context.t("Per klantreis", "By journey"), id: "per-klantreis") {
                    context.table(
                        caption: context.t("Aantal bevindingen per klantreis", "Number of findings by journey"),
                        headers: [context.t("Klantreis", "Journey"), context.t("Gaat goed", "Goes well"),
                                  context.t("Moet beter", "Must improve"), context.t("Nog zonder verbeterkans", "No opportunity yet")],
                        numeric: [1, 2, 3],
                        rows: journeys.map { journey in
                            [context.recordLink(.journey, journey.ref),
                             .text(context.number(Double(good[journey.ref] ?? 0), decimals: 0)),
                             .text(context.number(Double(improve[journey.ref] ?? 0), decimals: 0)),
                             .text(context.number(Double(orphans[journey.ref] ?? 0), decimals: 0))]
                        })
                }
                context.section(context.t("Alle bevindingen", "All findings"), id: "alle") {
                    context.table(caption: context.t("Alle bevindingen (\(context.number(Double(findings.count), decimals: 0)))",
                                                     "All findings (\(context.number(Double(findings.count), decimals: 0)))"),
                                  headers: headers(withJourney: true, context), numeric: [5], sortable: true,
                                  rows: rows(findings, withJourney: true, context, lookup, journeyNames: journeyNames))
                }
            }
        }
    }

    // MARK: - f<N>.html

    static func findingPage(_ finding: Record, _ context: PageContext, _ lookup: Lookup) -> Page {
        let data = context.data
        let journey = finding[.journey].string ?? ""
        let journeyName = data.record(.journey, journey)?.title ?? journey
        let phase = finding[.phase].string ?? ""
        let phaseName = lookup.phaseName(journey: journey, phase: phase)
        let good = finding[.kind].string == "good"
        let lead = good
            ? context.t("Dit gaat goed in de klantreis ‘\(journeyName)’, in de fase \(phaseName).",
                        "This goes well in the journey ‘\(journeyName)’, in the phase \(phaseName).")
            : context.t("Dit moet beter in de klantreis ‘\(journeyName)’, in de fase \(phaseName).",
                        "This must improve in the journey ‘\(journeyName)’, in the phase \(phaseName).")
        return Page(file: context.href(.finding, finding.ref),
                    title: context.t("Bevinding \(finding.ref): ", "Finding \(finding.ref): ") + finding.title,
                    section: .insight, lead: lead) {
            context.section(context.t("Wat we zagen", "What we saw"), id: "feiten") {
                facts(finding, context, lookup)
            }
            chain(finding, context, lookup)
            el("p") {
                link("bevindingen.html") { context.t("Alle bevindingen", "All findings") }
                " · "
                if data.record(.journey, journey) != nil {
                    link(context.href(.journey, journey)) { context.t("Klantreiskaart ‘\(journeyName)’", "Journey map ‘\(journeyName)’") }
                }
            }
        }
    }

    static func facts(_ finding: Record, _ context: PageContext, _ lookup: Lookup) -> Node {
        let data = context.data
        let journey = finding[.journey].string ?? ""
        let phase = finding[.phase].string ?? ""
        let touchpoint: Node? = finding[.touchpoint].isNull ? nil : {
            let ref = Kind.touchpoint.ref(finding[.touchpoint])
            guard let record = data.record(.touchpoint, ref) else { return .text(ref) }
            return Node.group([
                context.recordLink(.touchpoint, ref),
                record[.momentOfTruth].int == 1 ? .text(context.t(" (moment van de waarheid)", " (moment of truth)")) : .empty,
            ])
        }()
        func reference(_ kind: Kind, _ field: FieldKey) -> Node? {
            guard let ref = finding[field].string, !ref.isEmpty else { return nil }
            return data.record(kind, ref) != nil ? context.recordLink(kind, ref) : .text(ref)
        }
        func text(_ field: FieldKey) -> Node? {
            guard let value = finding[field].string, !value.isEmpty else { return nil }
            return .text(value)
        }
        let phaseNode: Node? = phase.isEmpty ? nil
            : (data.record(.journey, journey) != nil && lookup.phaseNames[journey]?[phase] != nil
                ? link(context.href(.journey, journey) + "#" + JourneyPages.phaseAnchor(phase)) { lookup.phaseName(journey: journey, phase: phase) }
                : .text(phase))
        return context.facts([
            (context.t("Soort", "Kind"), kindBadge(finding[.kind].string ?? "", context)),
            (context.t("Klantreis", "Journey"), reference(.journey, .journey)),
            (context.t("Fase", "Phase"), phaseNode),
            (context.t("Contactmoment", "Touchpoint"), touchpoint),
            (context.t("Inwonersgroep", "Resident group"), reference(.persona, .persona)),
            (context.t("Kanaal", "Channel"), reference(.channel, .channel)),
            (context.t("Ernst", "Severity"), finding[.severity].int.map { .text(context.t("\($0) van 5", "\($0) of 5")) }),
            (context.t("Bron", "Source"), text(.source)),
            (context.t("Bewijs", "Evidence"), text(.evidence)),
            (context.t("Toelichting", "Description"), text(.description)),
        ])
    }

    /// Finding → opportunities → roadmap items → metrics, each step a list of links.
    static func chain(_ finding: Record, _ context: PageContext, _ lookup: Lookup) -> Node {
        let data = context.data
        let opportunities = lookup.byRank(data.sources(.opportunityFinding, to: finding.ref))
        var itemSources: [String: [String]] = [:]
        for opportunity in opportunities {
            for item in data.sources(.itemOpportunity, to: opportunity) { itemSources[item, default: []].append(opportunity) }
        }
        let items = lookup.byRoadmap(Array(itemSources.keys))
        var metricOrder: [String] = []
        var expected: [String: [(item: String, change: Double?)]] = [:]
        for item in items {
            for metricLink in data.links(.itemMetric, from: item) {
                if expected[metricLink.toRef] == nil { metricOrder.append(metricLink.toRef) }
                expected[metricLink.toRef, default: []].append((item, metricLink.expectedChange))
            }
        }
        let summary: String
        if opportunities.isEmpty {
            summary = finding[.kind].string == "good"
                ? context.t("Dit gaat goed. Er is (nog) geen verbeterkans aan gekoppeld; dat is ook niet altijd nodig.",
                            "This goes well. No opportunity is linked to it (yet); that is not always needed.")
                : context.t("Hier is nog niets mee gedaan: er is nog geen verbeterkans aan gekoppeld.",
                            "Nothing has been done with this yet: no opportunity is linked to it.")
        } else {
            summary = context.t(
                "Deze bevinding leidde tot \(count(opportunities.count, "verbeterkans", "verbeterkansen")), \(count(items.count, "roadmap-item", "roadmap-items")) en \(count(metricOrder.count, "meeteenheid", "meeteenheden")) om het effect te meten.",
                "This finding led to \(count(opportunities.count, "opportunity", "opportunities")), \(count(items.count, "roadmap item", "roadmap items")) and \(count(metricOrder.count, "metric", "metrics")) to measure the effect.")
        }
        return context.section(context.t("Wat we eraan doen", "What is being done"), id: "keten") {
            el("p") { summary }
            el("h3") { context.t("Verbeterkansen", "Opportunities") }
            if opportunities.isEmpty {
                el("p", [.class("none")]) { context.t("Nog geen verbeterkans gekoppeld.", "No opportunity linked yet.") }
            } else {
                el("ul", [.class("records")]) {
                    opportunities.map { ref in
                        el("li") {
                            context.recordLink(.opportunity, ref)
                            if let ranked = lookup.ranked[ref] {
                                el("span", [.class("chain-meta")]) {
                                    context.t(" – plaats \(ranked.rank) van \(lookup.opportunityCount), score \(context.number(ranked.score, decimals: 1))",
                                              " – rank \(ranked.rank) of \(lookup.opportunityCount), score \(context.number(ranked.score, decimals: 1))")
                                }
                            }
                        }
                    }
                }
            }
            el("h3") { context.t("Roadmap-items", "Roadmap items") }
            if items.isEmpty {
                el("p", [.class("none")]) {
                    opportunities.isEmpty
                        ? context.t("Nog geen roadmap-item: er is eerst een verbeterkans nodig.",
                                    "No roadmap item yet: an opportunity comes first.")
                        : context.t("Nog geen roadmap-item gekoppeld aan deze verbeterkansen.",
                                    "No roadmap item linked to these opportunities yet.")
                }
            } else {
                el("ul", [.class("records")]) {
                    items.map { ref in itemLine(ref, via: opportunities.count > 1 ? itemSources[ref] ?? [] : [], context, lookup) }
                }
            }
            el("h3") { context.t("Meeteenheden", "Metrics") }
            if metricOrder.isEmpty {
                el("p", [.class("none")]) {
                    items.isEmpty
                        ? context.t("Nog geen meeteenheid: die hoort bij een roadmap-item.",
                                    "No metric yet: metrics belong to roadmap items.")
                        : context.t("Nog geen meeteenheid gekoppeld aan deze roadmap-items.",
                                    "No metric linked to these roadmap items yet.")
                }
            } else {
                context.table(
                    caption: context.t("Meeteenheden die deze items moeten verbeteren", "Metrics these items should move"),
                    headers: [context.t("Meeteenheid", "Metric"), context.t("Verwacht effect", "Expected effect"),
                              context.t("Laatste meting", "Latest measurement"), context.t("Oordeel", "Verdict")],
                    rows: metricOrder.map { metric in
                        let unit = context.data.record(.metric, metric)?[.unit].string ?? ""
                        let effects = expected[metric] ?? []
                        return [
                            context.recordLink(.metric, metric),
                            Node.group(effects.enumerated().map { index, effect in
                                Node.group([
                                    index > 0 ? .text(", ") : .empty,
                                    link(context.href(.item, effect.item)) { effect.item },
                                    .text(effect.change.map { ": " + context.change($0, unit: unit, decimals: 1) } ?? ""),
                                ])
                            }),
                            .text(latestText(metric, context, lookup)),
                            context.data.latest(metric).map { context.verdictCell($0) } ?? .text("–"),
                        ]
                    })
            }
        }
    }

    /// A roadmap item with its status and horizon, in words.
    static func itemLine(_ ref: String, via opportunities: [String], _ context: PageContext, _ lookup: Lookup) -> Node {
        el("li") {
            context.recordLink(.item, ref)
            if let entry = lookup.entries[ref] {
                " "
                context.badge(context.statusLabel(entry.status), tone: entry.status)
                " "
                context.badge(context.t("horizon: ", "horizon: ") + context.horizonLabel(entry.horizon), tone: "neutral")
                if entry.overdue && entry.status != "done" && entry.status != "dropped" {
                    " "
                    context.badge(context.t("over de einddatum", "past due date"), tone: "late")
                }
            }
            if !opportunities.isEmpty {
                el("span", [.class("chain-meta")]) {
                    context.t(" – voor ", " – for ")
                    Node.group(opportunities.enumerated().map { index, opportunity in
                        Node.group([index > 0 ? .text(", ") : .empty, link(context.href(.opportunity, opportunity)) { opportunity }])
                    })
                }
            }
        }
    }

    /// "3 moeten beter": a count in bold with its words, singular or plural.
    static func chip(_ value: Int, _ one: String, _ many: String, _ context: PageContext) -> Node {
        el("li") {
            el("strong") { context.number(Double(value), decimals: 0) }
            " " + (value == 1 ? one : many)
        }
    }

    static func count(_ value: Int, _ one: String, _ many: String) -> String {
        "\(value) \(value == 1 ? one : many)"
    }
}
