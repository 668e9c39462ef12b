import Testing
@testable import SixSteps

/// The one verdict rule and the one precision rule, on their own.
@Suite struct VerdictRuleTests {
    @Test func aVerdictNeedsAChangeBeyondTheNoise() {
        #expect(Verdict.rule(change: 0.5, noise: .significant(p: 0.01), higherIsBetter: true) == .improved)
        #expect(Verdict.rule(change: 0.5, noise: .significant(p: 0.01), higherIsBetter: false) == .worse)
        #expect(Verdict.rule(change: -13, noise: .significant(p: 0.0001), higherIsBetter: false) == .improved)
        #expect(Verdict.rule(change: 0.06, noise: .withinNoise(p: 0.63), higherIsBetter: true) == .noClearChange)
        #expect(Verdict.rule(change: -5, noise: .withinNoise(p: 0.2), higherIsBetter: true) == .noClearChange)
        #expect(Verdict.rule(change: 2, noise: .unknown, higherIsBetter: true) == .noVerdictPossible)
        #expect(Verdict.rule(change: 0, noise: .unknown, higherIsBetter: true) == .noClearChange)
        #expect(Verdict.rule(change: nil, noise: .unknown, higherIsBetter: true) == .nothingToCompare, "measured, with nothing to compare with: not \"not measured\"")
        #expect(Verdict.allCases.filter(\.isClear) == [.improved, .worse])
    }

    @Test func pValuesAreNeverWrittenAsZero() {
        #expect(pValueText(0, decimalComma: true) == "p < 0,001")
        #expect(pValueText(0.000_4, decimalComma: false) == "p < 0.001")
        #expect(pValueText(0.004_2, decimalComma: true) == "p = 0,004")
        #expect(pValueText(0.63, decimalComma: true) == "p = 0,63")
        #expect(pValueText(0.05, decimalComma: false) == "p = 0.05")
    }

    @Test func precisionFollowsScaleAndSampleSize() {
        func decimals(_ low: Double?, _ high: Double?, target: Double? = nil, lower: Bool = false, _ values: [Double], n: Int? = 100) -> Int {
            MetricPrecision.decimals(scaleMin: low, scaleMax: high, target: target, higherIsBetter: !lower, values: values, largestN: n)
        }
        #expect(decimals(1, 10, [7.2]) == 1, "a grade")
        #expect(decimals(0, 100, [13]) == 0, "a percentage")
        #expect(decimals(1, 5, [3.85]) == 2, "a 1–5 score")
        #expect(decimals(nil, nil, [96, 83]) == 0, "seconds")
        #expect(decimals(nil, nil, [11.4]) == 1, "days")
        #expect(decimals(1, 10, [7.2], n: 12) == 0, "twelve answers carry no decimal")
        // 7.46 short of 7.5 would read as 7,5: one decimal more.
        #expect(decimals(1, 10, target: 7.5, [7.46]) == 2)
        #expect(decimals(1, 10, target: 7.5, [7.52]) == 1, "past the target it may round onto it")
        #expect(decimals(nil, nil, target: 90, lower: true, [90.4]) == 1, "lower is better: 90,4 s is short of 90 s")
        // 6.96 → 7.02 would read "7,0 → 7,0 (+0,1)": two decimals; values far apart keep one.
        #expect(decimals(1, 10, [6.1, 6.96, 7.02]) == 2)
        #expect(decimals(1, 10, [6.1, 7.02, 6.5, 7.0]) == 1, "only measurements in a row are compared")
        #expect(formatNumber(7, decimals: 1, fixed: true) == "7.0" && formatNumber(-0.04, signed: true, decimals: 1, fixed: true) == "0.0")
        #expect(formatNumber(0.06, signed: true, decimals: 2, fixed: true) == "+0.06")
    }
}
