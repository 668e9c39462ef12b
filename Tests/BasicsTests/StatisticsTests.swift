import Basics
import Testing

// Expected numbers come from Python 3.11 with scipy 1.17.1 and numpy 2.4.6 (mpmath 1.3.0 where
// scipy gives no number); each test says how. Welch's t is (after − before) / se, so scipy is
// called as ttest_ind(after, before, equal_var=False).

/// Whether a change between two improvement cycles is larger than the noise of the samples.
@Suite struct StatisticsTests {
    /// |actual − expected| ≤ tolerance · |expected|; exact when expected is 0.
    private static func close(_ actual: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let actual, !actual.isNaN else { return false }
        return abs(actual - expected) <= tolerance * abs(expected)
    }

    private static func welchMatches(
        _ result: (t: Double, df: Double, p: Double)?, t: Double, df: Double, p: Double
    ) -> Bool {
        guard let result else { return false }
        return close(result.t, t) && close(result.df, df) && close(result.p, p)
    }

    /// Resident satisfaction (1–10) of ten residents.
    private static let scores: [Double] = [7, 8, 6, 9, 7, 8, 5, 10, 7, 8]

    /// A survey of 200 residents, given as how many answered each score 1...10.
    private static func survey(_ counts: [Int]) -> [Double] {
        counts.enumerated().flatMap { index, count in Array(repeating: Double(index + 1), count: count) }
    }

    // MARK: - Summaries

    @Test func summaryFromRawValues() {
        // np.mean(v), np.std(v, ddof=1), scipy.stats.sem(v)
        let summary = SampleSummary(values: Self.scores)
        #expect(summary.mean == 7.5)
        #expect(summary.n == 10)
        #expect(Self.close(summary.sd, 1.4337208778404378, 1e-14))
        #expect(Self.close(summary.standardError, 0.4533823502911814, 1e-14))

        // Large values close together (days since an epoch): np.std([1e9+1, 1e9+2, 1e9+4], ddof=1).
        let close = SampleSummary(values: [1e9 + 1, 1e9 + 2, 1e9 + 4])
        #expect(Self.close(close.mean, 1000000002.3333334, 1e-15))
        #expect(Self.close(close.sd, 1.5275252316519474, 1e-12))

        // Further out, numpy's plain two-pass std drifts (1.5283774075796854); the exact value,
        // statistics.stdev([1e15+1, 1e15+2, 1e15+4]) in rational arithmetic, is kept.
        let far = SampleSummary(values: [1e15 + 1, 1e15 + 2, 1e15 + 4])
        #expect(far.mean == 1000000000000002.4)
        #expect(Self.close(far.sd, 1.5275252316519468, 1e-12))

        let constant = SampleSummary(values: [8, 8, 8])
        #expect(constant == SampleSummary(mean: 8, n: 3, sd: 0))
    }

    @Test func summaryOfOneValueOrNoneHasNoStandardDeviation() {
        #expect(SampleSummary(values: [6.5]) == SampleSummary(mean: 6.5, n: 1, sd: nil))
        let empty = SampleSummary(values: [])
        #expect(empty.mean.isNaN)
        #expect(empty.n == 0)
        #expect(empty.sd == nil)
        #expect(empty.standardError == nil)
        #expect(SampleSummary(mean: 7, n: nil, sd: 1).standardError == nil)
        #expect(SampleSummary(mean: 7, n: 10, sd: nil).standardError == nil)
    }

    @Test func percentageSummaryIsTheSampleSdOfTheZeroOneValues() {
        // 48 of 200 residents heard nothing back: ones = [1]*48 + [0]*152,
        // np.std(ones, ddof=1) * 100 and scipy.stats.sem(ones) * 100.
        let summary = SampleSummary.percentage(24, n: 200)
        #expect(summary.mean == 24)
        #expect(summary.n == 200)
        #expect(Self.close(summary.sd, 42.81548585670526, 1e-14))
        #expect(Self.close(summary.standardError, 3.0275120389073007, 1e-14))
        // Nobody or everybody: no spread at all (np.std(np.zeros(30), ddof=1) is 0).
        #expect(SampleSummary.percentage(0, n: 30).sd == 0)
        #expect(SampleSummary.percentage(100, n: 30).sd == 0)
    }

    @Test func percentageWithoutAUsableSampleHasNoStandardDeviation() {
        #expect(SampleSummary.percentage(24, n: 1) == SampleSummary(mean: 24, n: 1, sd: nil))
        #expect(SampleSummary.percentage(24, n: 0).sd == nil)
        #expect(SampleSummary.percentage(120, n: 200).sd == nil)
        #expect(SampleSummary.percentage(-1, n: 200).sd == nil)
        #expect(SampleSummary.percentage(.nan, n: 200).sd == nil)
    }

