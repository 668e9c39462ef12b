/// An ISO 8601 duration as the Catalogi and Zaken APIs write a doorlooptijd, servicenorm or
/// verlenging: `P8W`, `P56D`, `P2M`, `P1Y2M10D`. Hours and smaller parts are refused: a term of a
/// case is counted in days.
public struct ISODuration: Sendable, Equatable, CustomStringConvertible {
    public var years = 0
    public var months = 0
    public var weeks = 0
    public var days = 0

    public init(years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0) {
        (self.years, self.months, self.weeks, self.days) = (years, months, weeks, days)
    }

    public init?(_ text: String) {
        var rest = Substring(text.trimmingSpaces.uppercased())
        guard rest.first == "P", rest.count > 1 else { return nil }
        rest = rest.dropFirst()
        var parsed = ISODuration()
        var seen = ""
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 5, let value = Int(digits), let unit = rest.dropFirst(digits.count).first,
                  !seen.contains(unit) else { return nil }
            seen.append(unit)
            switch unit {
            case "Y": parsed.years = value
            case "M": parsed.months = value
            case "W": parsed.weeks = value
            case "D": parsed.days = value
            default: return nil
            }
            rest = rest.dropFirst(digits.count + 1)
        }
        self = parsed
    }

    public var description: String {
        var text = "P"
        if years > 0 { text += "\(years)Y" }
        if months > 0 { text += "\(months)M" }
        if weeks > 0 { text += "\(weeks)W" }
        if days > 0 || text == "P" { text += "\(days)D" }
        return text
    }

    /// The number of days this duration runs from `start`: months and years by the calendar;
    /// weeks and days as calendar days, or, counting in working days, a week as five of them.
    public func days(from start: ISODate, workingDays: Bool) -> Int {
        var date = start
        if years > 0 || months > 0 {
            let total = date.month - 1 + months + 12 * years
            let year = date.year + total / 12, month = total % 12 + 1
            date = ISODate(year: year, month: month, day: min(date.day, ISODate.days(inMonth: month, year: year))) ?? date
        }
        let calendarPart = CaseCalendar.days(from: start, to: date, workingDays: workingDays)
        return calendarPart + (workingDays ? weeks * 5 : weeks * 7) + days
    }
}

/// Counting days between two dates, in calendar days or in working days. A working day is one
/// that the Algemene termijnenwet does not except: not a Saturday or Sunday, nor New Year's Day,
/// Good Friday, Easter Monday, King's Day, 5 May, Ascension Day, Whit Monday or Christmas.
public enum CaseCalendar {
    /// Days after `start` up to and including `end` (negative when `end` is earlier).
    public static func days(from start: ISODate, to end: ISODate, workingDays: Bool) -> Int {
        let first = Timestamp.days(from: start), last = Timestamp.days(from: end)
        guard workingDays else { return Int(last - first) }
        if last < first { return -days(from: end, to: start, workingDays: true) }
        var count = 0
        var day = first + 1
        while day <= last {
            if isWorkingDay(day) { count += 1 }
            day += 1
        }
        return count
    }

    /// Whether the day (days since 1970-01-01) is a working day.
    static func isWorkingDay(_ day: Int64) -> Bool {
        // 1970-01-01 was a Thursday: 0 Thursday … 2 Saturday, 3 Sunday.
        let weekday = ((day % 7) + 7) % 7
        if weekday == 2 || weekday == 3 { return false }
        return !holidays(Timestamp(seconds: day * 86_400).date.year).contains(day)
    }

    /// The general holidays of the Algemene termijnenwet in `year`, as days since 1970.
    static func holidays(_ year: Int) -> Set<Int64> {
        func day(_ month: Int, _ dayOfMonth: Int) -> Int64 { dayNumber(year, month, dayOfMonth) }
        let easter = easterSunday(year)
        var kingsDay = day(4, 27)
        // King's Day on a Sunday moves to the Saturday before (already no working day).
        if ((kingsDay % 7) + 7) % 7 == 3 { kingsDay -= 1 }
        return [day(1, 1), easter - 2, easter + 1, kingsDay, day(5, 5), easter + 39, easter + 50, day(12, 25), day(12, 26)]
    }

    /// Easter Sunday (the anonymous Gregorian algorithm), as days since 1970.
    static func easterSunday(_ year: Int) -> Int64 {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, dayOfMonth = (h + l - 7 * m + 114) % 31 + 1
        return dayNumber(year, month, dayOfMonth)
    }

    /// Days since 1970 of a date the calendar rules above make, which always exists.
    private static func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        ISODate(year: year, month: month, day: day).map { Timestamp(date: $0).days } ?? Int64.min
    }
}
