/// Primary and secondary suppression of one breakdown, the way statistical offices protect a
/// table: a cell of fewer than `threshold` people is suppressed (primary), and when the total of
/// the breakdown is published, enough other cells are suppressed too (secondary) that what is
/// hidden cannot be worked out as the total minus what is shown. That difference — the
/// suppressed cells together with anyone the breakdown does not list (no phase given, no
/// journey) — must be nobody, or at least `threshold` people. Each extra cell is the smallest
/// one still shown, so as little as possible is lost; when even suppressing every cell leaves a
/// difference below the threshold, the total must go too.
///
/// One breakdown at a time: survey groups per phase, channel or persona; the repeat-contact
/// groups per journey, reason or month; the channel flows of one step; a score distribution.
public struct Suppression: Sendable, Equatable {
    /// The positions of the cells that must not be shown.
    public let cells: Set<Int>
    /// The total must not be shown either.
    public let total: Bool

    public init(cells: Set<Int>, total: Bool) {
        self.cells = cells
        self.total = total
    }

    /// - Parameters:
    ///   - sizes: the number of people in each cell, in the breakdown's order.
    ///   - total: the number of people in the whole, when it is published beside the cells
    ///     (nil when it is not, and so cannot be differenced against).
    ///   - hidden: cells already suppressed for another reason, such as another breakdown they
    ///     are part of.
    public static func plan(sizes: [Int], total: Int?, threshold: Int, hidden alreadyHidden: Set<Int> = []) -> Suppression {
        var hidden = alreadyHidden.union(sizes.indices.filter { sizes[$0] > 0 && sizes[$0] < threshold })
        guard let total else { return Suppression(cells: hidden, total: false) }
        guard total >= threshold else { return Suppression(cells: Set(sizes.indices.filter { sizes[$0] > 0 }), total: total > 0) }
        var derivable = total - sizes.indices.filter { !hidden.contains($0) }.reduce(0) { $0 + sizes[$1] }
        while derivable > 0 && derivable < threshold {
            let shown = sizes.indices.filter { !hidden.contains($0) && sizes[$0] > 0 }
            guard let smallest = shown.min(by: { (sizes[$0], $0) < (sizes[$1], $1) }) else {
                return Suppression(cells: hidden, total: true)
            }
            hidden.insert(smallest)
            derivable += sizes[smallest]
        }
        return Suppression(cells: hidden, total: false)
    }

    /// The people in the hidden cells and outside the breakdown together: what a reader can work
    /// out from the total, which the plan keeps at nobody or at least the threshold.
    public static func hiddenPeople(sizes: [Int], total: Int, plan: Suppression) -> Int {
        total - sizes.indices.filter { !plan.cells.contains($0) }.reduce(0) { $0 + sizes[$1] }
    }

    /// One breakdown of several that share cells: the cells it adds up, and what they add up to
    /// when that is published. `parent` is the cell the breakdown is a breakdown of (a month's
    /// journeys are a breakdown of the month), whose suppression takes its whole breakdown along:
    /// otherwise the shown parts would add up to the hidden parent.
    public struct Breakdown: Sendable {
        public let cells: [Int]
        public let total: Int?
        public let parent: Int?

        public init(cells: [Int], total: Int?, parent: Int? = nil) {
            self.cells = cells
            self.total = total
            self.parent = parent
        }
    }

    /// Suppression across breakdowns that share cells, as a cross table of phase by persona or
    /// months grouped by cycle: each breakdown is planned with what the others hid, over and over,
    /// until no breakdown hides another cell. A cell hidden in one breakdown can then not be
    /// worked out from another. It ends because every round only hides more.
    public static func linked(sizes: [Int], breakdowns: [Breakdown], threshold: Int) -> Set<Int> {
        var hidden = Set(sizes.indices.filter { sizes[$0] > 0 && sizes[$0] < threshold })
        var changed = true
        while changed {
            changed = false
            for breakdown in breakdowns {
                let before = hidden.count
                if let parent = breakdown.parent, hidden.contains(parent) {
                    hidden.formUnion(breakdown.cells.filter { sizes[$0] > 0 })
                } else {
                    let local = Set(breakdown.cells.indices.filter { hidden.contains(breakdown.cells[$0]) })
                    let plan = plan(sizes: breakdown.cells.map { sizes[$0] }, total: breakdown.total,
                                    threshold: threshold, hidden: local)
                    hidden.formUnion(plan.cells.map { breakdown.cells[$0] })
                    if plan.total, let parent = breakdown.parent { hidden.insert(parent) }
                }
                changed = changed || hidden.count != before
            }
        }
        return hidden
    }
}
