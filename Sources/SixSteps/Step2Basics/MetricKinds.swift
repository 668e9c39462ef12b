#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a metric's value is computed from raw answers, and so which interval and which test for
/// noise fit it. A mean score is a mean; an NPS and a share are not, and get their own.
///
/// Every kind is computed the same way: each answer is recoded to one respondent's contribution
/// (a score stays a score; for NPS a promoter counts +100, a passive 0, a detractor −100; for a
/// share a yes counts 100 and a no 0), and the value is the mean of those. So the value, n and
/// the spread of the contributions are what a measurement stores, whatever the kind.
public enum MetricKind: String, CaseIterable, Sendable {
    /// The mean of a score (rapportcijfer 1–10, 1–5 …).
    case mean
    /// Net Promoter Score: % promoters (9–10) minus % detractors (0–6) on a 0–10 scale; −100…100.
    case nps
    /// Customer satisfaction as a top-2-box share: % of answers in the scale's two highest values.
    case csat
    /// Customer Effort Score: the mean answer to "how easy was it" (e.g. 1–7).
    case ces
    /// First contact resolution: % of contacts resolved at the first contact (yes/no answers).
    case fcr
    /// % of cases done within their deadline (yes/no answers).
    case onTime = "on-time"
    /// The median lead time of cases in days, computed from the case system.
    case leadTime = "lead-time"

    public static let names = allCases.map(\.rawValue)

    /// A share of yes answers (or top-2-box answers), in percent.
    public var isShare: Bool { self == .csat || self == .fcr || self == .onTime }
    /// Answers are yes or no rather than numbers.
    public var isYesNo: Bool { self == .fcr || self == .onTime }
    /// What a value of this kind is, for people.
    public var unitDescription: String {
        switch self {
        case .mean, .ces: return "mean"
        case .nps: return "NPS"
        case .csat: return "% top-2-box"
        case .fcr: return "% resolved at first contact"
        case .onTime: return "% on time"
        case .leadTime: return "median days"
        }
    }

    /// The range answers must lie in when the metric sets no scale of its own.
    var defaultScale: ClosedRange<Double>? {
        switch self {
        case .nps: return 0...10
        case .fcr, .onTime: return 0...1
        default: return nil
        }
    }

    /// One answer's contribution to the value. `scaleMax` is the metric's highest answer (for
    /// top-2-box: the two highest whole values count, e.g. 4 and 5 on 1–5, 9 and 10 on 1–10).
    public func contribution(_ answer: Double, scaleMax: Double?) -> Double {
        switch self {
        case .mean, .ces, .leadTime: return answer
        case .nps: return answer >= 9 ? 100 : answer <= 6 ? -100 : 0
        case .csat: return answer >= (scaleMax ?? 5) - 1 ? 100 : 0
        case .fcr, .onTime: return answer >= 1 ? 100 : 0
        }
    }

    /// Value, n and the spread of the contributions, from raw answers.
    public func summary(_ answers: [Double], scaleMax: Double?) -> SampleSummary {
        if self == .mean || self == .ces { return SampleSummary(values: answers) }
        if self == .leadTime {
            let summary = SampleSummary(values: answers)
            return SampleSummary(mean: Statistics.percentile(answers.sorted(), 50) ?? .nan, n: summary.n, sd: summary.sd)
        }
        return SampleSummary(values: answers.map { contribution($0, scaleMax: scaleMax) })
    }

    /// A measurement entered by hand (value and n, no spread) as a sample: a share's spread follows
    /// from its value; an NPS's does not (it depends on the passives), so it stays unknown.
    func sample(value: Double, n: Int?, sd: Double?, unit: String?) -> SampleSummary {
        if sd == nil, let n, isShare || (self == .mean && unit == "%") { return .percentage(value, n: n) }
        return SampleSummary(mean: value, n: n, sd: sd)
    }

    /// The 95% interval of a value of this kind: Student's t for a mean; Wilson's score interval
    /// for a share (it stays within 0–100 and holds near the ends, where the normal one fails);
    /// the normal interval of a mean of −100/0/+100 contributions for an NPS, within −100…100.
    public func interval95(_ summary: SampleSummary) -> ClosedRange<Double>? {
        switch self {
        case .mean, .ces:
            return summary.confidenceInterval95
        case .leadTime:
            guard let standardError = Self.medianStandardError(summary), summary.mean.isFinite else { return nil }
            return max(0, summary.mean - Statistics.z95 * standardError)...(summary.mean + Statistics.z95 * standardError)
        case .csat, .fcr, .onTime:
            guard let n = summary.n, n >= 1, summary.mean.isFinite else { return nil }
            return Statistics.wilson95(share: summary.mean / 100, n: n).map { ($0.lowerBound * 100)...($0.upperBound * 100) }
        case .nps:
            guard let standardError = summary.standardError, summary.mean.isFinite, (summary.n ?? 0) >= 2 else { return nil }
            let half = Statistics.z95 * standardError
            return max(-100, summary.mean - half)...min(100, summary.mean + half)
        }
    }

