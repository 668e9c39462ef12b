/// Control characters in text people type or import: ESC, OSC and the other C0 and C1 codes
/// could drive the terminal of whoever lists the roadmap. Tab and line breaks are text.
public enum TextRules {
    /// Whether a scalar is a control character other than tab, line feed and carriage return.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }

    /// Refuses a text with a control character, naming the field and the character.
    public static func check(_ text: String, field: String) throws {
        guard let bad = text.unicodeScalars.first(where: isControl) else { return }
        let code = String(bad.value, radix: 16, uppercase: true)
        throw DomainError.invalidValue(field: field, value: escaped(text),
                                       expected: "text without control characters (it holds U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))")
    }

    /// The text with every control character written as \u{1B}, so a terminal shows it rather
    /// than obeys it. A carriage return too: it would let a text write over the start of its line.
    public static func escaped(_ text: String) -> String {
        func hidden(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar) || scalar == "\r" }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if hidden(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