    @Test func confidenceIntervalMatchesScipy() throws {
        // scipy.stats.t.interval(0.95, n - 1, loc=mean, scale=sd / sqrt(n))
        let scores = try #require(SampleSummary(values: Self.scores).confidenceInterval95)
        #expect(Self.close(scores.lowerBound, 6.474377868802519, 1e-12))
        #expect(Self.close(scores.upperBound, 8.525622131197482, 1e-12))

        let percentage = try #require(SampleSummary.percentage(24, n: 200).confidenceInterval95)
        #expect(Self.close(percentage.lowerBound, 18.029877822075782, 1e-12))
        #expect(Self.close(percentage.upperBound, 29.970122177924218, 1e-12))

        // Two values: df 1, where the t quantile is 12.7.
        let two = try #require(SampleSummary(values: [7, 8]).confidenceInterval95)
        #expect(Self.close(two.lowerBound, 1.146897631912653, 1e-12))
        #expect(Self.close(two.upperBound, 13.853102368087347, 1e-12))
    }

    @Test func confidenceIntervalNeedsNAndSd() {
        #expect(SampleSummary(values: [7]).confidenceInterval95 == nil)
        #expect(SampleSummary(mean: 7, n: nil, sd: 1).confidenceInterval95 == nil)
        #expect(SampleSummary(mean: 7, n: 30, sd: nil).confidenceInterval95 == nil)
        #expect(SampleSummary(mean: .nan, n: 30, sd: 1).confidenceInterval95 == nil)
        #expect(SampleSummary(mean: 7, n: 30, sd: 0).confidenceInterval95 == 7...7)
    }

    /// Speed belongs in the benchmark; what a test can hold is that a million values lose no
    /// precision.
    @Test func summaryOfAMillionValuesIsExact() {
        // v = np.arange(1_000_000) % 10 + 1: v.mean(), v.std(ddof=1).
        let values = (0..<1_000_000).map { Double($0 % 10 + 1) }
        let summary = SampleSummary(values: values)
        #expect(summary.mean == 5.5)
        #expect(summary.n == 1_000_000)
        #expect(Self.close(summary.sd, 2.872282759410753, 1e-13))
    }

    // MARK: - Welch

    @Test func welchSmallSamples() {
        // scipy.stats.ttest_ind([8, 9, 9, 10, 8, 9], [7, 8, 6, 9, 7], equal_var=False)
        let result = Statistics.welch([7, 8, 6, 9, 7], [8, 9, 9, 10, 8, 9])
        #expect(Self.welchMatches(result, t: 2.4075377971101743, df: 6.723998942777852, p: 0.04836263404248201))
    }

    @Test func welchUnequalSizesAndVariances() {
        // Days to resolve: 12 cases before, 30 after, with far less spread.
        // scipy.stats.ttest_ind(after, before, equal_var=False)
        let before: [Double] = [12, 15, 9, 30, 22, 14, 18, 11, 25, 16, 13, 40]
        let after: [Double] = [
            8, 10, 9, 7, 12, 11, 9, 10, 8, 13, 9, 10, 11, 12, 7, 9, 10, 8, 11, 9, 10, 14, 9, 8, 10, 11, 9, 12, 10, 9,
        ]
        let result = Statistics.welch(before, after)
        #expect(Self.welchMatches(result, t: -3.3798599090935246, df: 11.303909293827045, p: 0.005922231176690809))
    }

    @Test func welchResidentSurveysOf200() {
        // before = np.repeat(np.arange(1, 11), [6, 4, 9, 14, 20, 31, 42, 38, 22, 14]),
        // after = np.repeat(np.arange(1, 11), [3, 4, 6, 10, 17, 28, 44, 47, 26, 15]);
        // scipy.stats.ttest_ind(after, before, equal_var=False); their means and np.std(ddof=1).
        let before = Self.survey([6, 4, 9, 14, 20, 31, 42, 38, 22, 14])
        let after = Self.survey([3, 4, 6, 10, 17, 28, 44, 47, 26, 15])
        #expect(before.count == 200 && after.count == 200)
        let one = SampleSummary(values: before)
        let two = SampleSummary(values: after)
        #expect(Self.close(one.mean, 6.595, 1e-14) && Self.close(one.sd, 2.1456921901508546, 1e-13))
        #expect(Self.close(two.mean, 6.95, 1e-14) && Self.close(two.sd, 1.9740782468339788, 1e-13))
        let expected = (t: 1.7219036881148622, df: 395.26597408661564, p: 0.08586929882663115)
        #expect(Self.welchMatches(Statistics.welch(before, after), t: expected.t, df: expected.df, p: expected.p))
        #expect(Self.welchMatches(Statistics.welch(one, two), t: expected.t, df: expected.df, p: expected.p))
        #expect(Statistics.noise(one, two) == .withinNoise(p: Statistics.welch(one, two)?.p ?? -1))
    }

