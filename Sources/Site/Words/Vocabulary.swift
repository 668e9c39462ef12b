import SixSteps

/// The words for the method's values, in plain Dutch (B1) and English, used by every page.
extension PageContext {
    public func stepName(_ number: Int) -> String {
        let names = [
            (t("Visie aanscherpen", "Sharpen the vision")),
            (t("Inzicht in de basis", "Know the basics")),
            (t("Inzicht verdiepen", "Deepen the insight")),
            (t("Verbeterkansen en speerpunten", "Opportunities and spearheads")),
            (t("Roadmap en werkafspraken", "Roadmap and working agreements")),
            (t("Doorlopend verbeteren", "Keep improving")),
        ]
        return (1...6).contains(number) ? names[number - 1] : ""
    }

    /// "1 klantreis", "3 klantreizen".
    public func count(_ n: Int, _ dutchOne: String, _ dutchMany: String, _ englishOne: String, _ englishMany: String) -> String {
        "\(n) " + (n == 1 ? t(dutchOne, englishOne) : t(dutchMany, englishMany))
    }

    /// "71%", "11,4 dagen", "6,9": a value the way its metric's unit is spoken; grades and scores
    /// need no unit.
    public func value(_ value: Double, unit: String?, decimals: Int = 2, fixed: Bool = false) -> String {
        let text = number(value, decimals: decimals, fixed: fixed)
        switch (unit ?? "").lowercased() {
        case "%": return text + "%"
        case "", "cijfer", "grade", "score", "punten", "points": return text
        default: return text + " " + (unit ?? "")
        }
    }

    /// "+20 procentpunt", "−3 dagen", "+0,5": a change the way its metric's unit is spoken.
    public func change(_ change: Double, unit: String?, decimals: Int = 2, fixed: Bool = false) -> String {
        let text = number(change, decimals: decimals, signed: true, fixed: fixed)
        switch (unit ?? "").lowercased() {
        case "%": return text + t(" procentpunt", " percentage points")
        case "", "cijfer", "grade", "score", "punten", "points": return text
        default: return text + " " + (unit ?? "")
        }
    }

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

    /// Green or red only for a change beyond the noise (`Verdict.isClear`); every other verdict
    /// is grey.
    public func verdictBadge(_ verdict: Verdict) -> Node {
        let tone: String
        switch verdict {
        case .improved: tone = "improved"
        case .worse: tone = "worse"
        case .suppressed: tone = "suppressed"
        default: tone = "neutral"
        }
        return badge(verdictLabel(verdict), tone: tone)
    }

    public func noiseLabel(_ noise: NoiseVerdict) -> String {
        switch noise {
        case .significant(let p):
            let shown = pValueText(p, decimalComma: language == .nl)
            return t("groter dan toeval (\(shown))", "larger than chance (\(shown))")
        case .withinNoise(let p):
            let shown = pValueText(p, decimalComma: language == .nl)
            return t("kan toeval zijn (\(shown))", "could be chance (\(shown))")
        case .unknown:
            return t("niet te zeggen: aantal of spreiding onbekend", "cannot tell: sample size or spread unknown")
        }
    }

    public func severityLabel(_ severity: Int64) -> String {
        t("ernst \(severity) van 5", "severity \(severity) of 5")
    }

    /// What needs attention, in words for the team, each record a link.
    public func attention(_ items: [StatusReport.Attention]) -> Node {
        guard !items.isEmpty else { return el("p") { t("Niets vraagt nu om aandacht.", "Nothing needs attention now.") } }
        return el("ul", [.class("attention")]) {
            items.map { item in
                let (text, kind) = attentionText(item.key)
                return el("li") {
                    el("strong") { text }
                    ": "
                    Node.group(item.records.prefix(20).enumerated().map { index, ref in
                        Node.group([index > 0 ? .text(", ") : .empty, kind.map { recordLink($0, ref, showRef: true) } ?? .text(ref)])
                    })
                    item.records.count > 20 ? Node.text(t(" en \(item.records.count - 20) meer", " and \(item.records.count - 20) more")) : .empty
                }
            }
        }
    }

    private func attentionText(_ key: String) -> (String, Kind?) {
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
}
