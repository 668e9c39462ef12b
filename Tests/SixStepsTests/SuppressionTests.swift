import Testing
import SixSteps

// Secondary suppression of one breakdown: whatever the cells, what a reader can work out as the
// total minus the cells shown is nobody or at least the threshold.

@Suite struct SuppressionTests {
    @Test func aSmallCellIsSuppressedAndTheSmallestOtherGoesWithIt() {
        // 12 + 12 + 3 = 27: the 3 alone would be 27 − 24; with the first 12 it is 15.
        #expect(Suppression.plan(sizes: [12, 12, 3], total: 27, threshold: 10) == Suppression(cells: [0, 2], total: false))
        // Two small cells that together reach the threshold protect each other.
        #expect(Suppression.plan(sizes: [20, 6, 5], total: 31, threshold: 10) == Suppression(cells: [1, 2], total: false))
        // The smallest cell shown goes first.
        #expect(Suppression.plan(sizes: [30, 11, 4], total: 45, threshold: 10) == Suppression(cells: [1, 2], total: false))
    }

    @Test func peopleOutsideTheBreakdownCountAsHidden() {
        // 4 respondents gave no phase: 34 − 30 would show those four, so the 30 goes.
        #expect(Suppression.plan(sizes: [30], total: 34, threshold: 10) == Suppression(cells: [0], total: false))
        // 12 without a phase are a group of their own and may be worked out.
        #expect(Suppression.plan(sizes: [30], total: 42, threshold: 10) == Suppression(cells: [], total: false))
        // No total published: nothing to difference against.
        #expect(Suppression.plan(sizes: [30, 3], total: nil, threshold: 10) == Suppression(cells: [1], total: false))
    }

    @Test func whenNothingCanProtectTheCellTheTotalGoesToo() {
        #expect(Suppression.plan(sizes: [3, 4], total: 7, threshold: 10) == Suppression(cells: [0, 1], total: true))
        #expect(Suppression.plan(sizes: [15, 2], total: 17, threshold: 10) == Suppression(cells: [0, 1], total: false))
        #expect(Suppression.plan(sizes: [], total: 0, threshold: 10) == Suppression(cells: [], total: false))
    }

    /// For many random breakdowns: no shown cell is small, and what the total gives away is
    /// nobody or at least the threshold, unless the total itself is suppressed.
    @Test func noBreakdownGivesASmallGroupAway() {
        var state: UInt64 = 0x5eed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5_000 {
            let threshold = 1 + next(12)
            let sizes = (0..<next(7)).map { _ in next(30) }
            let outside = next(3) == 0 ? next(15) : 0
            let total = sizes.reduce(0, +) + outside
            let plan = Suppression.plan(sizes: sizes, total: total, threshold: threshold)
            for index in sizes.indices where !plan.cells.contains(index) {
                #expect(sizes[index] == 0 || sizes[index] >= threshold, "\(sizes) +\(outside) at \(threshold): cell \(index) shown")
            }
            let hidden = Suppression.hiddenPeople(sizes: sizes, total: total, plan: plan)
            #expect(plan.total || hidden == 0 || hidden >= threshold, "\(sizes) +\(outside) at \(threshold): \(hidden) can be worked out")
            if plan.total { #expect(Set(sizes.indices.filter { sizes[$0] > 0 }).isSubset(of: plan.cells)) }
        }
    }

    /// A cross table of 2 personas by 3 phases with the phase totals above it: persona a's 2 in
    /// the second phase is hidden; its phase total 12 is a breakdown of the persona cells, and a's
    /// own responses (2 + 10 + 0 = 12 in all) are another, so both need a second cell hidden.
    @Test func aCrossTableIsProtectedAlongBothOfItsBreakdowns() {
        // Cells 0–2: the phases for everyone; 3–5: persona a; 6–8: persona b.
        let sizes = [30, 12, 20, 10, 2, 0, 20, 10, 20]
        let breakdowns: [Suppression.Breakdown] = [
            .init(cells: [0, 1, 2], total: 62),
            .init(cells: [3, 6], total: 30, parent: 0), .init(cells: [4, 7], total: 12, parent: 1),
            .init(cells: [5, 8], total: 20, parent: 2),
            .init(cells: [3, 4, 5], total: 12), .init(cells: [6, 7, 8], total: 50),
        ]
        let hidden = Suppression.linked(sizes: sizes, breakdowns: breakdowns, threshold: 5)
        // The 2; b's 10 beside it in its phase, which would give it away as 12 − 10; and a's 10
        // in the first phase, which would give it away as a's 12 − 10. That 10 is safe in its
        // phase (30 − 20 is 10) and b's hidden 10 in b's responses (50 − 40).
        #expect(hidden == [3, 4, 7])
        // A hidden parent takes its breakdown along, or its parts would add up to it.
        let parentHidden = Suppression.linked(sizes: [3, 20, 20], breakdowns: [
            .init(cells: [0, 1], total: 23), .init(cells: [2], total: nil, parent: 1),
        ], threshold: 5)
        #expect(parentHidden == [0, 1, 2])
    }

    /// For many random cross tables: in every breakdown no shown cell is small, what its total
    /// gives away is nobody or at least the threshold, and a hidden parent shows no part.
    @Test func noCrossTableGivesASmallGroupAway() {
        var state: UInt64 = 0xc0ffee
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let threshold = 2 + next(9)
            let (rows, columns) = (1 + next(4), 1 + next(5))
            let inner = (0..<rows * columns).map { _ in next(4) == 0 ? 0 : next(25) }
            let columnSums = (0..<columns).map { column in (0..<rows).reduce(0) { $0 + inner[$1 * columns + column] } }
            // The column totals are cells too, before the inner cells; each column is a breakdown of its total.
            let sizes = columnSums + inner
            var breakdowns = [Suppression.Breakdown(cells: Array(0..<columns), total: columnSums.reduce(0, +) + next(5))]
            for column in 0..<columns {
                breakdowns.append(.init(cells: (0..<rows).map { columns + $0 * columns + column }, total: columnSums[column], parent: column))
            }
            for row in 0..<rows {
                let cells = (0..<columns).map { columns + row * columns + $0 }
                breakdowns.append(.init(cells: cells, total: cells.reduce(0) { $0 + sizes[$1] } + next(3)))
            }
            let hidden = Suppression.linked(sizes: sizes, breakdowns: breakdowns, threshold: threshold)
            let table = "\(sizes) at \(threshold)"
            for index in sizes.indices where !hidden.contains(index) {
                #expect(sizes[index] == 0 || sizes[index] >= threshold, "\(table): cell \(index) shown")
            }
            for breakdown in breakdowns {
                if let parent = breakdown.parent, hidden.contains(parent) {
                    #expect(breakdown.cells.allSatisfy { sizes[$0] == 0 || hidden.contains($0) }, "\(table): a part of hidden \(parent) shown")
                    continue
                }
                guard let total = breakdown.total, total >= threshold else { continue }
                let workedOut = total - breakdown.cells.filter { !hidden.contains($0) }.reduce(0) { $0 + sizes[$1] }
                #expect(workedOut == 0 || workedOut >= threshold, "\(table): \(workedOut) can be worked out of \(breakdown.cells)")
            }
        }
    }
}
