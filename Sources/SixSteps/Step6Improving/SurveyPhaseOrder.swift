import Store

extension RoadmapFile {
    /// Rows whose first column is a phase, in the order of the journey, as a resident goes through
    /// them (any journey's order when the metric names none); a phase no journey knows comes last,
    /// ties keep their order.
    func inPhaseOrder(_ rows: [Row], journey: SQLValue) throws -> [Row] {
        let positions = Dictionary(try connection.query(
            "SELECT slug, min(position) FROM journey_phases WHERE journey = coalesce(?, journey) GROUP BY slug",
            [journey]).map { ($0.string(0), $0.int(1)) }, uniquingKeysWith: min)
        return rows.enumerated().sorted { left, right in
            let l = positions[left.element.string(0)] ?? Int64.max, r = positions[right.element.string(0)] ?? Int64.max
            return l != r ? l < r : left.offset < right.offset
        }.map(\.element)
    }
}
