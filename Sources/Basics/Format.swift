/// How a language writes a number: its decimal separator, the separator between groups of three
/// digits (only from five digits on, so that a year stays "2014"), and its minus sign.
public struct NumberStyle: Sendable {
    public let decimalSeparator: String
    public let groupSeparator: String?
    public let minus: String

    public init(decimalSeparator: String, groupSeparator: String?, minus: String) {
        self.decimalSeparator = decimalSeparator
        self.groupSeparator = groupSeparator
        self.minus = minus
    }

    /// As messages, the log and machine-readable text write numbers: "-1234.5".
    public static let plain = NumberStyle(decimalSeparator: ".", groupSeparator: nil, minus: "-")
}

/// A number rounded to `decimals`, without trailing zeros; with `fixed`, all `decimals` are
/// written, as a metric's values are (`MetricPrecision`). The one formatter of the project:
/// the command line's and the site's languages only choose the style.
public func formatNumber(_ value: Double, signed: Bool = false, decimals: Int = 2, fixed: Bool = false,
                         style: NumberStyle = .plain) -> String {
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    // Beyond what whole units of the last decimal can count exactly, Swift's own text is honest.
    guard rounded.isFinite, abs(rounded) < 1e15, abs(rounded) * scale < 9e18 else { return String(rounded) }
    let units = Int64((abs(rounded) * scale).rounded())
    let perWhole = Int64(scale)
    let whole = units / perWhole, fraction = units % perWhole
    var text = grouped(whole, style)
    if decimals > 0 && (fraction > 0 || fixed) {
        var digits = String(fraction)
        digits = String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        while !fixed && digits.hasSuffix("0") { digits.removeLast() }
        text += style.decimalSeparator + digits
    }
    guard units > 0 else { return text }
    return (rounded < 0 ? style.minus : signed ? "+" : "") + text
}

private func grouped(_ value: Int64, _ style: NumberStyle) -> String {
    let digits = String(value)
    guard let separator = style.groupSeparator, digits.count > 4 else { return digits }
    var result = ""
    for (offset, character) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { result += separator }
        result.append(character)
    }
    return result
}