    @Test func welchAroundTheThresholdFromSummaries() {
        // scipy.stats.ttest_ind_from_stats(m, 1.6, 50, 7.0, 1.5, 50, equal_var=False) for m 7.615 and
        // 7.62; df from the Welch–Satterthwaite formula in numpy.
        let before = SampleSummary(mean: 7.0, n: 50, sd: 1.5)
        let above = SampleSummary(mean: 7.615, n: 50, sd: 1.6)
        let below = SampleSummary(mean: 7.62, n: 50, sd: 1.6)
        let df = 97.59462298017407
        #expect(Self.welchMatches(Statistics.welch(before, above), t: 1.9828395816739206, df: df, p: 0.050196245982817266))
        #expect(Self.welchMatches(Statistics.welch(before, below), t: 1.9989602286793993, df: df, p: 0.04839366480164923))

        guard case .withinNoise(let pAbove) = Statistics.noise(before, above) else {
            Issue.record("p 0.0502 is not below 0.05")
            return
        }
        #expect(Self.close(pAbove, 0.050196245982817266))
        guard case .significant(let pBelow) = Statistics.noise(before, below) else {
            Issue.record("p 0.0484 is below 0.05")
            return
        }
        #expect(Self.close(pBelow, 0.04839366480164923))
        // The threshold is a parameter.
        guard case .withinNoise = Statistics.noise(before, below, alpha: 0.01) else {
            Issue.record("p 0.0484 is not below 0.01")
            return
        }
    }

    @Test func welchOnPercentages() {
        // Heard nothing back: 60 of 180 residents before, 48 of 200 after.
        // scipy.stats.ttest_ind(after01 * 100, before01 * 100, equal_var=False) on the 0/1 values.
        let before = SampleSummary.percentage(60.0 / 180.0 * 100, n: 180)
        let after = SampleSummary.percentage(24, n: 200)
        let result = Statistics.welch(before, after)
        #expect(Self.welchMatches(result, t: -2.0091216904347355, df: 362.93461336357655, p: 0.04526426315624317))
        #expect(Statistics.noise(before, after) == .significant(p: result?.p ?? -1))
    }

    @Test func welchIdenticalSamples() {
        // scipy.stats.ttest_ind(v, v, equal_var=False): t 0, df 18, p 1.
        let result = Statistics.welch(Self.scores, Self.scores)
        #expect(result?.t == 0)
        #expect(Self.close(result?.df, 18, 1e-14))
        #expect(result?.p == 1)
        let summary = SampleSummary(values: Self.scores)
        #expect(Statistics.noise(summary, summary) == .withinNoise(p: 1))
    }

