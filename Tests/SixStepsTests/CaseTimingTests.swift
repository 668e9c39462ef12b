import Testing

// CaseTiming.compute and CycleProcess.compute are internal parts of the process view; the
// hand-made histories below pin down each rule.
@testable import SixSteps

// Lead times, terms and the weakest link on hand-made case histories. The case type has four
// statuses: Ontvangen (1), Aanvulling (2, stops the clock), Behandeling (3) and Besluit (4, the
// last, which decides the case).
private let steps: [String: CaseStep] = [
    "Ontvangen": CaseStep(status: "Ontvangen", position: 1, department: "Intake", norm: 5),
    "Aanvulling": CaseStep(status: "Aanvulling", position: 2, department: "Aanvrager", stopsClock: true),
    "Behandeling": CaseStep(status: "Behandeling", position: 3, department: "Vergunningen", norm: 10),
    "Besluit": CaseStep(status: "Besluit", position: 4, department: "Juridisch"),
]

/// Midday of a day after 2015-03-02 (a Monday), in seconds.
private func day(_ offset: Int) -> Int64 { Timestamp(date: date("2015-03-02")).seconds + Int64(offset) * 86_400 + 43_200 }

private func history(_ statuses: [(Int, String)], term: String? = "P2W", extension extended: String? = nil, suspended: Bool = false,
                     key: Int64 = 1, start: String = "2015-03-02") -> CaseHistory {
    CaseHistory(key: key, start: date(start), term: term.flatMap { ISODuration($0) }, extendedBy: extended.flatMap { ISODuration($0) },
                suspended: suspended, statuses: statuses.map { (at: day($0.0), status: $0.1) })
}

private func timing(_ history: CaseHistory, asOf: String = "2015-12-31", workingDays: Bool = false) -> CaseTiming {
    CaseTiming.compute(history, steps: steps, asOf: date(asOf), workingDays: workingDays)
}

@Suite("Case lead times")
struct CaseTimingTests {
    @Test("a decided case: its lead time, the days of each step it left, on time within its term")
    func decided() {
        let result = timing(history([(0, "Ontvangen"), (3, "Behandeling"), (10, "Besluit")]))
        #expect(result.end == date("2015-03-12"))
        #expect(result.leadDays == 10)
        #expect(result.stepCalendarDays == ["Ontvangen": 3, "Behandeling": 7])
        #expect(result.termDays == 14)
        #expect(result.onTime == true)
        #expect(!result.reopened && !result.extended)
    }

    @Test("days in a step that stops the clock do not count against the term")
    func suspension() {
        let result = timing(history([(0, "Ontvangen"), (2, "Aanvulling"), (12, "Behandeling"), (20, "Besluit")]))
        #expect(result.suspendedDays == 10)
        #expect(result.leadDays == 10)
        #expect(result.onTime == true)
        // Without the suspension the same case would be 20 days, past its term of 14.
        let noPause = timing(history([(0, "Ontvangen"), (12, "Behandeling"), (20, "Besluit")]))
        #expect(noPause.leadDays == 20 && noPause.onTime == false)
    }

    @Test("an extension (verlenging) lengthens the term")
    func extended() {
        let statuses = [(0, "Ontvangen"), (5, "Behandeling"), (20, "Besluit")]
        let without = timing(history(statuses))
        let with = timing(history(statuses, extension: "P1W"))
        #expect(without.onTime == false && without.termDays == 14)
        #expect(with.onTime == true && with.termDays == 21 && with.extended)
    }

    @Test("an open case is late once past its term, unknown before, and unknown while its term is suspended")
    func open() {
        let statuses = [(0, "Ontvangen"), (3, "Behandeling")]
        let early = timing(history(statuses), asOf: "2015-03-10")
        #expect(early.isOpen && early.leadDays == nil && early.onTime == nil)
        let late = timing(history(statuses), asOf: "2015-03-30")
        #expect(late.isOpen && late.onTime == false)
        let suspended = timing(history(statuses, suspended: true), asOf: "2015-03-30")
        #expect(suspended.suspendedNow && suspended.onTime == nil)
        // Waiting in a step that stops the clock: the days up to the export do not count.
        let waiting = timing(history([(0, "Ontvangen"), (1, "Aanvulling")]), asOf: "2015-03-30")
        #expect(waiting.suspendedDays == 27 && waiting.onTime == nil)
        // Only the steps a case left count; the step it is in is not over yet.
        #expect(late.stepCalendarDays == ["Ontvangen": 3])
    }

    @Test("a reopened case is decided when it reaches the last status again; the days it stood closed do not count")
    func reopened() {
        let result = timing(history([(0, "Ontvangen"), (4, "Behandeling"), (10, "Besluit"), (20, "Behandeling"), (25, "Besluit")]))
        #expect(result.reopened)
        #expect(result.end == date("2015-03-27"))
        #expect(result.leadDays == 15)
        #expect(result.stepCalendarDays["Behandeling"] == 11)
        #expect(result.onTime == false)
        // Reopened and not decided again: open.
        let again = timing(history([(0, "Ontvangen"), (10, "Besluit"), (20, "Behandeling")]), asOf: "2015-03-23")
        #expect(again.reopened && again.isOpen)
    }

