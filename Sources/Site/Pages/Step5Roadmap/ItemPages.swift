import SixSteps

/// One page per roadmap item: who does it and when, why it exists (the opportunities and the
/// findings behind them), what it should change and what was measured, and what it waits for.
enum ItemPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        let index = Index(context.data)
        for entry in context.data.roadmap {
            try emit(page(context, index, entry))
        }
    }

    /// Everything the pages look up, built once for all items.
    struct Index {
        let ranked: [String: RankedOpportunity]
        let entries: [String: RoadmapEntry]
        /// Per cycle (in the order they ran) the comparison of each metric.
        let comparisons: [[String: MetricComparison]]
        /// Per item the effects measured in each cycle, by the cycle's position.
        let effects: [String: [(cycle: Int, effect: ItemEffect)]]
        let agreements: [String: [Record]]

        init(_ data: SiteData) {
            ranked = Dictionary(data.ranked.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
            entries = Dictionary(data.roadmap.map { ($0.item.ref, $0) }, uniquingKeysWith: { first, _ in first })
            comparisons = data.reports.map { report in
                Dictionary(report.comparisons.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
            }
            var effects: [String: [(cycle: Int, effect: ItemEffect)]] = [:]
            for (position, report) in data.reports.enumerated() {
                for effect in report.effects { effects[effect.item.ref, default: []].append((position, effect)) }
            }
            self.effects = effects
            var agreements: [String: [Record]] = [:]
            for agreement in data.records(.agreement) where !agreement[.item].isNull {
                agreements[Kind.item.ref(agreement[.item]), default: []].append(agreement)
            }
            self.agreements = agreements
        }
    }

    // MARK: - Values with their unit

    /// Whether what was seen matches what was expected, in words.
    static func effectVerdict(expected: Double?, observed: Double?, _ context: PageContext) -> String {
        guard let observed else { return context.t("niet gemeten in die cyclus", "not measured in that cycle") }
        guard let expected, expected != 0 else { return context.t("geen verwachting opgegeven", "no expectation given") }
        if (observed > 0) != (expected > 0) || observed == 0 {
            return observed == 0 ? context.t("geen verandering", "no change") : context.t("de andere kant op", "the other way")
        }
        return abs(observed) >= abs(expected) ? context.t("zoals verwacht of beter", "as expected or better")
            : context.t("goede kant op, minder dan verwacht", "the right way, less than expected")
    }

    static func statusBadge(_ entry: RoadmapEntry?, status: String, _ context: PageContext) -> Node {
        Node.group([
            context.badge(context.statusLabel(status), tone: status),
            entry?.overdue == true ? Node.group([.text(" "), context.badge(context.t("te laat", "late"), tone: "late")]) : .empty,
        ])
    }

    // MARK: - r<N>.html

    static func page(_ context: PageContext, _ index: Index, _ entry: RoadmapEntry) -> Page {
        let item = entry.item
        let ref = item.ref
        let leadText: String
        switch entry.status {
        case "done":
            leadText = context.t("Roadmap-item, \(context.horizonLabel(entry.horizon).lowercased()). Klaar",
                                 "Roadmap item, \(context.horizonLabel(entry.horizon).lowercased()). Done")
                + (item[.doneDate].string.map { context.t(" op ", " on ") + context.date($0) } ?? "") + "."
        case "dropped":
            leadText = context.t("Roadmap-item dat is geschrapt.", "Roadmap item that was dropped.")
        default:
            leadText = context.t("Roadmap-item, \(context.horizonLabel(entry.horizon).lowercased()): \(context.statusLabel(entry.status)).",
                                 "Roadmap item, \(context.horizonLabel(entry.horizon).lowercased()): \(context.statusLabel(entry.status)).")
                + (entry.overdue ? context.t(" Het is over de geplande einddatum.", " It is past its due date.") : "")
        }
        return Page(file: context.href(.item, ref), title: "\(ref) \(item.title)", section: .roadmap, lead: leadText) {
            if let description = item[.description].string, !description.isEmpty {
                el("p", [.class("description")]) { description }
            }
            context.facts([
                (context.t("Eigenaar", "Owner"), item[.owner].string.map { .text($0) }),
                (context.t("Team", "Team"), item[.team].string.map { .text($0) }),
                (context.t("Horizon", "Horizon"), .group([
                    .text(context.horizonLabel(entry.horizon)), .text(" · "),
                    link("roadmap.html#\(RoadmapPages.horizonAnchor(entry.horizon))") { context.t("naar de roadmap", "to the roadmap") },
                ])),
                (context.t("Status", "Status"), statusBadge(entry, status: entry.status, context)),
                (context.t("Start", "Start"), item[.startDate].string.map { .text(context.date($0)) }),
                (context.t("Gepland klaar", "Due"), item[.dueDate].string.map { .text(context.date($0)) }),
                (context.t("Klaar op", "Done on"), item[.doneDate].string.map { .text(context.date($0)) }),
                (context.t("Prioriteit", "Priority"), entry.opportunities.isEmpty ? nil
                    : .text(context.t("score \(OpportunityPages.score(entry.priority, context)), de hoogste van de kansen hieronder",
                                      "score \(OpportunityPages.score(entry.priority, context)), the best of the opportunities below"))),
            ])
            origin(context, index, entry)
            metrics(context, index, entry)
            contactEffects(context, ref)
            dependencies(context, index, ref)
            agreements(context, index, ref)
        }
    }

    static func origin(_ context: PageContext, _ index: Index, _ entry: RoadmapEntry) -> Node {
        context.section(context.t("Waarom dit item er is", "Why this item exists"), id: "herkomst") {
            el("h3") { context.t("Verbeterkansen", "Opportunities") }
            if entry.opportunities.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Dit item is nog niet gekoppeld aan een verbeterkans.", "This item is not yet linked to an opportunity.")
                }
            } else {
                context.table(caption: context.t("De verbeterkansen die dit item dient", "The opportunities this item serves"),
                              headers: [context.t("Verbeterkans", "Opportunity"), context.t("Rang", "Rank"), context.t("Score", "Score")],
                              numeric: [1, 2],
                              rows: entry.opportunities.map { ref in
                                  let ranked = index.ranked[ref]
                                  return [context.recordLink(.opportunity, ref),
                                          .text(ranked.map { "\($0.rank)" } ?? "–"),
                                          .text(ranked.map { OpportunityPages.score($0.score, context) } ?? "–")]
                              })
            }
            el("h3") { context.t("Bevindingen erachter", "Findings behind them") }
            if entry.findings.isEmpty {
                el("p", [.class("none")]) { context.t("Er zijn geen bevindingen gekoppeld.", "No findings are linked.") }
            } else {
                el("ul", [.class("records")]) {
                    entry.findings.map { ref in
                        el("li") {
                            context.recordLink(.finding, ref)
                            let finding = context.data.record(.finding, ref)
                            if let severity = finding?[.severity].int {
                                " "
                                context.badge(context.severityLabel(severity),
                                              tone: OpportunityPages.severityTone(severity, kind: finding?[.kind].string))
                            }
                        }
                    }
                }
            }
        }
    }

    static func metrics(_ context: PageContext, _ index: Index, _ entry: RoadmapEntry) -> Node {
        let data = context.data
        let ref = entry.item.ref
        let effects = index.effects[ref] ?? []
        return context.section(context.t("Wat het moet opleveren", "What it should achieve"), id: "meeteenheden") {
            if entry.metrics.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Dit item noemt nog geen meeteenheid waarop het effect moet hebben.",
                              "This item names no metric it should have an effect on yet.")
                }
            } else {
                entry.metrics.map { slug, expected in
                    let metric = data.record(.metric, slug)
                    let mine = effects.filter { $0.effect.metric == slug }
                    let doneIn = Set(mine.map(\.cycle))
                    return Node.group([
                        el("h3", [.id("effect-\(slug)")]) { context.recordLink(.metric, slug, showRef: false) },
                        el("p") {
                            context.t("Verwachte verandering: ", "Expected change: ")
                            el("strong") { expected.map { context.change($0, of: metric) } ?? context.t("niet opgegeven", "not given") }
                            "."
                            if let baseline = metric?[.baseline].double {
                                context.t(" Nulmeting \(context.value(baseline, of: metric))", " Baseline \(context.value(baseline, of: metric))")
                                metric?[.target].double.map { context.t(", doel \(context.value($0, of: metric))", ", target \(context.value($0, of: metric))") } ?? ""
                                "."
                            }
                        },
                        effectSentences(context, entry, mine, metric: metric),
                        measuredTable(context, index, entry, slug: slug, metric: metric, doneIn: doneIn),
                    ])
                }
            }
        }
    }

    static func effectSentences(_ context: PageContext, _ entry: RoadmapEntry,
                                _ effects: [(cycle: Int, effect: ItemEffect)], metric: Record?) -> Node {
        let cycles = context.data.cycles
        if effects.isEmpty {
            guard entry.status == "done" else {
                return el("p") {
                    context.t("Het effect wordt gemeten in de cyclus waarin dit item klaar is.",
                              "The effect is measured in the cycle in which this item is done.")
                }
            }
            return el("p") {
                context.t("Dit item is klaar, maar de datum valt in geen enkele cyclus. Daarom is er geen effect gemeten.",
                          "This item is done, but its date falls in no cycle, so no effect was measured.")
            }
        }
        return el("ul", [.class("effects")]) {
            effects.map { position, effect in
                el("li") {
                    context.t("Klaar in ", "Done in ")
                    position < cycles.count ? context.recordLink(.cycle, cycles[position].ref) : Node.text("–")
                    context.t(". Verwacht ", ". Expected ")
                    effect.expected.map { context.change($0, of: metric) } ?? "–"
                    context.t(", gezien ", ", observed ")
                    effect.observed.map { context.change($0, of: metric) } ?? "–"
                    ": "
                    el("strong") { effectVerdict(expected: effect.expected, observed: effect.observed, context) }
                    "."
                }
            }
        }
    }

    static func measuredTable(_ context: PageContext, _ index: Index, _ entry: RoadmapEntry, slug: String, metric: Record?,
                              doneIn: Set<Int>) -> Node {
        let cycles = context.data.cycles
        let ref = entry.item.ref
        var rows: [[Node]] = []
        if let baseline = metric?[.baseline].double {
            rows.append([.text(context.t("Nulmeting", "Baseline")), .text(context.value(baseline, of: metric)),
                         .text("–"), .text("–"), .text("")])
        }
        for (position, byMetric) in index.comparisons.enumerated() {
            guard let comparison = byMetric[slug], position < cycles.count else { continue }
            let measured: String
            if let current = comparison.current {
                measured = current.suppressed ? context.t("afgeschermd (te weinig antwoorden)", "suppressed (too few answers)")
                    : context.value(current.summary.mean, of: metric)
            } else {
                measured = context.t("niet gemeten", "not measured")
            }
            rows.append([
                context.recordLink(.cycle, cycles[position].ref),
                .text(measured),
                .text(comparison.change.map { context.change($0, of: metric) } ?? "–"),
                context.verdictCell(comparison),
                // The sentence above the table says what was expected and seen; the table marks the cycle.
                doneIn.contains(position) ? .text(context.t("klaar in deze cyclus", "done in this cycle")) : .text(""),
            ])
        }
        guard !rows.isEmpty else {
            return el("p", [.class("none")]) { context.t("Er is nog niets gemeten.", "Nothing has been measured yet.") }
        }
        return context.table(caption: context.t("Gemeten per cyclus", "Measured per cycle"),
                             headers: [context.t("Cyclus", "Cycle"), context.t("Gemeten", "Measured"),
                                       context.t("Verandering", "Change"), context.t("Oordeel", "Verdict"),
                                       context.t("Effect van \(ref)", "Effect of \(ref)")],
                             numeric: [1, 2], rows: rows)
    }

    static func dependencies(_ context: PageContext, _ index: Index, _ ref: String) -> Node {
        let data = context.data
        let dependsOn = data.targets(.itemDependency, from: ref)
        let neededBy = data.sources(.itemDependency, to: ref)
        func list(_ refs: [String], empty: String) -> Node {
            guard !refs.isEmpty else { return el("p", [.class("none")]) { empty } }
            return el("ul", [.class("records")]) {
                refs.map { other in
                    let entry = index.entries[other]
                    return el("li") {
                        context.recordLink(.item, other)
                        " "
                        statusBadge(entry, status: entry?.status ?? data.record(.item, other)?[.status].string ?? "", context)
                    }
                }
            }
        }
        return context.section(context.t("Afhankelijkheden", "Dependencies"), id: "afhankelijkheden") {
            el("h3") { context.t("Hangt af van", "Depends on") }
            list(dependsOn, empty: context.t("Dit item wacht op geen ander item.", "This item waits for no other item."))
            el("h3") { context.t("Nodig voor", "Needed by") }
            list(neededBy, empty: context.t("Geen ander item wacht hierop.", "No other item waits for this one."))
        }
    }

    static func agreements(_ context: PageContext, _ index: Index, _ ref: String) -> Node {
        let agreements = index.agreements[ref] ?? []
        return context.section(context.t("Werkafspraken", "Working agreements"), id: "werkafspraken") {
            if agreements.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Er zijn geen werkafspraken voor dit item.", "There are no working agreements for this item.")
                }
            } else {
                el("ul", [.class("records")]) {
                    agreements.map { agreement in
                        el("li") {
                            context.recordLink(.agreement, agreement.ref)
                            let who = agreement[.who].string ?? ""
                            let cadence = agreement[.cadence].string ?? ""
                            if !who.isEmpty || !cadence.isEmpty {
                                " (" + [who, cadence].filter { !$0.isEmpty }.joined(separator: ", ") + ")"
                            }
                        }
                    }
                }
            }
        }
    }
}
