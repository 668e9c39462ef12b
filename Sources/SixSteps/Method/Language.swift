
/// The site's language: Dutch by default, English on request. Texts are written where they are
/// used, as a Dutch and an English pair, so each page reads as one piece of text.
public enum Language: String, Sendable, CaseIterable {
    case nl, en

    /// Only the text of the language asked for is built: most texts interpolate numbers and
    /// names, and a site of thousands of pages would build every one of them twice.
    public func t(_ dutch: @autoclosure () -> String, _ english: @autoclosure () -> String) -> String {
        self == .nl ? dutch() : english()
    }

    /// A message written in both languages, in this one.
    public func words(_ message: Message) -> String { message.text(dutch: self == .nl) }

    /// "7,8" in Dutch, "7.8" in English; no trailing zeros beyond what `decimals` asks for, unless
    /// `fixed`: a metric's values keep all their decimals ("7,0" beside "7,5").
    public func number(_ value: Double, decimals: Int = 1, signed: Bool = false, fixed: Bool = false) -> String {
        formatNumber(value, signed: signed, decimals: decimals, fixed: fixed, style: self == .nl ? Self.dutchNumbers : Self.englishNumbers)
    }

    static let dutchNumbers = NumberStyle(decimalSeparator: ",", groupSeparator: ".", minus: "−")
    static let englishNumbers = NumberStyle(decimalSeparator: ".", groupSeparator: ",", minus: "−")

    public func percent(_ share: Double) -> String { number(share * 100, decimals: 0) + "%" }

    static let monthsNL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                           "oktober", "november", "december"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December"]

    /// "3 maart 2014" / "3 March 2014"; the text as given when it is not a date.
    public func date(_ iso: String) -> String {
        guard let date = ISODate(iso) else { return iso }
        return "\(date.day) \((self == .nl ? Self.monthsNL : Self.monthsEN)[date.month - 1]) \(date.year)"
    }

    /// "maart 2014" for a period such as 2014-03.
    public func month(_ period: String) -> String {
        guard let date = ISODate(period + "-01") else { return period }
        return "\((self == .nl ? Self.monthsNL : Self.monthsEN)[date.month - 1]) \(date.year)"
    }
}