    @Test func welchWithOneSideWithoutSpread() {
        // scipy.stats.ttest_ind([6, 7, 5, 8, 6], [5, 5, 5, 5], equal_var=False): df is n − 1 of
        // the side with spread.
        let result = Statistics.welch([5, 5, 5, 5], [6, 7, 5, 8, 6])
        #expect(Self.welchMatches(result, t: 2.7456258919345777, df: 4.0, p: 0.05160595781117466))
        #expect(Statistics.noise(SampleSummary(values: [5, 5, 5, 5]), SampleSummary(values: [6, 7, 5, 8, 6]))
            == .withinNoise(p: result?.p ?? -1))
    }

    @Test func bothSidesWithoutSpread() {
        let five = SampleSummary(mean: 5, n: 4, sd: 0)
        let six = SampleSummary(mean: 6, n: 3, sd: 0)
        // t is x/0 or 0/0: welch gives no numbers; the verdict is still clear.
        #expect(Statistics.welch(five, six) == nil)
        #expect(Statistics.noise(five, six) == .significant(p: 0))
        #expect(Statistics.noise(five, SampleSummary(mean: 5, n: 9, sd: 0)) == .withinNoise(p: 1))
    }

    @Test func noVerdictWithoutNOrSd() {
        let known = SampleSummary(values: Self.scores)
        let unknowns = [
            SampleSummary(values: [7]),
            SampleSummary(values: []),
            SampleSummary(mean: 7, n: 1, sd: 0),
            SampleSummary(mean: 7, n: nil, sd: 1.2),
            SampleSummary(mean: 7, n: 30, sd: nil),
            SampleSummary(mean: 7, n: 0, sd: 1.2),
            SampleSummary(mean: 7, n: -3, sd: 1.2),
            SampleSummary(mean: 7, n: 30, sd: -1),
            SampleSummary(mean: .nan, n: 30, sd: 1.2),
            SampleSummary(mean: .infinity, n: 30, sd: 1.2),
            SampleSummary(mean: 7, n: 30, sd: .nan),
            SampleSummary(mean: 7, n: 30, sd: .infinity),
            SampleSummary(values: [7, .nan, 8]),
            SampleSummary.percentage(24, n: 1),
        ]
        for unknown in unknowns {
            #expect(Statistics.welch(known, unknown) == nil, "\(unknown)")
            #expect(Statistics.welch(unknown, known) == nil, "\(unknown)")
            #expect(Statistics.noise(known, unknown) == .unknown, "\(unknown)")
            #expect(Statistics.noise(unknown, known) == .unknown, "\(unknown)")
        }
        #expect(Statistics.welch([7], [6, 8, 9]) == nil)
        #expect(Statistics.welch([6, 8, 9], [.nan, 1, 2]) == nil)
    }

    // MARK: - The t distribution

    @Test(arguments: [
        // 2 * scipy.stats.t.sf(t, df) for t in 0.5, 1.96, 2.262, 5, 40
        (1.0, [0.7048327646991335, 0.3003428917760331, 0.2649953529235534, 0.1256659163780024, 0.015912179824051624]),
        (2.5, [0.6576979198697148, 0.16294756447281405, 0.1263173456922855, 0.02345118997086185, 0.0001419563429049338]),
        (9.0, [0.6290712998260263, 0.08164440546041664, 0.05001284550245463, 0.0007389679098032426, 1.8982998449339822e-11]),
        (30.0, [0.6207230048851272, 0.05934231289605049, 0.031102523732392074, 2.32966854670078e-05, 1.3726045194406417e-27]),
        (1000.0, [0.6171850808338747, 0.050273184955748736, 0.02391138716899623, 6.767256364648635e-07, 1.0478852155173272e-209]),
        (1e6, [0.6170751874723714, 0.04999606758526985, 0.023697617005447813, 5.733997870890745e-07, 0.0]),
    ])
    func twoSidedPMatchesScipy(df: Double, expected: [Double]) {
        for (t, p) in zip([0.5, 1.96, 2.262, 5, 40], expected) {
            #expect(Self.close(Statistics.studentTTwoSidedP(t: t, df: df), p), "t \(t)")
            #expect(Self.close(Statistics.studentTTwoSidedP(t: -t, df: df), p), "t −\(t)")
        }
    }

    @Test func twoSidedPBeyondTheUsualRange() {
        // mpmath.betainc(5e11, 0.5, 0, 1e12 / (1e12 + 1.96**2), regularized=True) with 50 digits.
        #expect(Self.close(Statistics.studentTTwoSidedP(t: 1.96, df: 1e12), 0.04999579029671816))
        // An infinite df is the normal distribution: 2 * scipy.stats.norm.sf(1.96).
        #expect(Self.close(Statistics.studentTTwoSidedP(t: 1.96, df: .infinity), 0.04999579029644087, 1e-14))
    }

    @Test func twoSidedPAtTheEdges() {
        #expect(Statistics.studentTTwoSidedP(t: 0, df: 9) == 1)
        #expect(Statistics.studentTTwoSidedP(t: -0.0, df: 1e6) == 1)
        // 2 * scipy.stats.t.sf(1e10, 1) and 2 * scipy.stats.t.sf(1e20, 2.5).
        #expect(Self.close(Statistics.studentTTwoSidedP(t: 1e10, df: 1), 6.366197723675814e-11))
        #expect(Self.close(Statistics.studentTTwoSidedP(t: 1e20, df: 2.5), 1.4386794381663444e-50))
        // scipy underflows to 0 here; df 1 is Cauchy, p = (2/π)·atan(1/t), from mpmath.
        #expect(Self.close(Statistics.studentTTwoSidedP(t: 1e200, df: 1), 6.3661977236758134e-201))
        for df in [1, 2.5, 30, 1e6, 1e12, Double.infinity] {
            for t in [1e10, 1e200, Double.greatestFiniteMagnitude, .infinity] {
                let p = Statistics.studentTTwoSidedP(t: t, df: df)
                #expect(p >= 0 && p < 1e-10, "t \(t), df \(df): \(p)")
            }
            #expect(Statistics.studentTTwoSidedP(t: .infinity, df: df) == 0)
        }
        #expect(Statistics.studentTTwoSidedP(t: .nan, df: 9).isNaN)
        #expect(Statistics.studentTTwoSidedP(t: 2, df: .nan).isNaN)
        #expect(Statistics.studentTTwoSidedP(t: 2, df: 0).isNaN)
        #expect(Statistics.studentTTwoSidedP(t: 2, df: -1).isNaN)
    }

    @Test(arguments: [
        // scipy.stats.t.ppf(0.975, df); the last is scipy.stats.norm.isf(0.025)
        (1.0, 12.706204736174694),
        (2.5, 3.5746548420036817),
        (9.0, 2.262157162798205),
        (30.0, 2.0422724563012378),
        (1000.0, 1.9623390808264083),
        (1e6, 1.959966356814107),
        (Double.infinity, 1.9599639845400545),
    ])
    func tCriticalMatchesScipy(df: Double, expected: Double) {
        let t = Statistics.tCritical95(df: df)
        #expect(Self.close(t, expected, 1e-12))
        // And it is where the two-sided p crosses 0.05.
        #expect(Self.close(Statistics.studentTTwoSidedP(t: t, df: df), 0.05, 1e-12))
    }

    @Test func tCriticalWithoutDegreesOfFreedom() {
        #expect(Statistics.tCritical95(df: 0).isNaN)
        #expect(Statistics.tCritical95(df: .nan).isNaN)
    }

    @Test(arguments: [
        // scipy.special.betainc(a, b, x)
        (0.3, 2.0, 3.0, 0.34829999999999994),
        (0.999, 0.5, 0.5, 0.9798649583666235),
        (0.01, 0.5, 5.0, 0.24284189089843747),
        (0.4, 1000.0, 1500.0, 0.5010858488742148),
        (0.41, 1000.0, 1500.0, 0.8462596847450583),
        (1e-10, 0.1, 10.0, 0.13172835502875352),
        (0.9, 50.0, 0.5, 0.001204149832559813),
        (0.999999, 5e5, 0.5, 0.3173105078558957),
        (0.2, 1.0, 1.0, 0.2),
        (0.75, 2.5, 1.25, 0.58418314065658),
    ])
    func incompleteBetaMatchesScipy(x: Double, a: Double, b: Double, expected: Double) {
        // a and b in the thousands cost a few digits in x^a (1 − x)^b / B(a, b) itself.
        #expect(Self.close(Statistics.regularizedIncompleteBeta(x: x, a: a, b: b), expected, 1e-12))
    }

    @Test func incompleteBetaAtTheEdges() {
        #expect(Statistics.regularizedIncompleteBeta(x: 0, a: 2, b: 3) == 0)
        #expect(Statistics.regularizedIncompleteBeta(x: 1, a: 2, b: 3) == 1)
        // Outside the domain scipy.special.betainc gives nan, and so does this.
        #expect(Statistics.regularizedIncompleteBeta(x: -0.1, a: 2, b: 3).isNaN)
        #expect(Statistics.regularizedIncompleteBeta(x: 1.1, a: 2, b: 3).isNaN)
        #expect(Statistics.regularizedIncompleteBeta(x: 0.5, a: 0, b: 3).isNaN)
        #expect(Statistics.regularizedIncompleteBeta(x: 0.5, a: 2, b: -1).isNaN)
        #expect(Statistics.regularizedIncompleteBeta(x: .nan, a: 2, b: 3).isNaN)
    }

    // MARK: - Distribution

    /// Days to resolve of fourteen cases, unsorted.
    private static let days: [Double] = [12, 15, 9, 30, 22, 14, 18, 11, 25, 16, 13, 40, 9, 15]

    @Test func distributionMatchesNumpy() {
        // np.unique(days, return_counts=True)
        let distribution = Statistics.distribution(Self.days)
        #expect(distribution.map(\.score) == [9, 11, 12, 13, 14, 15, 16, 18, 22, 25, 30, 40])
        #expect(distribution.map(\.count) == [2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1])
        #expect(Statistics.distribution([]).isEmpty)
        let withoutNaN = Statistics.distribution([8, .nan, 8, 7])
        #expect(withoutNaN.map(\.score) == [7, 8])
        #expect(withoutNaN.map(\.count) == [1, 2])
    }
}
