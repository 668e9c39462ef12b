/// How often each theme comes up: per cycle with the change since the cycle before, and per
/// phase, channel and persona. Groups below the privacy threshold are suppressed.
public struct ThemeCell: Sendable, Equatable {
    public let label: String
    /// Comments with the theme; nil when suppressed.
    public let count: Int?
    /// Of those, the ones a manager confirmed; nil when suppressed.
    public let confirmed: Int?

    public var suppressed: Bool { count == nil }

    public init(label: String, count: Int?, confirmed: Int?) {
        self.label = label
        self.count = count
        self.confirmed = confirmed
    }

    var json: JSONObject {
        JSONObject([("group", .string(label)), ("suppressed", .bool(suppressed)),
                    ("count", count.map { .int(Int64($0)) } ?? .null), ("confirmed", confirmed.map { .int(Int64($0)) } ?? .null)])
    }
}

public struct ThemeCycle: Sendable, Equatable {
    public let cycle: String
    /// All comments in the cycle.
    public let comments: Int
    public let cell: ThemeCell
    /// The theme's share of the cycle's comments, 0…1; nil when suppressed.
    public var share: Double? { cell.count.map { comments > 0 ? Double($0) / Double(comments) : 0 } }
    /// The change of the share since the cycle before, in percentage points.
    public let change: Double?
}

public struct ThemeSummary: Sendable {
    public let theme: Theme
    public let total: ThemeCell
    public let cycles: [ThemeCycle]
    public let byPhase: [ThemeCell]
    public let byChannel: [ThemeCell]
    public let byPersona: [ThemeCell]
    /// Findings that name this theme as their evidence.
    public let findings: [String]

    public var json: JSONObject {
        JSONObject([
            ("theme", .string(theme.slug)), ("name", .string(theme.name)), ("total", .object(total.json)),
            ("cycles", .array(cycles.map { cycle in
                var object = cycle.cell.json
                object.append("comments", .int(Int64(cycle.comments)))
                object.append("share", cycle.share.map { .double($0.rounded(toPlaces: 4)) } ?? .null)
                object.append("change_points", cycle.change.map { .double($0.rounded(toPlaces: 2)) } ?? .null)
                return .object(object)
            })),
            ("by_phase", .array(byPhase.map { .object($0.json) })), ("by_channel", .array(byChannel.map { .object($0.json) })),
            ("by_persona", .array(byPersona.map { .object($0.json) })), ("findings", .array(findings.map(JSON.string))),
        ])
    }
}

public struct ThemeReport: Sendable {
    public let threshold: Int
    public let comments: Int
    /// Comments without any theme, confirmed or suggested.
    public let uncoded: Int
    public let themes: [ThemeSummary]

    public var json: JSONObject {
        JSONObject([("threshold", .int(Int64(threshold))), ("comments", .int(Int64(comments))), ("uncoded", .int(Int64(uncoded))),
                    ("themes", .array(themes.map { .object($0.json) }))])
    }
}

extension ThemeCell {
    /// Cells of one row, with primary suppression (1 to threshold − 1 comments) and secondary
    /// suppression: when one cell alone is hidden, the row's total would give it away, so the
    /// smallest other non-empty cell is hidden too.
    static func suppressing(_ counts: [(label: String, count: Int, confirmed: Int)], threshold: Int) -> [ThemeCell] {
        var hidden = Set(counts.indices.filter { counts[$0].count > 0 && counts[$0].count < threshold })
        if hidden.count == 1, let next = counts.indices.filter({ !hidden.contains($0) && counts[$0].count > 0 })
            .min(by: { counts[$0].count < counts[$1].count }) {
            hidden.insert(next)
        }
        return counts.indices.map { index in
            hidden.contains(index) ? ThemeCell(label: counts[index].label, count: nil, confirmed: nil)
                : ThemeCell(label: counts[index].label, count: counts[index].count, confirmed: counts[index].confirmed)
        }
    }
}

extension RoadmapFile {
    public func themeReport() throws -> ThemeReport {
        try read {
            let threshold = try privacyThreshold()
            let comments = try codedComments()
            let cycles = try cyclesInOrder().map(\.ref)
            let perCycle = Dictionary(grouping: comments, by: \.cycle).mapValues(\.count)
            var findings: [String: [String]] = [:]
            for row in try connection.query("SELECT theme, finding FROM finding_themes ORDER BY finding") {
                findings[row.string(0), default: []].append(Kind.finding.ref(row[1]))
            }
            let summaries = try themes().map { theme -> ThemeSummary in
                let with = comments.compactMap { comment in
                    comment.themes.first { $0.theme == theme.slug }.map { (comment, $0.state) }
                }
                func row(_ key: (CodedComment) -> String?, unknown: String) -> [ThemeCell] {
                    let groups = Dictionary(grouping: with) { key($0.0) ?? unknown }
                    let counts = groups.keys.sorted().map { label in
                        (label: label, count: groups[label]?.count ?? 0,
                         confirmed: groups[label]?.filter { $0.1 == .confirmed }.count ?? 0)
                    }
                    return ThemeCell.suppressing(counts, threshold: threshold)
                }
                let total = ThemeCell.suppressing([(label: "all", count: with.count,
                                                    confirmed: with.filter { $0.1 == .confirmed }.count)], threshold: threshold)[0]
                let cycleCells = ThemeCell.suppressing(cycles.map { cycle in
                    let inCycle = with.filter { $0.0.cycle == cycle }
                    return (label: cycle, count: inCycle.count, confirmed: inCycle.filter { $0.1 == .confirmed }.count)
                }, threshold: threshold)
                var previous: Double?
                var themeCycles: [ThemeCycle] = []
                for cell in cycleCells where (perCycle[cell.label] ?? 0) > 0 {
                    let comments = perCycle[cell.label] ?? 0
                    let share = cell.count.map { Double($0) / Double(comments) }
                    themeCycles.append(ThemeCycle(cycle: cell.label, comments: comments, cell: cell,
                                                  change: share.flatMap { now in previous.map { (now - $0) * 100 } }))
                    previous = share
                }
                return ThemeSummary(theme: theme, total: total, cycles: themeCycles,
                                    byPhase: row({ $0.phase }, unknown: "–"), byChannel: row({ $0.channel }, unknown: "–"),
                                    byPersona: row({ $0.persona }, unknown: "–"), findings: findings[theme.slug] ?? [])
            }
            return ThemeReport(threshold: threshold, comments: comments.count,
                               uncoded: comments.filter { $0.themes.isEmpty }.count, themes: summaries)
        }
    }

    /// Names themes as the evidence of a finding (or, with `remove`, no longer).
    public func linkFindingThemes(_ findingRef: String, _ slugs: [String], remove: Bool) throws {
        try write {
            let finding = try record(.finding, findingRef)
            for slug in slugs {
                _ = try theme(slug)
                if remove {
                    try connection.run("DELETE FROM finding_themes WHERE finding = ? AND theme = ?", [finding.key, .text(slug)])
                } else {
                    try connection.run("INSERT OR IGNORE INTO finding_themes (finding, theme) VALUES (?, ?)", [finding.key, .text(slug)])
                }
            }
            try audit(action: remove ? "unlink" : "link", record: finding.ref,
                      summary: "\(finding.ref) \(remove ? "no longer has" : "has") theme evidence \(slugs.joined(separator: ", "))",
                      before: nil, after: nil)
        }
    }
}
