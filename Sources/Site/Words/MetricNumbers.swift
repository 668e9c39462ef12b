import SixSteps

/// A metric's numbers written one way on every page: with its unit and with the decimals of
/// `MetricPrecision` (by its scale and n), and a verdict always with what it compares with.
extension PageContext {
    /// The metric's decimals; two for a value that belongs to no known metric.
    public func decimals(of metric: Record?) -> Int {
        metric.flatMap { data.decimals[$0.ref] } ?? 2
    }

    public func decimals(ofMetric slug: String) -> Int {
        data.decimals[slug] ?? 2
    }

    /// "7,46", "83 s", "13%": a value of the metric with its unit; an NPS signed (+12, −5), a
    /// share computed from raw answers with its % sign.
    public func value(_ value: Double, of metric: Record?) -> String {
        let places = decimals(of: metric)
        switch metric?.metricKind {
        case .nps?: return number(value, decimals: places, signed: true, fixed: true)
        case .csat?, .fcr?, .onTime?: return self.value(value, unit: "%", decimals: places, fixed: true)
        case .mean?, .ces?, .leadTime?, nil: return self.value(value, unit: metric?[.unit].string, decimals: places, fixed: metric != nil)
        }
    }

    /// "+0,06", "−13 s", "+4 procentpunt".
    public func change(_ change: Double, of metric: Record?) -> String {
        self.change(change, unit: metric?[.unit].string, decimals: decimals(of: metric), fixed: metric != nil)
    }

    /// "7,2 – 7,7": an interval with the precision of its metric's values.
    public func interval(_ interval: ClosedRange<Double>, of metric: Record?) -> String {
        let places = decimals(of: metric)
        return number(interval.lowerBound, decimals: places, fixed: true) + " – " + number(interval.upperBound, decimals: places, fixed: true)
    }

    /// "t.o.v. C3", "t.o.v. de nulmeting": what a verdict or change compares with.
    public func comparedWith(_ base: ComparisonBase) -> Node {
        switch base {
        case .previous(let cycle):
            return Node.group([.text(t("t.o.v. ", "vs. ")), link(href(.cycle, cycle)) { cycle }])
        case .baseline:
            return .text(t("t.o.v. de nulmeting", "vs. the baseline"))
        case .nothing:
            return .empty
        }
    }

    /// The verdict as a badge with, in small print, what it compares with: a reader never has to
    /// guess whether "worse" means since last time or since the start.
    /// `showBase` false where the change beside it in the same row already says it.
    public func verdictCell(_ comparison: MetricComparison, showBase: Bool = true) -> Node {
        let base = !showBase || comparison.verdict == .notMeasured || comparison.verdict == .suppressed ? .nothing : comparison.comparedWith
        return Node.group([
            verdictBadge(comparison.verdict),
            base == .nothing ? .empty : el("span", [.class("compared")]) { " "; comparedWith(base) },
        ])
    }
}

extension PageContext {
    /// The verdicts of a cycle counted, every kind of verdict once, so the counts add up to the
    /// number of metrics in the table beside them.
    public func verdictCounts(_ report: CycleReport) -> Node {
        let order: [Verdict] = [.improved, .worse, .noClearChange, .noVerdictPossible, .nothingToCompare, .notMeasured, .suppressed]
        let counts = order.map { verdict in (verdict, report.comparisons.filter { $0.verdict == verdict }.count) }
        return el("ul", [.class("figures verdicts")]) {
            counts.filter { $0.1 > 0 || $0.0.isClear }.map { verdict, count in
                el("li", [.class("verdict-\(verdict.rawValue)")]) { el("strong") { String(count) }; verdictLabel(verdict) }
            }
        }
    }
}
