/// The one glossary of the method's words, in plain Dutch (B1) and English, read by the site and
/// the command line alike, so a "verbeterkans" on a page is a "verbeterkans" in the terminal.
extension Language {
    public func stepName(_ step: Step) -> String { t(step.dutchName, step.englishName) }

    /// "bevinding", "roadmap item".
    public func noun(_ kind: Kind) -> String {
        switch kind {
        case .principle: return t("principe", "principle")
        case .goal: return t("doel", "goal")
        case .channel: return t("kanaal", "channel")
        case .persona: return t("persona", "persona")
        case .journey: return t("klantreis", "journey")
        case .touchpoint: return t("contactmoment", "touchpoint")
        case .metric: return t("meeteenheid", "metric")
        case .insight: return t("inzicht", "insight")
        case .finding: return t("bevinding", "finding")
        case .spearhead: return t("speerpunt", "spearhead")
        case .opportunity: return t("verbeterkans", "opportunity")
        case .item: return t("roadmap-item", "roadmap item")
        case .agreement: return t("werkafspraak", "working agreement")
        case .cycle: return t("cyclus", "cycle")
        case .measurement: return t("meting", "measurement")
        case .assumption: return t("aanname", "assumption")
        }
    }

    /// "bevindingen", "roadmap items".
    public func plural(_ kind: Kind) -> String {
        switch kind {
        case .principle: return t("principes", "principles")
        case .goal: return t("doelen", "goals")
        case .channel: return t("kanalen", "channels")
        case .persona: return t("persona's", "personas")
        case .journey: return t("klantreizen", "journeys")
        case .touchpoint: return t("contactmomenten", "touchpoints")
        case .metric: return t("meeteenheden", "metrics")
        case .insight: return t("inzichten", "insights")
        case .finding: return t("bevindingen", "findings")
        case .spearhead: return t("speerpunten", "spearheads")
        case .opportunity: return t("verbeterkansen", "opportunities")
        case .item: return t("roadmap-items", "roadmap items")
        case .agreement: return t("werkafspraken", "working agreements")
        case .cycle: return t("cycli", "cycles")
        case .measurement: return t("metingen", "measurements")
        case .assumption: return t("aannames", "assumptions")
        }
    }

    /// "een verbeterkans", "an opportunity".
    public func aNoun(_ kind: Kind) -> String {
        let word = noun(kind)
        guard self == .en else { return "een " + word }
        return ("aeiou".contains(word.first ?? "x") ? "an " : "a ") + word
    }

    /// "1 bevinding", "3 bevindingen".
    public func count(_ n: Int, _ kind: Kind) -> String { "\(n) " + (n == 1 ? noun(kind) : plural(kind)) }

    public func statusLabel(_ status: String) -> String {
        switch status {
        case "idea": return t("idee", "idea")
        case "planned": return t("gepland", "planned")
        case "doing": return t("bezig", "in progress")
        case "done": return t("klaar", "done")
        case "dropped": return t("geschrapt", "dropped")
        default: return status
        }
    }

    public func horizonLabel(_ horizon: String) -> String {
        switch horizon {
        case "now": return t("Nu", "Now")
        case "next": return t("Hierna", "Next")
        case "later": return t("Later", "Later")
        default: return horizon
        }
    }

    public func findingKindLabel(_ kind: String) -> String {
        kind == "good" ? t("gaat goed", "goes well") : t("moet beter", "must improve")
    }

    public func insightKindLabel(_ kind: String) -> String {
        switch kind {
        case "trend": return t("trend", "trend")
        case "need": return t("behoefte", "need")
        case "wish": return t("wens", "wish")
        case "requirement": return t("eis", "requirement")
        case "usage": return t("kanaalgebruik", "channel usage")
        default: return kind
        }
    }

    public func verdictLabel(_ verdict: Verdict) -> String {
        switch verdict {
        case .improved: return t("verbeterd", "improved")
        case .worse: return t("verslechterd", "worse")
        case .noClearChange: return t("geen duidelijke verandering", "no clear change")
        case .noVerdictPossible: return t("geen oordeel mogelijk", "no verdict possible")
        case .notMeasured: return t("niet gemeten", "not measured")
        case .nothingToCompare: return t("niets om mee te vergelijken", "nothing to compare with")
        case .suppressed: return t("afgeschermd", "suppressed")
        }
    }

    public func assumptionVerdictLabel(_ verdict: AssumptionVerdict) -> String {
        switch verdict {
        case .confirmed: return t("klopt", "confirmed")
        case .refuted: return t("klopt niet", "refuted")
        case .notTestable: return t("nog niet te toetsen", "not testable yet")
        }
    }

    public func noiseLabel(_ noise: NoiseVerdict) -> String {
        switch noise {
        case .significant(let p):
            let shown = pValueText(p, decimalComma: self == .nl)
            return t("groter dan toeval (\(shown))", "larger than chance (\(shown))")
        case .withinNoise(let p):
            let shown = pValueText(p, decimalComma: self == .nl)
            return t("kan toeval zijn (\(shown))", "could be chance (\(shown))")
        case .unknown:
            return t("niet te zeggen: aantal of spreiding onbekend", "cannot tell: sample size or spread unknown")
        }
    }

