import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Whether a change between two improvement cycles is larger than the noise of the samples.
// Everything is written from the formulas on top of the C maths library, because the module
// must not depend on Foundation; the expected values in the tests come from scipy and numpy.

/// Summary of a sample: what a measurement stores.
public struct SampleSummary: Sendable, Equatable {
    public let mean: Double
    /// nil when unknown.
    public let n: Int?
    /// Sample standard deviation (n − 1 denominator); nil when unknown.
    public let sd: Double?

    public init(mean: Double, n: Int?, sd: Double?) {
        self.mean = mean
        self.n = n
        self.sd = sd
    }

    /// From raw values: mean, n, sample sd (nil when n < 2).
    ///
    /// An empty array has no mean: it gives `mean` NaN, `n` 0 and `sd` nil, which every test
    /// below treats as unknown. A NaN among the values makes the mean NaN for the same reason.
    public init(values: [Double]) {
        let count = values.count
        guard count > 0 else {
            self.init(mean: .nan, n: 0, sd: nil)
            return
        }
        // Two passes over the array rather than Welford: the sum vectorises, and the second pass
        // (with the compensation term of the corrected two-pass algorithm) keeps the variance
        // accurate when the values are large and close together, e.g. days since an epoch.
        var sum = 0.0
        for value in values { sum += value }
        let mean = sum / Double(count)
        guard count > 1 else {
            self.init(mean: mean, n: 1, sd: nil)
            return
        }
        var squares = 0.0
        var deviations = 0.0
        for value in values {
            let deviation = value - mean
            squares += deviation * deviation
            deviations += deviation
        }
        let variance = (squares - deviations * deviations / Double(count)) / Double(count - 1)
        self.init(mean: mean, n: count, sd: variance > 0 ? variance.squareRoot() : 0)
    }

    /// For a proportion metric given as a percentage (0...100) with n known and sd unknown: the
    /// sample sd of the 0/1 values in percentage points, sqrt(p(1−p)) · 100 · sqrt(n/(n−1)).
    ///
    /// The sd is nil when n < 2 or the value is not a percentage, so such a measurement gets no
    /// verdict instead of a made-up one.
    public static func percentage(_ value: Double, n: Int) -> SampleSummary {
        guard n >= 2, value.isFinite, (0...100).contains(value) else {
            return SampleSummary(mean: value, n: n, sd: nil)
        }
        let p = value / 100
        let count = Double(n)
        let sd = (p * (1 - p)).squareRoot() * 100 * (count / (count - 1)).squareRoot()
        return SampleSummary(mean: value, n: n, sd: sd)
    }

    /// sd / sqrt(n); nil when either is unknown or unusable.
    public var standardError: Double? {
        guard let n, n >= 1, let sd, sd.isFinite, sd >= 0 else { return nil }
        return sd / Double(n).squareRoot()
    }

    /// 95% confidence interval of the mean with the t distribution; nil when n or sd unknown or
    /// n < 2.
    public var confidenceInterval95: ClosedRange<Double>? {
        guard let n, n >= 2, mean.isFinite, let standardError else { return nil }
        let half = Statistics.tCritical95(df: Double(n - 1)) * standardError
        guard half.isFinite else { return nil }
        return (mean - half)...(mean + half)
    }

    /// n and sd as numbers Welch's test can use, or nil when the sample cannot carry a verdict.
    fileprivate var usable: (mean: Double, n: Double, variance: Double)? {
        guard mean.isFinite, let n, n >= 2, let sd, sd.isFinite, sd >= 0 else { return nil }
        return (mean, Double(n), sd * sd)
    }
}

public enum NoiseVerdict: Sendable, Equatable {
    /// The change is larger than the noise: p below the threshold (0.05).
    case significant(p: Double)
    /// The change could be noise.
    case withinNoise(p: Double)
    /// n or sd of one side unknown (or n < 2): no verdict on noise is possible.
    case unknown

    public var isSignificant: Bool {
        if case .significant = self { return true }
        return false
    }
}