    @Test("working days leave out weekends and the holidays of the Algemene termijnenwet")
    func workingDays() {
        // Friday 24 April to Wednesday 6 May 2015: 12 calendar days, of which King's Day (Monday
        // 27 April), 5 May and two weekends are no working days: 6 remain.
        #expect(CaseCalendar.days(from: date("2015-04-24"), to: date("2015-05-06"), workingDays: false) == 12)
        #expect(CaseCalendar.days(from: date("2015-04-24"), to: date("2015-05-06"), workingDays: true) == 6)
        // Easter 2015 fell on 5 April: Good Friday, Easter Monday, Ascension Day and Whit Monday follow from it.
        #expect(CaseCalendar.easterSunday(2015) == Timestamp(date: date("2015-04-05")).days)
        let holidays = CaseCalendar.holidays(2015)
        for text in ["2015-04-03", "2015-04-06", "2015-05-14", "2015-05-25", "2015-01-01", "2015-12-25", "2015-12-26"] {
            #expect(holidays.contains(Timestamp(date: date(text)).days), "\(text)")
        }
        // A term of one week is five working days, or seven calendar days.
        let statuses = [(0, "Ontvangen"), (2, "Behandeling"), (8, "Besluit")]
        let calendar = timing(history(statuses, term: "P1W"))
        let working = timing(history(statuses, term: "P1W"), workingDays: true)
        #expect(calendar.leadDays == 8 && calendar.termDays == 7 && calendar.onTime == false)
        #expect(working.leadDays == 6 && working.termDays == 5 && working.onTime == false)
        #expect(working.stepWorkingDays == ["Ontvangen": 2, "Behandeling": 4])
    }

    @Test("ISO 8601 durations as the Catalogi API writes a doorlooptijd")
    func durations() {
        #expect(ISODuration("P8W") == ISODuration(weeks: 8))
        #expect(ISODuration("P1Y2M10D") == ISODuration(years: 1, months: 2, days: 10))
        for bad in ["PT5H", "8W", "P", "P1X", "P1D1D", ""] { #expect(ISODuration(bad) == nil, "\(bad)") }
        #expect(ISODuration(weeks: 8).days(from: date("2015-03-02"), workingDays: false) == 56)
        #expect(ISODuration(weeks: 8).days(from: date("2015-03-02"), workingDays: true) == 40)
        #expect(ISODuration(months: 1).days(from: date("2015-01-31"), workingDays: false) == 28)
        #expect(ISODuration(weeks: 8).description == "P8W")
    }

    @Test("percentiles, on-time share and the weakest link of a cycle")
    func cycle() throws {
        // Five decided cases of 10 to 50 days; the two past their term (14 days) overran in
        // Behandeling (norm 10) by 28 and 38 days and in Ontvangen (norm 5) by 2 and 3.
        let histories = [
            history([(0, "Ontvangen"), (2, "Behandeling"), (10, "Besluit")], key: 1),
            history([(0, "Ontvangen"), (4, "Behandeling"), (12, "Besluit")], key: 2),
            history([(0, "Ontvangen"), (4, "Behandeling"), (14, "Besluit")], key: 3),
            history([(0, "Ontvangen"), (7, "Behandeling"), (45, "Besluit")], key: 4),
            history([(0, "Ontvangen"), (8, "Behandeling"), (56, "Besluit")], key: 5),
            history([(0, "Ontvangen")], key: 6),
        ]
        let timings = histories.map { timing($0, asOf: "2015-03-10") }
        let ordered = steps.values.sorted { $0.position < $1.position }
        let process = CycleProcess.compute(cycle: "C1", cycleName: "Voorjaar", timings: timings, steps: ordered, workingDays: false, contacts: nil)
        #expect(process.cases == 6 && process.decided == 5 && process.open == 1 && process.openOverdue == 0)
        let lead = try #require(process.lead)
        #expect(lead.median == 14 && abs(lead.p80 - 47.2) < 1e-9 && abs(lead.p90 - 51.6) < 1e-9)
        #expect(process.judged == 5 && process.onTime == 3 && process.onTimeShare == 60)
        #expect(process.weakestLink == "Behandeling")
        let behandeling = try #require(process.steps.first { $0.step.status == "Behandeling" })
        #expect(behandeling.overrunDays == 28 + 38)
        #expect(behandeling.overNormShare == 40)
        let ontvangen = try #require(process.steps.first { $0.step.status == "Ontvangen" })
        #expect(ontvangen.overrunDays == 2 + 3)
        #expect(abs(behandeling.overrunShare - 66.0 / 71 * 100) < 1e-9)
        // The last status is no step: a case never spends time "in" its decision.
        #expect(!process.steps.contains { $0.step.status == "Besluit" })
    }

    @Test("the Mann-Whitney test of two samples of lead times")
    func mannWhitney() throws {
        let p = try #require(Statistics.mannWhitneyP([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]))
        #expect(abs(p - 0.012185780355344818) < 1e-12)
        #expect(Statistics.mannWhitneyP([3, 3, 3], [3, 3, 3]) == 1)
        #expect(Statistics.mannWhitneyP([], [1]) == nil)
    }
}