    public func severityLabel(_ severity: Int64) -> String {
        t("ernst \(severity) van 5", "severity \(severity) of 5")
    }

    /// "gemiddelde", "% op tijd": how a metric's kind is read.
    public func metricKindLabel(_ kind: MetricKind) -> String {
        switch kind {
        case .mean, .ces: return t("gemiddelde", "mean")
        case .nps: return "NPS"
        case .csat: return t("% top-2-box", "% top-2-box")
        case .fcr: return t("% opgelost bij eerste contact", "% resolved at first contact")
        case .onTime: return t("% op tijd", "% on time")
        case .leadTime: return t("mediane doorlooptijd in dagen", "median lead time in days")
        }
    }

    /// The heading of a group of records that need attention, and the kind of its records.
    public func attentionTitle(_ key: String) -> (String, Kind?) {
        switch key {
        case "findings_without_opportunity": return (t("Bevindingen zonder verbeterkans", "Findings without an opportunity"), .finding)
        case "opportunities_without_item": return (t("Verbeterkansen zonder roadmap-item", "Opportunities without a roadmap item"), .opportunity)
        case "items_without_metric": return (t("Roadmap-items zonder meeteenheid", "Roadmap items without a metric"), .item)
        case "overdue_items": return (t("Roadmap-items over hun einddatum", "Roadmap items past their due date"), .item)
        case "metrics_without_baseline": return (t("Meeteenheden zonder nulmeting", "Metrics without a baseline"), .metric)
        case "refuted_assumptions": return (t("Aannames die niet kloppen", "Assumptions that are wrong"), .assumption)
        case "metrics_not_remeasured": return (t("Nog niet gemeten in de lopende cyclus", "Not yet measured in the open cycle"), .metric)
        case "cycle_past_end": return (t("Cyclus voorbij de einddatum", "Cycle past its end date"), .cycle)
        case "metrics_moving_away": return (t("Meeteenheden die verder van hun doel raken", "Metrics moving away from their target"), .metric)
        case "items_without_measured_effect": return (t("Afgeronde items zonder gemeten effect", "Done items without a measured effect"), .item)
        default: return (key, nil)
        }
    }

    /// What to do about a group of records that need attention, with the command that does it.
    public func attentionAdvice(_ key: String) -> String {
        switch key {
        case "findings_without_opportunity": return t("koppel ze met 'opportunity link'", "link them with 'opportunity link'")
        case "opportunities_without_item": return t("plan ze met 'item link'", "plan them with 'item link'")
        case "items_without_metric":
            return t("zeg wat ze moeten verbeteren met 'item link --metric'", "say what they should move with 'item link --metric'")
        case "overdue_items": return t("rond ze af of verschuif de datum", "finish them or move the date")
        case "metrics_without_baseline":
            return t("meet het beginpunt met 'metric edit --baseline'", "measure the starting point with 'metric edit --baseline'")
        case "refuted_assumptions":
            return t("denk ze opnieuw door, met de plannen die erop rusten ('assumption show')",
                     "rethink them and the plans that rest on them ('assumption show')")
        case "metrics_not_remeasured": return t("meet ze met 'measure' of 'survey import'", "measure them with 'measure' or 'survey import'")
        case "cycle_past_end": return t("sluit de cyclus met 'cycle close'", "close it with 'cycle close'")
        case "metrics_moving_away": return t("kijk welke items ze moeten verbeteren", "look at the items that should move them")
        case "items_without_measured_effect": return t("meet hun meeteenheden opnieuw", "measure their metrics again")
        default: return ""
        }
    }

    /// How far one link of the chain is closed: "bevindingen om te verbeteren" → "een verbeterkans".
    public func chainLink(_ key: String) -> (records: String, linkedTo: String) {
        switch key {
        case "findings_with_opportunity": return (t("bevindingen om te verbeteren", "findings to improve"), t("een verbeterkans", "an opportunity"))
        case "opportunities_with_item": return (t("verbeterkansen", "opportunities"), t("een roadmap-item", "a roadmap item"))
        case "items_with_metric": return (t("roadmap-items", "roadmap items"), t("een meeteenheid", "a metric"))
        default: return (key, "")
        }
    }
}

extension Language {
    /// What a step holds, in this language: "visie staat, 3 principes, 2 doelen".
    public func holds(_ step: StatusReport.StepProgress) -> String {
        guard self == .nl else { return step.holds }
        let vision = step.visionSet.map { ($0 ? "visie staat" : "nog geen visie") + ", " } ?? ""
        return vision + step.tally.map { tally in
            let words = Self.tallyWords[tally.what] ?? (tally.what, tally.what)
            return "\(tally.count) " + (tally.count == 1 ? words.0 : words.1)
        }.joined(separator: ", ")
    }

