/// A moment as a contact centre registers it: a date and a time of day in local time, to the
/// second, kept as seconds since 1970-01-01 00:00 so that contacts sort and subtract as numbers.
/// No time zone: every registration of a municipality is in the same one.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let seconds: Int64

    public init(seconds: Int64) {
        self.seconds = seconds
    }

    public init(date: ISODate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        seconds = Timestamp.days(from: date) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
    }

    /// Reads `2014-03-12 09:14`, `2014-03-12T09:14:05`, `12-03-2014 9:14` and the like: an ISO or
    /// Dutch date, a space or T, and a time with or without seconds. Nothing else, so that a
    /// date without a time (which would make the order of a day's contacts up) is refused.
    public init?(_ text: String) {
        guard let parsed = withUTF8Bytes(of: text, { Timestamp.parse($0) }) else { return nil }
        self = parsed
    }

    public var date: ISODate {
        let (year, month, day) = Timestamp.civil(fromDays: days)
        // Every day number is a real date; only the year can leave ISODate's range, from a file
        // edited by hand, and then it shows as that odd year rather than failing.
        return ISODate(checked: year, month, day)
    }

    /// Whole days since 1970-01-01.
    public var days: Int64 { seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400 }

    public var description: String {
        let inDay = seconds - days * 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(date) \(two(inDay / 3_600)):\(two(inDay / 60 % 60)):\(two(inDay % 60))"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    /// The parser behind `init?(_:)`, on a field's bytes, so that a million registrations are read
    /// without making a String of each.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        // The numbers, their widths and the separators after them, in SIMD vectors rather than
        // arrays: they live on the stack, and a million rows make no allocations.
        var numbers = SIMD8<Int32>()
        var widths = SIMD8<Int32>()
        var separators = SIMD8<UInt8>()
        var count = 0
        var width: Int32 = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                guard width < 4, count < 6 else { return nil }
                numbers[count] = numbers[count] * 10 + Int32(byte - 0x30)
                width += 1
            } else {
                guard width > 0, count < 5 else { return nil }
                widths[count] = width
                separators[count] = byte
                count += 1
                width = 0
            }
        }
        guard width > 0 else { return nil }
        widths[count] = width
        count += 1
        // date - date - date (space or T) hour : minute [: second]
        guard count == 5 || count == 6,
              separators[0] == 0x2D, separators[1] == 0x2D, separators[2] == 0x20 || separators[2] == 0x54,
              separators[3] == 0x3A, count == 5 || separators[4] == 0x3A,
              widths[3] <= 2, widths[4] == 2, count == 5 || widths[5] == 2
        else { return nil }
        let date: ISODate?
        if widths[0] == 4, widths[1] == 2, widths[2] == 2 {
            date = ISODate(year: Int(numbers[0]), month: Int(numbers[1]), day: Int(numbers[2]))
        } else if widths[2] == 4, widths[0] <= 2, widths[1] <= 2 {
            date = ISODate(year: Int(numbers[2]), month: Int(numbers[1]), day: Int(numbers[0]))
        } else {
            date = nil
        }
        guard let date, numbers[3] < 24, numbers[4] < 60, numbers[5] < 60 else { return nil }
        return Timestamp(date: date, hour: Int(numbers[3]), minute: Int(numbers[4]), second: Int(numbers[5]))
    }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`).
    public static func days(from date: ISODate) -> Int64 {
        let year = Int64(date.month <= 2 ? date.year - 1 : date.year)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let month = Int64(date.month)
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + Int64(date.day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number (H. Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }
}

extension ISODate {
    /// Days from this date to `other`: negative when `other` comes first.
    public func days(to other: ISODate) -> Int {
        Int(Timestamp.days(from: other) - Timestamp.days(from: self))
    }
}
