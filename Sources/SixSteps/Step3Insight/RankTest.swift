extension Statistics {
    /// Percentile `p` (0...100) of ascending values, with linear interpolation between the closest
    /// ranks like numpy's default — for medians. Nil for no values or p outside 0...100.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty, !p.isNaN, (0...100).contains(p) else { return nil }
        let rank = p / 100 * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = rank - Double(lower)
        let low = sorted[lower]
        let high = sorted[upper]
        if fraction == 0 || low == high { return low }
        // numpy interpolates from the nearer end, so that p = 100 gives the maximum exactly and
        // the results match it to the last bit.
        let difference = high - low
        return fraction >= 0.5 ? high - difference * (1 - fraction) : low + difference * fraction
    }

    /// Two-sided p of the Mann–Whitney U test (the Wilcoxon rank-sum test) of two samples, by the
    /// normal approximation with the correction for ties and for continuity — for lead times,
    /// whose skewed distributions a test of means would misjudge. Nil when a side is empty.
    public static func mannWhitneyP(_ first: [Double], _ second: [Double]) -> Double? {
        let n1 = first.count, n2 = second.count
        guard n1 >= 1, n2 >= 1 else { return nil }
        var all = first.map { ($0, 0) } + second.map { ($0, 1) }
        all.sort { $0.0 < $1.0 }
        var rankSum = 0.0
        var tieTerm = 0.0
        var index = 0
        while index < all.count {
            var next = index
            while next + 1 < all.count && all[next + 1].0 == all[index].0 { next += 1 }
            let rank = Double(index + next + 2) / 2
            for position in index...next where all[position].1 == 0 { rankSum += rank }
            let ties = Double(next - index + 1)
            tieTerm += ties * ties * ties - ties
            index = next + 1
        }
        let a = Double(n1), b = Double(n2), total = a + b
        let u = rankSum - a * (a + 1) / 2
        let mean = a * b / 2
        let variance = a * b / 12 * ((total + 1) - tieTerm / (total * (total - 1 > 0 ? total - 1 : 1)))
        guard variance > 0 else { return 1 }
        let distance = max(0, abs(u - mean) - 0.5)
        return normalTwoSidedP(z: distance / variance.squareRoot())
    }
}
