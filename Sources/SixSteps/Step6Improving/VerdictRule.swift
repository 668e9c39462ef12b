/// The one rule for what a metric's change means, used by the command line, the site and the
/// JSON alike, so that no page can say more than the numbers beside it show.
///
/// A metric improved or got worse only when its change is beyond the noise of the samples; a
/// change within the noise is no clear change; without n or spread on both sides no verdict on
/// chance is possible. The rule takes nothing but the change, its noise verdict and the metric's
/// direction, so every kind of metric (a mean score, a share, NPS) feeds it the same way.
public enum Verdict: String, Sendable, CaseIterable {
    case improved, worse
    /// The change is within the noise: it could be chance.
    case noClearChange = "no_clear_change"
    /// There is a change, but n or spread is unknown on a side, so whether it is chance cannot be told.
    case noVerdictPossible = "no_verdict_possible"
    /// Not measured in this cycle.
    case notMeasured = "not_measured"
    /// Measured, but with no earlier measurement and no baseline to compare with.
    case nothingToCompare = "nothing_to_compare"
    /// The measurement stands on fewer respondents than the privacy threshold.
    case suppressed

    /// The rule itself, for a value measured in the cycle. `change` is now minus what it is
    /// compared with; nil when there is nothing to compare with.
    public static func rule(change: Double?, noise: NoiseVerdict, higherIsBetter: Bool) -> Verdict {
        guard let change else { return .nothingToCompare }
        // No movement at all is no change, whatever the samples: nothing to test.
        if abs(change) < 1e-12 { return .noClearChange }
        switch noise {
        case .significant: return (change > 0) == higherIsBetter ? .improved : .worse
        case .withinNoise: return .noClearChange
        case .unknown: return .noVerdictPossible
        }
    }

    /// Only these two may be coloured green or red.
    public var isClear: Bool { self == .improved || self == .worse }
}

/// What a metric's value in a cycle is compared with.
public enum ComparisonBase: Sendable, Equatable {
    /// The latest earlier measurement, in the cycle named.
    case previous(cycle: String)
    /// There is no earlier measurement: the baseline.
    case baseline
    /// Nothing to compare with.
    case nothing

    public var json: JSON {
        switch self {
        case .previous(let cycle): return .object(JSONObject([("kind", .string("previous")), ("cycle", .string(cycle))]))
        case .baseline: return .object(JSONObject([("kind", .string("baseline")), ("cycle", .null)]))
        case .nothing: return .null
        }
    }
}

/// "p < 0,001", "p = 0,63": one way to write a p-value on the command line and the site. A p
/// below 0.001 is never written as 0; from 0.01 on two decimals are enough.
public func pValueText(_ p: Double, decimalComma: Bool) -> String {
    let style = decimalComma ? Language.dutchNumbers : .plain
    if p < 0.001 { return "p < " + formatNumber(0.001, decimals: 3, style: style) }
    return "p = " + formatNumber(p, decimals: p < 0.01 ? 3 : 2, style: style)
}