public enum Statistics {
    /// Welch's two-sample t-test from summaries; two-sided p-value.
    ///
    /// `t` is (after − before) / standard error, so a positive t means the metric went up; it is
    /// scipy's `ttest_ind(after, before, equal_var=False)`. Nil when a side has n < 2, an unknown
    /// sd or a non-finite mean or sd, and when both sds are 0: t and df are then 0/0 or x/0,
    /// which `noise` decides on its own.
    public static func welch(_ before: SampleSummary, _ after: SampleSummary) -> (t: Double, df: Double, p: Double)? {
        guard let one = before.usable, let two = after.usable else { return nil }
        let v1 = one.variance / one.n
        let v2 = two.variance / two.n
        let largest = max(v1, v2)
        guard largest > 0, largest.isFinite else { return nil }
        // Welch–Satterthwaite on variances scaled by the larger one, so that squaring neither
        // overflows for huge sds nor underflows for tiny ones.
        let r1 = v1 / largest
        let r2 = v2 / largest
        let df = (r1 + r2) * (r1 + r2) / (r1 * r1 / (one.n - 1) + r2 * r2 / (two.n - 1))
        let t = (two.mean - one.mean) / (v1 + v2).squareRoot()
        guard !t.isNaN, df.isFinite, df > 0 else { return nil }
        return (t, df, studentTTwoSidedP(t: t, df: df))
    }

    /// The same from raw values (uses welch on their summaries).
    public static func welch(_ before: [Double], _ after: [Double]) -> (t: Double, df: Double, p: Double)? {
        welch(SampleSummary(values: before), SampleSummary(values: after))
    }

    /// Verdict at `alpha` (0.05): uses welch; .unknown when a side cannot carry a verdict; when
    /// both sds are 0 and the means differ → significant(p: 0); equal means → withinNoise(p: 1).
    public static func noise(_ before: SampleSummary, _ after: SampleSummary, alpha: Double = 0.05) -> NoiseVerdict {
        guard let one = before.usable, let two = after.usable else { return .unknown }
        if one.variance == 0, two.variance == 0 {
            // No spread at all on either side: any difference is real, none is noise.
            return one.mean == two.mean ? .withinNoise(p: 1) : .significant(p: 0)
        }
        guard let result = welch(before, after) else { return .unknown }
        return result.p < alpha ? .significant(p: result.p) : .withinNoise(p: result.p)
    }

    /// Two-sided p-value of Student's t with df degrees of freedom (df may be fractional): the
    /// regularized incomplete beta I_x(df/2, 1/2) with x = df/(df + t²), by its continued fraction
    /// below df 200 and by its asymptotic expansion for large df/2 from there on.
    ///
    /// NaN for a NaN t or df and for df ≤ 0. An infinite df is the normal distribution; an
    /// infinite |t| gives 0.
    public static func studentTTwoSidedP(t: Double, df: Double) -> Double {
        guard !t.isNaN, !df.isNaN, df > 0 else { return .nan }
        let size = abs(t)
        if size == 0 { return 1 }
        if size == .infinity { return 0 }
        if df == .infinity { return erfc(size / 2.0.squareRoot()) }
        // x and 1 − x are formed without subtracting from 1 and without squaring a huge t, so
        // the tail keeps its relative accuracy and t = 1e200 still gives a number, not NaN.
        let x: Double
        let y: Double
        let logX: Double
        let logY: Double
        if size < df.squareRoot() {
            let q = (size / df) * size
            x = 1 / (1 + q)
            y = q / (1 + q)
            logX = -log1p(q)
            logY = log(q) - log1p(q)
        } else {
            // In logs, because df/t² underflows long before the p-value does (t = 1e200, df 1).
            let logR = log(df) - 2 * log(size)
            let r = exp(logR)
            x = r / (1 + r)
            y = 1 / (1 + r)
            logX = logR - log1p(r)
            logY = -log1p(r)
        }
        let a = df / 2
        let p: Double
        if a >= largeDFThreshold {
            // x ≈ 1 − t²/df: the continued fraction would lose the digits of t²/df (a relative
            // error near 1e-16 · df / t², 3e-5 at df 1e12), so the expansion in −log x takes over.
            p = incompleteBetaHalfLargeA(a: a, logX: logX)
        } else {
            p = incompleteBeta(a: a, b: 0.5, x: x, y: y, logX: logX, logY: logY)
        }
        return min(max(p, 0), 1)
    }

