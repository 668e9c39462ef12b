import SixSteps

/// The words for the method's values, in plain Dutch (B1) and English, used by every page.
extension PageContext {
    public func stepName(_ step: Step) -> String { language.stepName(step) }

    /// "Stap 2: Inzicht in de basics".
    public func stepTitle(_ step: Step) -> String {
        t("Stap \(step.number): ", "Step \(step.number): ") + stepName(step)
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

    public func statusLabel(_ status: String) -> String { language.statusLabel(status) }
    public func horizonLabel(_ horizon: String) -> String { language.horizonLabel(horizon) }
    public func findingKindLabel(_ kind: String) -> String { language.findingKindLabel(kind) }
    public func insightKindLabel(_ kind: String) -> String { language.insightKindLabel(kind) }
    public func verdictLabel(_ verdict: Verdict) -> String { language.verdictLabel(verdict) }
    public func noiseLabel(_ noise: NoiseVerdict) -> String { language.noiseLabel(noise) }
    public func severityLabel(_ severity: Int64) -> String { language.severityLabel(severity) }

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

    private func attentionText(_ key: String) -> (String, Kind?) { language.attentionTitle(key) }
}
