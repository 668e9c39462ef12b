import SixSteps

// MARK: - Step 4: spearheads, opportunities, scoring

extension StepPages {
    static func score(_ score: Double, _ context: PageContext) -> String {
        context.number(score, decimals: context.data.scoring.method == .weighted ? 1 : 2)
    }

    static func opportunitiesPage(_ context: PageContext) -> Page {
        let data = context.data
        var bySpearhead: [String: [RankedOpportunity]] = [:]
        var loose = 0
        for opportunity in data.ranked {
            if let spearhead = reference(.spearhead, opportunity.record, .spearhead) {
                bySpearhead[spearhead, default: []].append(opportunity)
            } else {
                loose += 1
            }
        }
        let spearheads = data.records(.spearhead)
        let top = data.ranked.prefix(10)
        return Page(file: Section.opportunities.file, title: title(context, .opportunities), section: .opportunities,
                    lead: context.t("In deze stap kiest het team wat het eerst aanpakt. Uit de bevindingen komen verbeterkansen. "
                                    + "Elke kans krijgt een score. Speerpunten bundelen de kansen die er het meest toe doen.",
                                    "In this step the team chooses what to tackle first. The findings lead to opportunities. "
                                    + "Each opportunity gets a score. Spearheads group the opportunities that matter most.")) {
            context.section(context.t("Speerpunten", "Spearheads"), id: "speerpunten") {
                if spearheads.isEmpty {
                    el("p", [.class("none")]) { context.t("Nog geen speerpunten gekozen.", "No spearheads chosen yet.") }
                } else {
                    el("ul", [.class("cards step-cards")]) {
                        spearheads.map { spearhead in
                            let opportunities = bySpearhead[spearhead.ref] ?? []
                            return el("li", [.class("card"), .id(context.anchor(.spearhead, spearhead.ref))]) {
                                el("h3") {
                                    el("span", [.class("ref")]) { spearhead.ref }
                                    spearhead.title
                                }
                                paragraphs(spearhead[.description].string ?? "")
                                if opportunities.isEmpty {
                                    el("p", [.class("none")]) {
                                        context.t("Nog geen verbeterkansen bij dit speerpunt.", "No opportunities under this spearhead yet.")
                                    }
                                } else {
                                    el("ul", [.class("records")]) {
                                        opportunities.prefix(10).map { opportunity in
                                            el("li") {
                                                context.recordLink(.opportunity, opportunity.ref)
                                                el("span", [.class("step-meta")]) {
                                                    context.t(" – score \(score(opportunity.score, context)), plaats \(opportunity.rank)",
                                                              " – score \(score(opportunity.score, context)), rank \(opportunity.rank)")
                                                }
                                            }
                                        }
                                    }
                                    // A hub page shows the best ten; the full list is on verbeterkansen.html.
                                    if opportunities.count > 10 {
                                        el("p", [.class("step-meta")]) {
                                            context.t("En \(opportunities.count - 10) andere verbeterkansen bij dit speerpunt.",
                                                      "And \(opportunities.count - 10) more opportunities under this spearhead.")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                if loose > 0 {
                    el("p") {
                        loose == 1
                            ? context.t("1 verbeterkans hoort (nog) bij geen speerpunt.", "1 opportunity belongs to no spearhead (yet).")
                            : context.t("\(loose) verbeterkansen horen (nog) bij geen speerpunt.", "\(loose) opportunities belong to no spearhead (yet).")
                    }
                }
            }
            context.section(context.t("De beste verbeterkansen", "The best opportunities"), id: "beste") {
                if top.isEmpty {
                    el("p", [.class("none")]) { context.t("Nog geen verbeterkansen.", "No opportunities yet.") }
                } else {
                    context.table(caption: context.t("De \(top.count) verbeterkansen met de hoogste score", "The \(top.count) opportunities with the highest score"),
                                  headers: [context.t("Plaats", "Rank"), context.t("Verbeterkans", "Opportunity"), context.t("Score", "Score"),
                                            context.t("Impact", "Impact"), context.t("Moeite", "Effort"), context.t("Speerpunt", "Spearhead")],
                                  numeric: [0, 2, 3, 4],
                                  rows: top.map { opportunity in
                                      let spearhead = reference(.spearhead, opportunity.record, .spearhead)
                                      return [.text("\(opportunity.rank)"),
                                              context.recordLink(.opportunity, opportunity.ref),
                                              .text(score(opportunity.score, context)),
                                              .text("\(opportunity.record[.impact].int ?? 0)"),
                                              .text("\(opportunity.record[.effort].int ?? 0)"),
                                              spearhead.map { context.recordLink(.spearhead, $0) } ?? .text("–")]
                                  })
                }
                if !top.isEmpty {
                    onward("verbeterkansen.html", context.t("Alle verbeterkansen en de keuzematrix (effect tegen moeite)",
                                                            "All opportunities and the prioritisation matrix (impact against effort)"))
                }
            }
            scoring(context)
        }
    }

    static func weightedFormula(_ context: PageContext, _ weights: ScoreWeights, _ total: Double) -> String {
        let parts: [(Double, String)] = [
            (weights.impact, context.t("effect", "impact")), (weights.reach, context.t("bereik", "reach")),
            (weights.confidence, context.t("zekerheid", "confidence")), (weights.ease, context.t("gemak", "ease")),
            (weights.severity, context.t("ernst", "severity")), (weights.spearhead, context.t("speerpunt", "spearhead")),
        ]
        let sum = parts.filter { $0.0 != 0 }.map { "\(context.number($0.0))·\($0.1)" }.joined(separator: " + ")
        return "score = 100 × (\(sum)) ÷ \(context.number(total))"
    }

    static func scoring(_ context: PageContext) -> Node {
        let model = context.data.scoring
        let weights = model.weights
        let total = weights.total
        let parts: [(String, Double)] = [
            (context.t("Impact: hoeveel beter het wordt voor inwoners", "Impact: how much better it gets for residents"), weights.impact),
            (context.t("Bereik: hoeveel inwoners het raakt", "Reach: how many residents it touches"), weights.reach),
            (context.t("Zekerheid: hoe zeker het team is van impact en moeite", "Confidence: how sure the team is of impact and effort"), weights.confidence),
            (context.t("Gemak: hoe minder moeite, hoe meer punten", "Ease: the less effort, the more points"), weights.ease),
            (context.t("Ernst: hoe zwaar de zwaarste bevinding is", "Severity: how severe the worst finding is"), weights.severity),
            (context.t("Speerpunt: of de kans bij een speerpunt hoort", "Spearhead: whether it belongs to a spearhead"), weights.spearhead),
        ]
        let counted = parts.filter { $0.1 != 0 }.count
        return context.section(context.t("Hoe de score werkt", "How the score works"), id: "score") {
            switch model.method {
            case .weighted:
                el("p") {
                    context.t("De score loopt van 0 tot 100. \(counted) dingen tellen mee. Hoe groter het gewicht, hoe zwaarder het telt:",
                              "The score runs from 0 to 100. \(counted) things count. The bigger the weight, the more it counts:")
                }
                el("ul", [.class("step-weights")]) {
                    parts.map { label, weight in
                        el("li") {
                            label
                            el("span", [.class("step-meta")]) {
                                weight == 0 ? context.t(" – telt niet mee", " – does not count")
                                    : context.t(" – gewicht \(context.number(weight)) (tot \(context.number(total > 0 ? 100 * weight / total : 0)) punten)",
                                                " – weight \(context.number(weight)) (up to \(context.number(total > 0 ? 100 * weight / total : 0)) points)")
                            }
                        }
                    }
                }
                el("p") {
                    context.t("Bij een gelijke score gaat de oudste verbeterkans voor.", "With equal scores the oldest opportunity goes first.")
                }
            case .rice:
                el("p") {
                    context.t("Score = bereik × effect × zekerheid ÷ moeite. Veel bereik, veel effect en veel zekerheid geven een hoge score. "
                              + "Veel moeite maakt de score lager.",
                              "Score = reach × impact × confidence ÷ effort. Wide reach, big impact and high confidence give a high score. "
                              + "Much effort makes the score lower.")
                }
            case .valueEffort:
                el("p") {
                    context.t("Score = effect ÷ moeite. Veel effect voor weinig moeite geeft de hoogste score.",
                              "Score = impact ÷ effort. Much impact for little effort gives the highest score.")
                }
            }
            if model.method == .weighted {
                el("p", [.class("step-meta")]) {
                    context.t("Als formule, met elk onderdeel tussen 0 en 1: ", "As a formula, with each part between 0 and 1: ")
                    el("code") { weightedFormula(context, weights, total) }
                }
            }
        }
    }
}