    /// Whether the change between two samples of this kind is larger than their noise: Welch's
    /// t-test for a mean; the two-proportion z-test (pooled) for a share; for an NPS the z-test of
    /// the difference of two means of −100/0/+100 contributions, each with its own variance.
    public func noise(_ before: SampleSummary, _ after: SampleSummary, alpha: Double = 0.05) -> NoiseVerdict {
        switch self {
        case .mean, .ces:
            return Statistics.noise(before, after, alpha: alpha)
        case .leadTime:
            guard let se1 = Self.medianStandardError(before), let se2 = Self.medianStandardError(after),
                  before.mean.isFinite, after.mean.isFinite else { return .unknown }
            let se = (se1 * se1 + se2 * se2).squareRoot()
            guard se > 0 else { return before.mean == after.mean ? .withinNoise(p: 1) : .significant(p: 0) }
            let p = Statistics.normalTwoSidedP(z: (after.mean - before.mean) / se)
            return p < alpha ? .significant(p: p) : .withinNoise(p: p)
        case .csat, .fcr, .onTime:
            guard let n1 = before.n, let n2 = after.n,
                  let p = Statistics.twoProportionP(before.mean / 100, n1, after.mean / 100, n2) else { return .unknown }
            return p < alpha ? .significant(p: p) : .withinNoise(p: p)
        case .nps:
            guard let se1 = before.standardError, let se2 = after.standardError, (before.n ?? 0) >= 2, (after.n ?? 0) >= 2,
                  before.mean.isFinite, after.mean.isFinite else { return .unknown }
            let se = (se1 * se1 + se2 * se2).squareRoot()
            guard se > 0 else { return before.mean == after.mean ? .withinNoise(p: 1) : .significant(p: 0) }
            let p = Statistics.normalTwoSidedP(z: (after.mean - before.mean) / se)
            return p < alpha ? .significant(p: p) : .withinNoise(p: p)
        }
    }
}

extension MetricKind {
    /// The large-sample standard error of a median, √(π/2)·sd/√n: exact for normal data, an
    /// approximation for skewed lead times, which is why the process view tests lead times on
    /// the cases themselves (Mann–Whitney) and the metric only on its stored n and spread.
    static func medianStandardError(_ summary: SampleSummary) -> Double? {
        guard let n = summary.n, n >= 2, let standardError = summary.standardError else { return nil }
        return (Double.pi / 2).squareRoot() * standardError
    }
}

extension Statistics {
    /// The normal quantile of a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    /// Two-sided p of a standard normal z.
    public static func normalTwoSidedP(z: Double) -> Double {
        z.isNaN ? .nan : erfc(abs(z) / 2.0.squareRoot())
    }

    /// Wilson's 95% score interval of a share (0…1) of n; nil for n < 1 or a share outside 0…1.
    public static func wilson95(share: Double, n: Int) -> ClosedRange<Double>? {
        guard n >= 1, share.isFinite, (0...1).contains(share) else { return nil }
        let count = Double(n)
        let z2 = z95 * z95
        let centre = (share + z2 / (2 * count)) / (1 + z2 / count)
        let half = z95 * (share * (1 - share) / count + z2 / (4 * count * count)).squareRoot() / (1 + z2 / count)
        return max(0, centre - half)...min(1, centre + half)
    }

    /// Two-sided p of the pooled two-proportion z-test of shares p1 of n1 and p2 of n2 (0…1).
    /// Nil when a side has no observations or a share outside 0…1. Both shares 0 or both 1: no
    /// difference at all, p = 1.
    public static func twoProportionP(_ p1: Double, _ n1: Int, _ p2: Double, _ n2: Int) -> Double? {
        guard n1 >= 1, n2 >= 1, p1.isFinite, p2.isFinite, (0...1).contains(p1), (0...1).contains(p2) else { return nil }
        let (a, b) = (Double(n1), Double(n2))
        let pooled = (p1 * a + p2 * b) / (a + b)
        let variance = pooled * (1 - pooled) * (1 / a + 1 / b)
        guard variance > 0 else { return 1 }
        return normalTwoSidedP(z: (p2 - p1) / variance.squareRoot())
    }
}
