/// Median, 80th and 90th percentile of a number of days.
public struct DaySpread: Sendable, Equatable {
    public let n: Int
    public let median: Double
    public let p80: Double
    public let p90: Double

    init?(_ values: [Int]) {
        let sorted = values.map(Double.init).sorted()
        guard let median = Statistics.percentile(sorted, 50), let p80 = Statistics.percentile(sorted, 80),
              let p90 = Statistics.percentile(sorted, 90) else { return nil }
        (n, self.median, self.p80, self.p90) = (sorted.count, median, p80, p90)
    }

    var json: JSON {
        .object(JSONObject([("n", .int(Int64(n))), ("median", .double(median)), ("p80", .double(p80)), ("p90", .double(p90))]))
    }
}

/// One step of the process in one cycle.
public struct StepFigures: Sendable {
    public let step: CaseStep
    /// Days in the step of the cases that left it, in the unit of its norm.
    public let spread: DaySpread?
    /// The share (0–100) of those cases over the step's norm; nil without a norm.
    public let overNormShare: Double?
    /// What the step is held to in the weakest-link sum: its norm, or without one the median of
    /// the cases decided on time (what the step usually takes).
    public let yardstick: Double?
    /// Days beyond the yardstick, added up over the cases past their term.
    public let overrunDays: Int
    /// `overrunDays` as a share (0–100) of all steps' overrun days.
    public let overrunShare: Double
}

/// The process of a journey in one cycle (cases by their start date).
public struct CycleProcess: Sendable {
    public let cycle: String
    public let cycleName: String
    public let cases: Int
    public let decided: Int
    public let open: Int
    /// Open cases already past their term.
    public let openOverdue: Int
    public let suspendedNow: Int
    public let extended: Int
    public let reopened: Int
    /// Lead times of the decided cases.
    public let lead: DaySpread?
    /// Cases whose verdict on time is known (decided with a term, or open and past it), and of
    /// those on time.
    public let judged: Int
    public let onTime: Int
    public let steps: [StepFigures]
    /// The step that adds the most days to the cases past their term; nil when none overran.
    public let weakestLink: String?
    /// The lead times themselves, for the test of change between cycles.
    public let leadDays: [Int]
    public let contacts: ContactsPerOverrun?

    public var onTimeShare: Double? { judged > 0 ? Double(onTime) * 100 / Double(judged) : nil }

    public var weakest: StepFigures? { steps.first { $0.step.status == weakestLink } }

    /// The figures of one cycle from the timings of its cases.
    static func compute(cycle: String, cycleName: String, timings: [CaseTiming], steps: [CaseStep],
                        workingDays: Bool, contacts: ContactsPerOverrun?) -> CycleProcess {
        let finalPosition = steps.map(\.position).max()
        let late = timings.filter { $0.onTime == false }
        let punctual = timings.filter { $0.onTime == true }
        var figures: [StepFigures] = []
        var overruns: [String: Int] = [:]
        var yardsticks: [String: Double] = [:]
        let shown = steps.filter { $0.position != finalPosition }
        for step in shown where !step.stopsClock {
            let yardstick = step.norm ?? DaySpread(punctual.compactMap { $0.days(in: step) })?.median
            yardsticks[step.status] = yardstick
            guard let yardstick else { continue }
            overruns[step.status] = late.reduce(0) { sum, timing in
                sum + max(0, Int((Double(timing.days(in: step) ?? 0) - yardstick).rounded(.up)))
            }
        }
        let totalOverrun = overruns.values.reduce(0, +)
        for step in shown {
            let days = timings.compactMap { $0.days(in: step) }
            let overNorm = step.norm.flatMap { norm in
                days.isEmpty ? nil : Double(days.filter { Double($0) > norm }.count) * 100 / Double(days.count)
            }
            let overrun = overruns[step.status] ?? 0
            figures.append(StepFigures(step: step, spread: DaySpread(days), overNormShare: overNorm, yardstick: yardsticks[step.status],
                                       overrunDays: overrun,
                                       overrunShare: totalOverrun > 0 ? Double(overrun) * 100 / Double(totalOverrun) : 0))
        }
        let weakest = figures.filter { $0.overrunDays > 0 }
            .max { ($0.overrunDays, -$0.step.position) < ($1.overrunDays, -$1.step.position) }
        let leads = timings.compactMap(\.leadDays)
        return CycleProcess(
            cycle: cycle, cycleName: cycleName, cases: timings.count, decided: timings.filter { !$0.isOpen }.count,
            open: timings.filter(\.isOpen).count, openOverdue: timings.filter { $0.isOpen && $0.onTime == false }.count,
            suspendedNow: timings.filter(\.suspendedNow).count, extended: timings.filter(\.extended).count,
            reopened: timings.filter(\.reopened).count, lead: DaySpread(leads), judged: late.count + punctual.count,
            onTime: punctual.count, steps: figures, weakestLink: weakest?.step.status, leadDays: leads, contacts: contacts)
    }
}

