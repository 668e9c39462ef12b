extension Statistics {
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