    /// The t quantile for a two-sided 95% interval (e.g. 2.262 for df 9), by bisection on
    /// `studentTTwoSidedP` to a relative width of 1e-15. NaN for a NaN df or df ≤ 0.
    public static func tCritical95(df: Double) -> Double {
        // Inverting the distribution takes dozens of evaluations, and a site asks for the same
        // few degrees of freedom for every cycle of every metric: each is worked out once.
        if let known = criticalValues.withLock({ $0[df] }) { return known }
        let value = tCritical(df: df, twoSidedP: 0.05)
        criticalValues.withLock { $0[df] = value }
        return value
    }

    private static let criticalValues = Mutex<[Double: Double]>([:])

    /// I_x(a, b) for x in 0...1 and a, b > 0; NaN outside that domain (as scipy.special.betainc).
    public static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        guard !x.isNaN, !a.isNaN, !b.isNaN, a > 0, b > 0, (0...1).contains(x) else { return .nan }
        if x == 0 { return 0 }
        if x == 1 { return 1 }
        let y = 1 - x
        // Whichever of x and 1 − x is the smaller is exact; the other's log comes from it.
        let logX = x < 0.5 ? log(x) : log1p(-y)
        let logY = x < 0.5 ? log1p(-x) : log(y)
        return incompleteBeta(a: a, b: b, x: x, y: y, logX: logX, logY: logY)
    }

    /// Counts of each distinct score, sorted by score: the distribution shown for survey results.
    /// NaN values are left out: they are no score.
    public static func distribution(_ values: [Double]) -> [(score: Double, count: Int)] {
        let sorted = values.filter { !$0.isNaN }.sorted()
        var result: [(score: Double, count: Int)] = []
        for value in sorted {
            if let last = result.last, last.score == value {
                result[result.count - 1].count += 1
            } else {
                result.append((value, 1))
            }
        }
        return result
    }

    // MARK: - Numerics

    /// Two-sided critical value: the t with `studentTTwoSidedP(t, df) == twoSidedP`.
    static func tCritical(df: Double, twoSidedP: Double) -> Double {
        guard !df.isNaN, df > 0, twoSidedP > 0, twoSidedP < 1 else { return .nan }
        var low = 0.0
        var high = 2.0
        // p falls as t grows; widen until the root is bracketed (df 0.1 needs t in the 10¹³s).
        while studentTTwoSidedP(t: high, df: df) > twoSidedP {
            low = high
            high *= 2
            if !high.isFinite { return .infinity }
        }
        while high - low > 1e-15 * high {
            let middle = (low + high) / 2
            if middle <= low || middle >= high { break }
            if studentTTwoSidedP(t: middle, df: df) > twoSidedP {
                low = middle
            } else {
                high = middle
            }
        }
        return (low + high) / 2
    }

    /// I_x(a, b) with 1 − x and both logs supplied by the caller, who can often form them more
    /// accurately than a subtraction from 1 would (the t distribution with a large df).
    static func incompleteBeta(a: Double, b: Double, x: Double, y: Double, logX: Double, logY: Double) -> Double {
        // x itself may have underflowed while its log has not; the fraction then tends to 1.
        if logX == -.infinity { return 0 }
        if logY == -.infinity { return 1 }
        let logFront = a * logX + b * logY - logBeta(a, b)
        let front = exp(logFront)
        // The continued fraction converges fast only on its own side of the mean of the beta
        // distribution; on the other side, the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used.
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(a: a, b: b, x: x) / a
        } else {
            return 1 - front * betaContinuedFraction(a: b, b: a, x: y) / b
        }
    }

    /// The continued fraction of the incomplete beta function, by the modified Lentz method
    /// (Numerical Recipes, betacf).
    static func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        let tolerance = 1e-15
        // The number of terms grows like sqrt(max(a, b)); a = 5·10⁵ (df 10⁶) needs a few
        // thousand at most, so this limit only stops a runaway, returning the best value so far.
        let maxTerms = 1_000_000
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1
        while m <= maxTerms {
            let mm = Double(m)
            let m2 = 2 * mm
            var aa = mm * (b - mm) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + mm) * (qab + mm) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < tolerance { break }
            m += 1
        }
        return h
    }

    /// From this a = df/2 on (df 200), the t distribution uses `incompleteBetaHalfLargeA`: against
    /// mpmath, it is within 1e-14 there, and the continued fraction drifts from 1e-14 upwards.
    static let largeDFThreshold = 100.0

    /// I_x(a, ½) for large a from log x alone: the asymptotic expansion of DiDonato and Morris
    /// (ACM TOMS 708, BGRAT, eq. 9–9.6) with b = ½, where the incomplete gamma function it needs
    /// is erfc. Its error falls like a power of 1/a, so it is used only for large a.
    static func incompleteBetaHalfLargeA(a: Double, logX: Double) -> Double {
        let b = 0.5
        let t = a + (b - 1) / 2
        let u = -t * logX
        guard u > 0 else { return 1 }
        // e^(−u) has underflowed: so has the p-value.
        guard u < 800 else { return 0 }
        // Γ(a + b) / (Γ(a) tᵇ), the factor in front of every term.
        let scale = exp(logGammaIncrease(a, by: b) - b * log(t))
        // DiDonato and Morris divide Jₙ by H = uᵇe^(−u)/Γ(b); the terms here carry H instead,
        // so that a large u gives 0 · 0 rather than 0 / 0.
        let h = u.squareRoot() * exp(-u) / Double.pi.squareRoot()
        var j = erfc(u.squareRoot())
        var sum = scale * j
        let halfLog = logX / 2
        let halfLogSquared = halfLog * halfLog
        let fourTSquared = 4 * t * t
        var power = 1.0
        var b2n = b
        // pₙ of eq. 9.4, and the odd factorials (2m + 1)! it divides by.
        var coefficients: [Double] = [1]
        var oddFactorials: [Double] = [1]
        for n in 1..<30 {
            let factorial = (oddFactorials[n - 1] * Double(2 * n)) * Double(2 * n + 1)
            oddFactorials.append(factorial)
            var pn = 0.0
            for m in 1..<n {
                pn += (Double(m) * b - Double(n)) * coefficients[n - m] / oddFactorials[m]
            }
            pn = pn / Double(n) + (b - 1) / factorial
            coefficients.append(pn)
            j = (b2n * (b2n + 1) * j + (u + b2n + 1) * power * h) / fourTSquared
            power *= halfLogSquared
            b2n += 2
            let term = scale * pn * j
            sum += term
            if abs(term) <= 1e-17 * abs(sum) { break }
        }
        return sum
    }

    /// lgamma(x + d) − lgamma(x) for x ≥ 10 and 0 < d, from Stirling's series of both, so that
    /// the large lgammas cancel analytically rather than in floating point.
    static func logGammaIncrease(_ x: Double, by d: Double) -> Double {
        d * log(x) + (x + d - 0.5) * log1p(d / x) - d + stirlingCorrection(x + d) - stirlingCorrection(x)
    }

    /// log B(a, b). With lgamma alone, a large argument loses digits: lgamma(5·10⁵) ≈ 6·10⁶
    /// carries an absolute error near 10⁻⁹, which would show up as a relative error of 10⁻⁹ in
    /// the p of df 10⁶. Stirling's series for the large arguments cancels the large terms
    /// analytically instead.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let small = min(a, b)
        let large = max(a, b)
        let threshold = 10.0
        if large < threshold {
            return lgamma(a) + lgamma(b) - lgamma(a + b)
        }
        let sum = a + b
        if small < threshold {
            return lgamma(small) - logGammaIncrease(large, by: small)
        }
        return 0.5 * log(2 * Double.pi) - 0.5 * log(sum)
            + (a - 0.5) * -log1p(b / a) + (b - 0.5) * -log1p(a / b)
            + stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(sum)
    }

    /// lgamma(x) − ((x − ½) log x − x + ½ log 2π): the tail of Stirling's series, accurate to
    /// about 10⁻¹⁶ for x ≥ 10.
    static func stirlingCorrection(_ x: Double) -> Double {
        let inverse = 1 / x
        let square = inverse * inverse
        // Bernoulli numbers B₂ₖ / (2k(2k − 1)) for k = 1...7.
        let series = 1.0 / 12 + square * (-1.0 / 360 + square * (1.0 / 1260 + square * (-1.0 / 1680
            + square * (1.0 / 1188 + square * (-691.0 / 360_360 + square * (1.0 / 156))))))
        return series * inverse
    }
}
