// The RFC 8259 parser behind `JSON.parse`: on UTF-8 bytes, with the offset of a failure.

/// A failure at a byte offset; turning it into a line and column needs a scan of the
/// input, which is only worth doing once we know we are failing.
struct ParseFailure: Error {
    let offset: Int
    let message: Message
}

enum JSONByte {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let lowerE = UInt8(ascii: "e")
    static let upperE = UInt8(ascii: "E")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let lowerB = UInt8(ascii: "b")
    static let lowerF = UInt8(ascii: "f")
    static let lowerN = UInt8(ascii: "n")
    static let lowerR = UInt8(ascii: "r")
    static let lowerT = UInt8(ascii: "t")
    static let lowerU = UInt8(ascii: "u")
}

struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let start: Int
    var position: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
        // Editors on some platforms still write a byte order mark; it carries no meaning.
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            start = 3
        } else {
            start = 0
        }
        position = start
    }

    // The open containers live on explicit stacks instead of the call stack, so no input
    // can overflow it, whatever the depth limit. Arrays and objects get separate stacks so
    // that appending mutates the innermost container in place instead of copying it.
    mutating func parseDocument() throws(ParseFailure) -> JSON {
        var kinds: [Bool] = []            // true = object
        var arrays: [[JSON]] = []
        var objects: [JSONObject] = []
        var pendingKeys: [String] = []

        parsing: while true {
            var value: JSON
            skipWhitespace()
            guard position < end else {
                throw ParseFailure(offset: position, message: kinds.isEmpty
                    ? Message("onverwacht einde, verwacht een JSON-waarde", "unexpected end of input, expected a JSON value")
                    : Message("onverwacht einde, verwacht een waarde", "unexpected end of input, expected a value"))
            }
            switch bytes[position] {
            case JSONByte.openBrace:
                guard kinds.count < JSON.maximumDepth else { throw tooDeep() }
                position += 1
                skipWhitespace()
                if position < end, bytes[position] == JSONByte.closeBrace {
                    position += 1
                    value = .object(JSONObject())
                } else {
                    let object = JSONObject()
                    let key = try parseKey(in: object, afterComma: false)
                    kinds.append(true)
                    objects.append(object)
                    pendingKeys.append(key)
                    continue parsing
                }
            case JSONByte.openBracket:
                guard kinds.count < JSON.maximumDepth else { throw tooDeep() }
                position += 1
                skipWhitespace()
                if position < end, bytes[position] == JSONByte.closeBracket {
                    position += 1
                    value = .array([])
                } else {
                    kinds.append(false)
                    arrays.append([])
                    continue parsing
                }
            case JSONByte.quote:
                value = .string(try parseString())
            case JSONByte.minus, JSONByte.zero...JSONByte.nine:
                value = try parseNumber()
            case JSONByte.lowerT:
                try expectLiteral("true")
                value = .bool(true)
            case JSONByte.lowerF:
                try expectLiteral("false")
                value = .bool(false)
            case JSONByte.lowerN:
                try expectLiteral("null")
                value = .null
            default:
                throw ParseFailure(offset: position, message: Message(
                    "verwacht een waarde, maar er staat \(describeCharacter(at: position, dutch: true))",
                    "expected a value, found \(describeCharacter(at: position))"))
            }

            // Hand the finished value to its container, closing as many containers as the
            // input closes here.
            while true {
                guard let isObject = kinds.last else {
                    skipWhitespace()
                    guard position == end else {
                        throw ParseFailure(offset: position, message: Message(
                            "onverwacht \(describeCharacter(at: position, dutch: true)) na de JSON-waarde",
                            "unexpected \(describeCharacter(at: position)) after the JSON value"))
                    }
                    return value
                }
                if isObject {
                    let key = pendingKeys.removeLast()
                    objects[objects.count - 1].appendUnchecked(key, value)
                    skipWhitespace()
                    guard position < end else {
                        throw ParseFailure(offset: position, message: Message(
                            "onverwacht einde, verwacht ',' of '}' na een lid van een object",
                            "unexpected end of input, expected ',' or '}' after an object member"))
                    }
                    switch bytes[position] {
                    case JSONByte.comma:
                        let commaOffset = position
                        position += 1
                        skipWhitespace()
                        if position < end, bytes[position] == JSONByte.closeBrace {
                            throw ParseFailure(offset: commaOffset, message: Message("komma vóór '}'; haal die weg", "trailing comma before '}'"))
                        }
                        let nextKey = try parseKey(in: objects[objects.count - 1], afterComma: true)
                        pendingKeys.append(nextKey)
                        continue parsing
                    case JSONByte.closeBrace:
                        position += 1
                        kinds.removeLast()
                        value = .object(objects.removeLast())
                    default:
                        throw ParseFailure(offset: position, message: Message(
                            "verwacht ',' of '}' na een lid van een object",
                            "expected ',' or '}' after an object member"))
                    }
                } else {
                    arrays[arrays.count - 1].append(value)
                    skipWhitespace()
                    guard position < end else {
                        throw ParseFailure(offset: position, message: Message(
                            "onverwacht einde, verwacht ',' of ']' na een element van een lijst",
                            "unexpected end of input, expected ',' or ']' after an array element"))
                    }
                    switch bytes[position] {
                    case JSONByte.comma:
                        let commaOffset = position
                        position += 1
                        skipWhitespace()
                        if position < end, bytes[position] == JSONByte.closeBracket {
                            throw ParseFailure(offset: commaOffset, message: Message("komma vóór ']'; haal die weg", "trailing comma before ']'"))
                        }
                        continue parsing
                    case JSONByte.closeBracket:
                        position += 1
                        kinds.removeLast()
                        value = .array(arrays.removeLast())
                    default:
                        throw ParseFailure(offset: position, message: Message(
                            "verwacht ',' of ']' na een element van een lijst",
                            "expected ',' or ']' after an array element"))
                    }
                }
            }
        }
    }

    private func tooDeep() -> ParseFailure {
        ParseFailure(offset: position, message: Message(
            "te diep genest (meer dan \(JSON.maximumDepth) niveaus)",
            "nesting too deep (more than \(JSON.maximumDepth) levels)"))
    }

    /// Parses `"key" :` with the position at the opening quote (whitespace skipped).
    private mutating func parseKey(in object: JSONObject, afterComma: Bool) throws(ParseFailure) -> String {
        guard position < end else {
            throw ParseFailure(offset: position, message: Message(
                "onverwacht einde, verwacht een sleutel van een object",
                "unexpected end of input, expected an object key"))
        }
        guard bytes[position] == JSONByte.quote else {
            let context = afterComma ? "after ','" : "after '{'"
            let na = afterComma ? "na ','" : "na '{'"
            throw ParseFailure(offset: position, message: Message(
                "verwacht een sleutel als tekst \(na), maar er staat \(describeCharacter(at: position, dutch: true))",
                "expected a string key \(context), found \(describeCharacter(at: position))"))
        }
        let keyOffset = position
        let key = try parseString()
        if object.contains(key) {
            throw ParseFailure(offset: keyOffset, message: Message(
                "sleutel \"\(escapedForMessage(key))\" staat er twee keer in",
                "duplicate key \"\(escapedForMessage(key))\""))
        }
        skipWhitespace()
        guard position < end, bytes[position] == JSONByte.colon else {
            throw ParseFailure(offset: position, message: position < end
                ? Message("verwacht ':' na een sleutel van een object, maar er staat \(describeCharacter(at: position, dutch: true))",
                          "expected ':' after an object key, found \(describeCharacter(at: position))")
                : Message("onverwacht einde, verwacht ':' na een sleutel van een object", "unexpected end of input, expected ':' after an object key"))
        }
        position += 1
        return key
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case JSONByte.space, JSONByte.newline, JSONByte.carriageReturn, JSONByte.tab:
                position += 1
            default:
                return
            }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(ParseFailure) {
        let literalStart = position
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected -> Bool in
            guard end - literalStart >= count else { return false }
            for offset in 0..<count where bytes[literalStart + offset] != expected[offset] {
                return false
            }
            return true
        }
        guard matches else {
            throw ParseFailure(offset: literalStart, message: Message(
                "ongeldig woord, verwacht '\(literal)'",
                "invalid literal, expected '\(literal)'"))
        }
        position += count
    }

    // MARK: Strings

    /// Parses a string with the position at its opening quote.
    private mutating func parseString() throws(ParseFailure) -> String {
        let openingQuote = position
        position += 1
        let contentStart = position
        // Most strings have no escapes: find the closing quote and decode the bytes in one go.
        while position < end {
            let byte = bytes[position]
            if byte == JSONByte.quote {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == JSONByte.backslash {
                return try parseEscapedString(openingQuote: openingQuote, contentStart: contentStart)
            }
            if byte < 0x20 {
                throw controlCharacter(byte)
            }
            position += 1
        }
        throw ParseFailure(offset: openingQuote, message: Message("tekst zonder sluitend aanhalingsteken", "unterminated string"))
    }

    private mutating func parseEscapedString(openingQuote: Int, contentStart: Int) throws(ParseFailure) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(position - contentStart + 16)
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]))
        while position < end {
            let byte = bytes[position]
            switch byte {
            case JSONByte.quote:
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            case JSONByte.backslash:
                try parseEscape(into: &buffer)
            case 0..<0x20:
                throw controlCharacter(byte)
            default:
                buffer.append(byte)
                position += 1
            }
        }
        throw ParseFailure(offset: openingQuote, message: Message("tekst zonder sluitend aanhalingsteken", "unterminated string"))
    }

    /// Parses one escape sequence with the position at its backslash.
    private mutating func parseEscape(into buffer: inout [UInt8]) throws(ParseFailure) {
        let escapeStart = position
        guard position + 1 < end else {
            throw ParseFailure(offset: escapeStart, message: Message("onafgemaakte escape", "unterminated escape sequence"))
        }
        let kind = bytes[position + 1]
        position += 2
        switch kind {
        case JSONByte.quote: buffer.append(JSONByte.quote)
        case JSONByte.backslash: buffer.append(JSONByte.backslash)
        case JSONByte.slash: buffer.append(JSONByte.slash)
        case JSONByte.lowerB: buffer.append(0x08)
        case JSONByte.lowerF: buffer.append(0x0C)
        case JSONByte.lowerN: buffer.append(JSONByte.newline)
        case JSONByte.lowerR: buffer.append(JSONByte.carriageReturn)
        case JSONByte.lowerT: buffer.append(JSONByte.tab)
        case JSONByte.lowerU:
            let unit = try parseHex4(escapeStart: escapeStart)
            var scalarValue = UInt32(unit)
            switch unit {
            case 0xD800...0xDBFF:
                // A high surrogate is only meaningful together with the low one that follows.
                guard position + 1 < end, bytes[position] == JSONByte.backslash, bytes[position + 1] == JSONByte.lowerU else {
                    throw loneSurrogate(unit, at: escapeStart)
                }
                let lowStart = position
                position += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw loneSurrogate(unit, at: escapeStart)
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            default:
                break
            }
            // Fails exactly for a low surrogate that had no high one before it.
            guard let scalar = Unicode.Scalar(scalarValue) else {
                throw loneSurrogate(unit, at: escapeStart)
            }
            buffer.append(contentsOf: scalar.utf8)
        default:
            throw ParseFailure(offset: escapeStart, message: Message(
                "ongeldige escape '\\\(describeEscapeCharacter(at: escapeStart + 1))'",
                "invalid escape sequence '\\\(describeEscapeCharacter(at: escapeStart + 1))'"))
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(ParseFailure) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard position < end, let digit = hexValue(bytes[position]) else {
                throw ParseFailure(offset: escapeStart, message: Message(
                    "ongeldige \\u-escape, verwacht vier hexadecimale cijfers",
                    "invalid \\u escape, expected four hexadecimal digits"))
            }
            unit = unit << 4 | UInt16(digit)
            position += 1
        }
        return unit
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private func loneSurrogate(_ unit: UInt16, at offset: Int) -> ParseFailure {
        ParseFailure(offset: offset, message: Message(
            "losse surrogaat \\u\(jsonHex4(UInt32(unit))) in tekst",
            "lone surrogate \\u\(jsonHex4(UInt32(unit))) in string"))
    }

    private func controlCharacter(_ byte: UInt8) -> ParseFailure {
        ParseFailure(offset: position, message: Message(
            "stuurteken U+\(jsonHex4(UInt32(byte))) zonder escape in tekst",
            "unescaped control character U+\(jsonHex4(UInt32(byte))) in string"))
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(ParseFailure) -> JSON {
        let numberStart = position
        var isInteger = true
        if bytes[position] == JSONByte.minus {
            position += 1
        }
        guard position < end, isDigit(bytes[position]) else {
            throw ParseFailure(offset: position, message: Message("verwacht een cijfer na '-'", "expected a digit after '-'"))
        }
        if bytes[position] == JSONByte.zero {
            position += 1
            if position < end, isDigit(bytes[position]) {
                throw ParseFailure(offset: numberStart, message: Message(
                    "getallen mogen niet met een nul beginnen",
                    "leading zeros are not allowed in numbers"))
            }
        } else {
            skipDigits()
        }
        if position < end, bytes[position] == JSONByte.dot {
            isInteger = false
            position += 1
            guard position < end, isDigit(bytes[position]) else {
                throw ParseFailure(offset: position, message: Message(
                    "verwacht een cijfer na de decimale punt",
                    "expected a digit after the decimal point"))
            }
            skipDigits()
        }
        if position < end, bytes[position] == JSONByte.lowerE || bytes[position] == JSONByte.upperE {
            isInteger = false
            position += 1
            if position < end, bytes[position] == JSONByte.plus || bytes[position] == JSONByte.minus {
                position += 1
            }
            guard position < end, isDigit(bytes[position]) else {
                throw ParseFailure(offset: position, message: Message("verwacht een cijfer in de exponent", "expected a digit in the exponent"))
            }
            skipDigits()
        }
        let token = UnsafeBufferPointer(rebasing: bytes[numberStart..<position])
        if isInteger, let value = integerValue(token) {
            return .int(value)
        }
        // Correct rounding of decimal to binary is subtle; the standard library's
        // conversion gets it right and is fast enough.
        guard let value = Double(String(decoding: token, as: UTF8.self)), value.isFinite else {
            throw ParseFailure(offset: numberStart, message: Message("getal buiten bereik", "number out of range"))
        }
        return .double(value)
    }

    /// Nil when the digits do not fit in `Int64`; the caller then falls back to `Double`.
    private func integerValue(_ token: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let negative = token[0] == JSONByte.minus
        if negative { index = 1 }
        // Accumulating negatively reaches Int64.min, which has no positive counterpart.
        var value: Int64 = 0
        while index < token.count {
            let digit = Int64(token[index] &- JSONByte.zero)
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.subtractingReportingOverflow(digit)
            if overflowA || overflowB { return nil }
            value = next
            index += 1
        }
        if negative { return value }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- JSONByte.zero < 10
    }

    @inline(__always)
    private mutating func skipDigits() {
        while position < end, isDigit(bytes[position]) {
            position += 1
        }
    }

    // MARK: Error reporting

    private func describeCharacter(at offset: Int, dutch: Bool = false) -> String {
        guard offset < end else { return dutch ? "het einde" : "end of input" }
        let byte = bytes[offset]
        if byte >= 0x20, byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        if byte < 0x80 {
            return "U+\(jsonHex4(UInt32(byte)))"
        }
        // A multi-byte character: decode just it for the message.
        var iterator = UnsafeBufferPointer(rebasing: bytes[offset..<end]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return "'\(Character(scalar))' (U+\(jsonHex4(scalar.value)))"
        }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func describeEscapeCharacter(at offset: Int) -> String {
        guard offset < end else { return "" }
        let byte = bytes[offset]
        if byte >= 0x20, byte < 0x7F {
            return String(Character(Unicode.Scalar(byte)))
        }
        var iterator = UnsafeBufferPointer(rebasing: bytes[offset..<end]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.value >= 0x20 {
            return String(Character(scalar))
        }
        return "U+\(jsonHex4(UInt32(byte)))"
    }

    private func escapedForMessage(_ key: String) -> String {
        JSONWriter.escapedContents(of: key)
    }

    /// Converts a byte offset into a 1-based line and a 1-based column in characters.
    /// CR LF, LF and a lone CR each end a line.
    func locate(_ failure: ParseFailure) -> JSONError {
        let offset = min(max(failure.offset, 0), end)
        var line = 1
        var lineStart = start
        var index = start
        while index < offset {
            let byte = bytes[index]
            if byte == JSONByte.newline {
                line += 1
                lineStart = index + 1
            } else if byte == JSONByte.carriageReturn {
                if index + 1 < end, bytes[index + 1] == JSONByte.newline {
                    // The LF that follows ends this line.
                } else {
                    line += 1
                    lineStart = index + 1
                }
            }
            index += 1
        }
        let prefix = UnsafeBufferPointer(rebasing: bytes[min(lineStart, offset)..<offset])
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return JSONError(line: line, column: column, message: failure.message)
    }
}

func jsonHex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
