
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
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let negative = rounded < 0
        let whole = Int64(abs(rounded).rounded(.down))
        var fraction = Int64(((abs(rounded) - Double(whole)) * scale).rounded())
        var wholePart = whole
        if fraction >= Int64(scale) {
            wholePart += 1
            fraction -= Int64(scale)
        }
        var text = groupThousands(wholePart)
        if decimals > 0 && (fraction > 0 || fixed) {
            var digits = String(fraction)
            digits = String(repeating: "0", count: max(0, decimals - digits.count)) + digits
            while !fixed && digits.hasSuffix("0") { digits.removeLast() }
            text += (self == .nl ? "," : ".") + digits
        }
        if negative && (wholePart > 0 || fraction > 0) { return "−" + text }
        return (signed && (wholePart > 0 || fraction > 0) ? "+" : "") + text
    }

    private func groupThousands(_ value: Int64) -> String {
        let digits = String(value)
        guard digits.count > 4 else { return digits }
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(self == .nl ? "." : ",") }
            result.append(character)
        }
        return result
    }

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