/// How many contacts the cases past their term drew against the cases within it: the
/// "reaction elsewhere" of an overrun. Only from contacts that carry the case's key.
public struct ContactsPerOverrun: Sendable {
    public let lateCases: Int
    public let lateMean: Double
    public let onTimeCases: Int
    public let onTimeMean: Double
    /// Welch's test of the two means of contacts per case.
    public let p: Double?

    public var difference: Double { lateMean - onTimeMean }

    /// Welch's p as a verdict on noise, like every other change the tool reports.
    public var noise: NoiseVerdict {
        guard let p else { return .unknown }
        return p < 0.05 ? .significant(p: p) : .withinNoise(p: p)
    }

    /// From the number of contacts of each late and each on-time case; nil when either group is
    /// smaller than the privacy threshold or no case drew a contact.
    static func compute(late: [Int], onTime: [Int], threshold: Int) -> ContactsPerOverrun? {
        guard late.count >= threshold, onTime.count >= threshold, late.count + onTime.count > 0,
              (late + onTime).contains(where: { $0 > 0 }) else { return nil }
        let a = late.map(Double.init), b = onTime.map(Double.init)
        return ContactsPerOverrun(lateCases: a.count, lateMean: SampleSummary(values: a).mean, onTimeCases: b.count,
                                  onTimeMean: SampleSummary(values: b).mean, p: Statistics.welch(b, a)?.p)
    }
}

/// The change of the process from one cycle to the next, each with its test for noise: the
/// on-time share by the two-proportion z-test, the lead time by the Mann–Whitney test.
public struct ProcessChange: Sendable {
    public let from: String
    public let to: String
    public let onTimeChange: Double?
    public let onTimeNoise: NoiseVerdict
    public let medianChange: Double?
    public let leadNoise: NoiseVerdict

    static func between(_ before: CycleProcess, _ after: CycleProcess) -> ProcessChange {
        var onTimeNoise = NoiseVerdict.unknown
        if let p1 = before.onTimeShare, let p2 = after.onTimeShare,
           let p = Statistics.twoProportionP(p1 / 100, before.judged, p2 / 100, after.judged) {
            onTimeNoise = p < 0.05 ? .significant(p: p) : .withinNoise(p: p)
        }
        var leadNoise = NoiseVerdict.unknown
        if let p = Statistics.mannWhitneyP(before.leadDays.map(Double.init), after.leadDays.map(Double.init)) {
            leadNoise = p < 0.05 ? .significant(p: p) : .withinNoise(p: p)
        }
        let onTimeChange = before.onTimeShare.flatMap { b in after.onTimeShare.map { $0 - b } }
        let medianChange = before.lead.flatMap { b in after.lead.map { $0.median - b.median } }
        return ProcessChange(from: before.cycle, to: after.cycle, onTimeChange: onTimeChange, onTimeNoise: onTimeNoise,
                             medianChange: medianChange, leadNoise: leadNoise)
    }
}
