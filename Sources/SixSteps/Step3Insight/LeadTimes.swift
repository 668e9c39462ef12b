/// A status type read as a step of a case's process: from the moment its status is set until
/// the next status, the case is in this step, with the department that owns it.
public struct CaseStep: Sendable, Equatable {
    public var status: String
    public var position: Int
    public var phase: String?
    public var department: String?
    /// The manager's norm for the step, in days; working days when `normWorking`.
    public var norm: Double?
    public var normWorking: Bool
    /// In this step the term is suspended (opschorting): its days do not count against the term.
    public var stopsClock: Bool

    public init(status: String, position: Int, phase: String? = nil, department: String? = nil, norm: Double? = nil,
                normWorking: Bool = false, stopsClock: Bool = false) {
        self.status = status
        self.position = position
        self.phase = phase
        self.department = department
        self.norm = norm
        self.normWorking = normWorking
        self.stopsClock = stopsClock
    }
}

/// One case as the case system has it: its dates, its term and every status it was given.
public struct CaseHistory: Sendable {
    public var key: Int64
    public var start: ISODate
    /// The einddatum the case system gave, if any.
    public var end: ISODate?
    /// The zaaktype's doorlooptijd: the term of the whole case.
    public var term: ISODuration?
    /// The uiterlijkeEinddatumAfdoening, used when the type has no doorlooptijd.
    public var deadline: ISODate?
    /// The verlenging's duur.
    public var extendedBy: ISODuration?
    /// The opschorting's indicatie at the export.
    public var suspended: Bool
    /// The statuses in any order: when (seconds since 1970) and which status type.
    public var statuses: [(at: Int64, status: String)]

    public init(key: Int64, start: ISODate, end: ISODate? = nil, term: ISODuration? = nil, deadline: ISODate? = nil,
                extendedBy: ISODuration? = nil, suspended: Bool = false, statuses: [(at: Int64, status: String)] = []) {
        self.key = key
        self.start = start
        self.end = end
        self.term = term
        self.deadline = deadline
        self.extendedBy = extendedBy
        self.suspended = suspended
        self.statuses = statuses
    }
}

/// What a case's history says about its lead time. All days are in one unit: calendar days, or
/// working days when counted so.
public struct CaseTiming: Sendable {
    public let key: Int64
    public let start: ISODate
    /// The day the case was decided; nil while it is open.
    public let end: ISODate?
    /// Days from start to decision, less the days the term was suspended and the days the case
    /// stood closed before it was reopened; nil while open.
    public let leadDays: Int?
    /// Days the term was suspended (steps that stop the clock).
    public let suspendedDays: Int
    /// The term (doorlooptijd plus verlenging) in days; nil when the case has none.
    public let termDays: Int?
    /// Decided within the term: true or false; for an open case false once it is past its term
    /// and nil before; nil without a term, or for an open case whose term is suspended.
    public let onTime: Bool?
    public let reopened: Bool
    public let extended: Bool
    /// Open, and the case system says its term is suspended.
    public let suspendedNow: Bool
    /// Days spent in each step that the case left, per status type (visits added up), in
    /// calendar days and in working days (a step's norm can be in either).
    public let stepCalendarDays: [String: Int]
    public let stepWorkingDays: [String: Int]

    public var isOpen: Bool { end == nil }

    /// Reads the history with the steps of its type (by status name) as of `asOf`. The step with
    /// the highest position ends the case; a status after it reopens the case, which is then
    /// decided when it reaches that step again.
    public static func compute(_ history: CaseHistory, steps: [String: CaseStep], asOf: ISODate, workingDays: Bool) -> CaseTiming {
        let ordered = history.statuses.sorted { ($0.at, steps[$0.status]?.position ?? 0) < ($1.at, steps[$1.status]?.position ?? 0) }
        let finalPosition = steps.values.map(\.position).max()
        func isFinal(_ status: String) -> Bool { finalPosition != nil && steps[status]?.position == finalPosition }
        let dates = ordered.map { Timestamp(seconds: $0.at).date }
        func count(_ from: ISODate, _ to: ISODate) -> Int { CaseCalendar.days(from: from, to: to, workingDays: workingDays) }

        var end: ISODate?
        if let last = ordered.last, let lastDate = dates.last {
            if isFinal(last.status) {
                end = max(lastDate, history.end ?? lastDate)
            } else if let given = history.end, dates.allSatisfy({ $0 <= given }) {
                end = given
            }
        } else {
            end = history.end
        }

        var calendarSteps: [String: Int] = [:]
        var workingSteps: [String: Int] = [:]
        var paused = 0
        var reopened = false
        var closedBefore = false
        for index in ordered.indices {
            let status = ordered[index].status
            if isFinal(status) { closedBefore = true } else if closedBefore { reopened = true }
            let stepEnd: ISODate
            if index + 1 < ordered.count {
                stepEnd = dates[index + 1]
                calendarSteps[status, default: 0] += CaseCalendar.days(from: dates[index], to: stepEnd, workingDays: false)
                workingSteps[status, default: 0] += CaseCalendar.days(from: dates[index], to: stepEnd, workingDays: true)
            } else if end == nil {
                stepEnd = max(asOf, dates[index])
            } else {
                continue
            }
            // Days in a step that stops the clock, and days a case stood decided before it was
            // reopened, do not count against its term.
            if steps[status]?.stopsClock == true || (isFinal(status) && index + 1 < ordered.count) {
                paused += count(dates[index], stepEnd)
            }
        }

        var termDays: Int?
        if let term = history.term {
            termDays = term.days(from: history.start, workingDays: workingDays)
        } else if let deadline = history.deadline {
            termDays = count(history.start, deadline)
        }
        if let extendedBy = history.extendedBy, let base = termDays {
            termDays = base + extendedBy.days(from: history.start, workingDays: workingDays)
        }
        let lead = end.map { max(0, count(history.start, $0) - paused) }
        var onTime: Bool?
        let suspendedNow = end == nil && history.suspended
        if let termDays {
            if let lead {
                onTime = lead <= termDays
            } else if !suspendedNow, max(0, count(history.start, asOf) - paused) > termDays {
                onTime = false
            }
        }
        return CaseTiming(key: history.key, start: history.start, end: end, leadDays: lead, suspendedDays: paused,
                          termDays: termDays, onTime: onTime, reopened: reopened, extended: history.extendedBy != nil,
                          suspendedNow: suspendedNow, stepCalendarDays: calendarSteps, stepWorkingDays: workingSteps)
    }

    /// Days spent in a step in the unit of its norm.
    public func days(in step: CaseStep) -> Int? {
        step.normWorking ? stepWorkingDays[step.status] : stepCalendarDays[step.status]
    }
}