    private static let tallyWords: [String: (String, String)] = [
        "principles": ("principe", "principes"), "goals": ("doel", "doelen"), "assumptions": ("aanname", "aannames"),
        "insights": ("inzicht", "inzichten"), "metrics": ("meeteenheid", "meeteenheden"),
        "with a baseline": ("met nulmeting", "met nulmeting"), "journeys": ("klantreis", "klantreizen"),
        "findings": ("bevinding", "bevindingen"), "to improve": ("om te verbeteren", "om te verbeteren"),
        "opportunity": ("verbeterkans", "verbeterkansen"), "opportunities": ("verbeterkans", "verbeterkansen"),
        "spearheads": ("speerpunt", "speerpunten"), "roadmap items": ("roadmap-item", "roadmap-items"),
        "done": ("klaar", "klaar"), "agreements": ("werkafspraak", "werkafspraken"), "cycles": ("cyclus", "cycli"),
        "measurements": ("meting", "metingen"),
    ]
}

extension Language {
    /// The heading of a section of a record's chain (`Trace.Section.key`), for a record of `kind`.
    public func traceTitle(_ key: String, of kind: Kind) -> String {
        switch (key, kind) {
        case ("opportunities", .finding): return t("Leidde tot verbeterkansen", "Led to opportunities")
        case ("opportunities", .item): return t("Verbeterkansen die het dient", "Opportunities it serves")
        case ("opportunities", _): return t("Verbeterkansen", "Opportunities")
        case ("items", .metric): return t("Roadmap-items die haar moeten verbeteren", "Roadmap items expected to move it")
        case ("items", _): return t("Roadmap-items", "Roadmap items")
        case ("metrics", .item): return t("Meeteenheden die het moet verbeteren", "Metrics it should move")
        case ("metrics", .journey): return t("Meeteenheden", "Metrics")
        case ("metrics", _): return t("Meeteenheden die ze moeten verbeteren", "Metrics they should move")
        case ("rank", _): return t("Plaats", "Rank")
        case ("findings", .opportunity): return t("Gebaseerd op bevindingen", "Based on findings")
        case ("findings", .item), ("findings", .metric): return t("Bevindingen erachter", "Findings behind it")
        case ("findings", _): return t("Bevindingen", "Findings")
        case ("insights", _): return t("Inzichten", "Insights")
        case ("in_spearhead", _): return t("Speerpunt", "Spearhead")
        case ("depends_on", _): return t("Wacht op", "Depends on")
        case ("needed_by", _): return t("Nodig voor", "Needed by")
        case ("agreements", _): return t("Werkafspraken", "Working agreements")
        case ("goals", _): return t("Doelen", "Goals")
        case ("phases", _): return t("Fasen", "Phases")
        case ("touchpoints", _): return t("Contactmomenten", "Touchpoints")
        default: return key
        }
    }
}

extension Language {
    /// The inputs of an opportunity's score in Dutch, by the domain's English names.
    static let dutchScoreInputs: [(english: String, dutch: String)] = [
        ("impact", "impact"), ("reach", "bereik"), ("confidence", "zekerheid"), ("ease", "gemak"), ("severity", "ernst"),
        ("spearhead", "speerpunt"), ("effort", "moeite"),
    ]

    /// An input of an opportunity's score: "bereik" for reach.
    public func scoreInput(_ name: String) -> String {
        guard self == .nl else { return name }
        return Self.dutchScoreInputs.first { $0.english == name }?.dutch ?? name
    }

    /// A formula of the domain ("3·impact + 2·reach") with its input names and numbers in this language.
    public func scoreFormula(_ formula: String) -> String {
        guard self == .nl else { return formula }
        return Self.dutchScoreInputs.reduce(formula.replacingAll(".", with: ",")) { $0.replacingAll($1.english, with: $1.dutch) }
    }
}

extension Language {
    /// A case type's term as a person says it: "8 weken" for P8W; other durations as written.
    public func caseTerm(_ term: String?) -> String {
        guard let term, let duration = ISODuration(term) else { return t("geen", "none") }
        if duration.years == 0, duration.months == 0, duration.days == 0, duration.weeks > 0 {
            return "\(duration.weeks) " + t(duration.weeks == 1 ? "week" : "weken", duration.weeks == 1 ? "week" : "weeks")
        }
        return term
    }

    /// A step's or a lead time's unit: "werkdagen" or "dagen".
    public func dayUnit(working: Bool) -> String {
        working ? t("werkdagen", "working days") : t("dagen", "days")
    }
}

extension Language {
    /// Where a measurement came from, as the tool stored it ("survey: mei.csv", "cases: case type
    /// ZT-OMV"), with the tool's own words in this language; what a person typed stays as it is.
    public func measurementSource(_ stored: String) -> String {
        guard self == .nl else { return stored }
        for (english, dutch) in [("survey: ", "enquête: "), ("contacts: ", "contacten: "), ("cases: case type ", "zaken: zaaktype "),
                                 ("cases: ", "zaken: ")] where stored.hasPrefix(english) {
            return dutch + stored.dropFirst(english.count)
        }
        return stored
    }
}
