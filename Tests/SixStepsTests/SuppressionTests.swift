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
}
