import SixSteps

/// Everything the site shows, read from the roadmap file in one transaction: the site is a
/// consistent snapshot even while someone else is writing.
public struct SiteData: Sendable {
    public let municipality: String
    public let theme: Theme
    public let vision: Vision?
    public let phases: [String: [Phase]]
    public let ranked: [RankedOpportunity]
    /// Every item, dropped ones included, in roadmap order.
    public let roadmap: [RoadmapEntry]
    public let links: [LinkKind: [Link]]
    public let status: StatusReport
    /// One report per cycle, in the order the cycles ran.
    public let reports: [CycleReport]
    public let surveys: [SurveyResults]
    public let channelMix: [ChannelMix]
    /// What the contact volumes predict for the coming year.
    public let forecasts: VolumeForecastReport
    /// Each done item's effect on the contacts it should change, by item ref.
    public let itemEffects: [String: [ItemVolumeEffect]]
    /// What residents say, counted per theme of the codebook.
    public let themes: ThemeReport
    /// Quotable comments with their themes: the only comments the site shows.
    public let codedQuotes: [CodedComment]
    /// Every assumption with its verdict after every cycle.
    public let assumptions: [AssumptionStatus]
    /// Repeat contacts and channel switches from the contact registrations.
    public let contacts: ContactReport
    /// Only the comments a manager marked as quotable.
    public let quotes: [Quote]
    /// The measured journey curves, by journey slug; a journey without them is not a key.
    public let curves: [String: [JourneyCurve]]
    /// The process behind each journey that case types serve, from the case system, by slug.
    public let processes: [String: JourneyProcess]
    public let scoring: ScoringModel
    public let threshold: Int
    public let today: ISODate
    /// The decimals of each metric's values, by slug: one precision rule for every page.
    public let decimals: [String: Int]

    private let recordsByKind: [Kind: [Record]]
    private let index: [Kind: [String: Record]]
    /// Links by the ref they start at and by the ref they end at: pages look them up thousands
    /// of times.
    private let forward: [LinkKind: [String: [Link]]]
    private let backward: [LinkKind: [String: [Link]]]
    private let measurementsByMetric: [String: [Record]]
    private let latestByMetric: [String: MetricComparison]
    private let surveysByMetric: [String: [SurveyResults]]

    public func records(_ kind: Kind) -> [Record] { recordsByKind[kind] ?? [] }
    public func record(_ kind: Kind, _ ref: String) -> Record? { index[kind]?[ref] }

    /// The cycles in the order they ran.
    public var cycles: [Record] { reports.map(\.cycle) }

    public static func load(from file: RoadmapFile, today: ISODate = .today()) throws -> SiteData {
        try file.read {
            var recordsByKind: [Kind: [Record]] = [:]
            var index: [Kind: [String: Record]] = [:]
            for kind in Kind.allCases {
                let records = try file.records(kind)
                recordsByKind[kind] = records
                index[kind] = Dictionary(records.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
            }
            var phases: [String: [Phase]] = [:]
            for journey in recordsByKind[.journey] ?? [] { phases[journey.ref] = try file.phases(of: journey.ref) }
            var links: [LinkKind: [Link]] = [:]
            var forward: [LinkKind: [String: [Link]]] = [:]
            var backward: [LinkKind: [String: [Link]]] = [:]
            for kind in LinkKind.allCases {
                let all = try file.allLinks(kind)
                links[kind] = all
                forward[kind] = Dictionary(grouping: all, by: \.fromRef)
                backward[kind] = Dictionary(grouping: all, by: \.toRef)
            }
            let contacts = try file.contactReport()
            let assumptions = try file.assumptionStatuses(contacts: contacts)
            let cycles = try file.cyclesInOrder()
            let reports = try cycles.map { try file.cycleReport($0.ref, today: today) }
            let surveys = try file.allSurveyResults()
            return SiteData(
                municipality: try file.setting(.municipality) ?? "",
                theme: try Theme.load(from: file),
                vision: try file.vision(),
                phases: phases,
                ranked: try file.rankedOpportunities(),
                roadmap: try file.roadmap(includeDropped: true, today: today),
                links: links,
                status: try file.status(today: today, assumptions: assumptions),
                reports: reports,
                surveys: surveys,
                channelMix: try file.channelMix(),
                forecasts: try file.volumeForecasts(),
                itemEffects: Dictionary(grouping: try file.itemVolumeEffects(), by: \.target.item),
                themes: try file.themeReport(),
                codedQuotes: try file.codedComments().filter(\.quotable),
                assumptions: assumptions,
                contacts: contacts,
                quotes: try file.quotes(),
                curves: try file.journeyCurves(),
                processes: Dictionary(try file.journeyProcesses().map { ($0.journey, $0) }, uniquingKeysWith: { first, _ in first }),
                scoring: try file.scoringModel(),
                threshold: try file.privacyThreshold(),
                today: today,
                decimals: try file.metricDecimals(),
                recordsByKind: recordsByKind,
                index: index,
                forward: forward,
                backward: backward,
                measurementsByMetric: Dictionary(grouping: recordsByKind[.measurement] ?? [], by: { $0[.metric].string ?? "" }),
                latestByMetric: reports.reduce(into: [:]) { latest, report in
                    for comparison in report.comparisons where comparison.current != nil { latest[comparison.slug] = comparison }
                },
                surveysByMetric: Dictionary(grouping: surveys, by: \.metric))
        }
    }

    public func links(_ kind: LinkKind) -> [Link] { links[kind] ?? [] }

    /// The links of `kind` that start at `ref`: an opportunity's findings, an item's metrics.
    public func links(_ kind: LinkKind, from ref: String) -> [Link] { forward[kind]?[ref] ?? [] }

    /// The links of `kind` that end at `ref`: the opportunities that address a finding.
    public func links(_ kind: LinkKind, to ref: String) -> [Link] { backward[kind]?[ref] ?? [] }

    public func targets(_ kind: LinkKind, from ref: String) -> [String] { links(kind, from: ref).map(\.toRef) }
    public func sources(_ kind: LinkKind, to ref: String) -> [String] { links(kind, to: ref).map(\.fromRef) }

    public func measurements(of metric: String) -> [Record] { measurementsByMetric[metric] ?? [] }

    /// The comparison of the last cycle in which the metric was measured.
    public func latest(_ metric: String) -> MetricComparison? { latestByMetric[metric] }

    /// A metric's survey results, in the order the cycles ran.
    public func surveys(of metric: String) -> [SurveyResults] { surveysByMetric[metric] ?? [] }

    /// A journey's measured curves, one per metric with responses in its phases, by metric slug.
    public func curves(of journey: String) -> [JourneyCurve] { curves[journey] ?? [] }
}
