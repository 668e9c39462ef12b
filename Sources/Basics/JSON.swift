// A small JSON value type with an RFC 8259 parser and a deterministic serializer.
//
// Only the standard library is used: linking Foundation would cost the command line
// noticeable start-up time, and everything here works on UTF-8 bytes anyway.

/// A JSON value.
///
/// Numbers are kept as `.int` when the source text had no fraction or exponent and
/// fits in `Int64`, so identifiers and counts survive a round trip without going
/// through `Double`.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

// MARK: - JSONObject

/// The members of a JSON object.
///
/// Keys keep their insertion order so that serialization is deterministic and
/// stable across runs, which a `Dictionary` would not give us. Equality is
/// order-sensitive for the same reason: two objects that serialize differently are
/// not considered equal.
///
/// Keys are compared with `String` equality (canonical equivalence), so two keys that
/// differ only in Unicode normalization are the same key.
public struct JSONObject: Sendable, Equatable, Sequence {
    public typealias Element = (key: String, value: JSON)

    // Parallel arrays rather than an array of tuples: `keys` is then free, and tuples
    // are not Equatable, so comparing two objects would need an element-wise loop.
    private var keyList: [String]
    private var valueList: [JSON]
    // Small objects (the vast majority) are searched linearly, which is faster than
    // hashing and costs no allocation; the index only exists past this size.
    private var index: [String: Int]?
    private static let indexThreshold = 32

    public init() {
        keyList = []
        valueList = []
        index = nil
    }

    /// Builds an object from pairs in order. A repeated key replaces the earlier value
    /// in place, exactly as assigning through the subscript would.
    public init(_ pairs: [(String, JSON)]) {
        self.init()
        keyList.reserveCapacity(pairs.count)
        valueList.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            self[key] = value
        }
    }

    public var keys: [String] { keyList }
    public var values: [JSON] { valueList }
    public var count: Int { keyList.count }
    public var isEmpty: Bool { keyList.isEmpty }

    public subscript(key: String) -> JSON? {
        get {
            guard let position = position(of: key) else { return nil }
            return valueList[position]
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    valueList[position] = newValue
                } else {
                    remove(at: position)
                }
            } else if let newValue {
                appendUnchecked(key, newValue)
            }
        }
    }

    /// Appends a member without looking for an existing one with the same key.
    /// The caller guarantees the key is new; the parser uses this after its own
    /// duplicate check so each key is only searched for once.
    public mutating func append(_ key: String, _ value: JSON) {
        assert(position(of: key) == nil, "JSONObject.append: duplicate key \"\(key)\"")
        appendUnchecked(key, value)
    }

    func contains(_ key: String) -> Bool {
        position(of: key) != nil
    }

    mutating func appendUnchecked(_ key: String, _ value: JSON) {
        keyList.append(key)
        valueList.append(value)
        if index != nil {
            index?[key] = keyList.count - 1
        } else if keyList.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private func position(of key: String) -> Int? {
        if let index {
            return index[key]
        }
        return keyList.firstIndex(of: key)
    }

    private mutating func remove(at position: Int) {
        keyList.remove(at: position)
        valueList.remove(at: position)
        if keyList.count > Self.indexThreshold {
            rebuildIndex()
        } else {
            index = nil
        }
    }

    private mutating func rebuildIndex() {
        var newIndex: [String: Int] = [:]
        newIndex.reserveCapacity(keyList.count)
        for (position, key) in keyList.enumerated() {
            newIndex[key] = position
        }
        index = newIndex
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        // The index is derived data; comparing it would only cost time.
        lhs.keyList == rhs.keyList && lhs.valueList == rhs.valueList
    }

    public struct Iterator: IteratorProtocol {
        private let keys: [String]
        private let values: [JSON]
        private var position = 0

        fileprivate init(keys: [String], values: [JSON]) {
            self.keys = keys
            self.values = values
        }

        public mutating func next() -> (key: String, value: JSON)? {
            guard position < keys.count else { return nil }
            defer { position += 1 }
            return (key: keys[position], value: values[position])
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(keys: keyList, values: valueList)
    }

    public var underestimatedCount: Int { keyList.count }
}

// MARK: - JSONError

/// A parse error with a 1-based position. The column counts characters (grapheme
/// clusters), not bytes, so it matches what an editor shows.
public struct JSONError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: Message

    public init(line: Int, column: Int, message: Message) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { text(dutch: false) }

    /// The place and the problem in Dutch or English.
    public func text(dutch: Bool) -> String {
        dutch ? "regel \(line), kolom \(column): \(message.nl)" : "line \(line), column \(column): \(message.en)"
    }
}

// MARK: - Accessors

extension JSON {
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Also answers for a `.double` holding an exact integer, because a value that went
    /// through a tool writing every number as floating point should still read as a count.
    public var int: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value):
            // Not `Int64(exactly:)`: it calls into libm, which this module does not link.
            // The range check also rejects NaN; inside it the conversion cannot trap.
            guard value >= -0x1p63, value < 0x1p63 else { return nil }
            let truncated = Int64(value)
            return Double(truncated) == value ? truncated : nil
        default: return nil
        }
    }

    public var double: Double? {
        switch self {
        case .double(let value): return value
        case .int(let value): return Double(value)
        default: return nil
        }
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var array: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public subscript(key: String) -> JSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

// MARK: - Parsing

extension JSON {
    /// Deeper documents are rejected rather than risking the stack of whoever walks the
    /// result (equality, destruction and serialization are recursive).
    public static let maximumDepth = 512

    public static func parse(_ text: String) throws(JSONError) -> JSON {
        let outcome: Result<JSON, JSONError>? = text.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(JSONError) -> JSON in try parse(bytes: bytes) }
        }
        if let outcome {
            return try outcome.get()
        }
        // Native strings are always contiguous; this only covers bridged ones.
        let copy = Array(text.utf8)
        let fallback: Result<JSON, JSONError> = copy.withUnsafeBufferPointer { bytes in
            Result { () throws(JSONError) -> JSON in try parse(bytes: bytes) }
        }
        return try fallback.get()
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> JSON {
        var parser = JSONParser(bytes: bytes)
        do {
            return try parser.parseDocument()
        } catch {
            throw parser.locate(error)
        }
    }
}

/// A failure at a byte offset; turning it into a line and column needs a scan of the
/// input, which is only worth doing once we know we are failing.
private struct ParseFailure: Error {
    let offset: Int
    let message: Message
}

private enum JSONByte {
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

private struct JSONParser {
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

private func jsonHex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

// MARK: - Serialization

/// Writes a top-level array of objects that share their keys, one at a time, with exactly the
/// output of `JSON.array(...).serialized(pretty:)`: for lists of thousands of records, without a
/// tree of `JSON` values in between.
public struct JSONListWriter {
    private var writer: JSONWriter
    private var count = 0

    public init(pretty: Bool, capacity: Int = 1 << 16) {
        writer = JSONWriter(pretty: pretty, capacity: capacity)
    }

    public mutating func append(keys: [String], values: [JSON]) {
        writer.beginElement(first: count == 0)
        writer.writeObject(keys: keys, values: values, depth: 1)
        count += 1
    }

    public mutating func finish() -> String {
        writer.endArray(empty: count == 0)
        return writer.finish()
    }
}

extension JSON {
    /// The compact form has no whitespace at all. The pretty form indents by two spaces,
    /// puts one member or element per line, writes empty containers as `{}` and `[]`, and
    /// has no trailing newline so callers decide how to terminate it.
    public func serialized(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty, capacity: estimatedSize(pretty: pretty))
        writer.write(self, depth: 0)
        return writer.finish()
    }

    /// A cheap guess at the output size so the buffer is allocated once in the common case.
    private func estimatedSize(pretty: Bool) -> Int {
        switch self {
        case .null: return 4
        case .bool: return 5
        case .int: return 8
        case .double: return 12
        case .string(let text): return text.utf8.count + 2
        case .array(let elements):
            var total = 2
            for element in elements {
                total += element.estimatedSize(pretty: pretty) + (pretty ? 8 : 1)
            }
            return total
        case .object(let members):
            var total = 2
            for member in members {
                total += member.key.utf8.count + 4 + member.value.estimatedSize(pretty: pretty) + (pretty ? 9 : 0)
            }
            return total
        }
    }
}

/// Writes UTF-8 into a byte buffer and makes one `String` at the end. Appending bytes is
/// several times cheaper than appending many short `String`s, which matters when a few
/// hundred thousand records are written in one go.
struct JSONWriter {
    private var bytes: [UInt8] = []
    private let pretty: Bool
    private var indentation: [UInt8] = []

    init(pretty: Bool, capacity: Int) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    func finish() -> String {
        // Every byte written is either ASCII or copied from a valid `String`, so this
        // decoding never has to repair anything.
        String(decoding: bytes, as: UTF8.self)
    }

    mutating func write(_ value: JSON, depth: Int) {
        switch value {
        case .null:
            appendASCII("null")
        case .bool(let flag):
            appendASCII(flag ? "true" : "false")
        case .int(let number):
            appendInteger(number)
        case .double(let number):
            appendDouble(number)
        case .string(let text):
            appendQuoted(text)
        case .array(let elements):
            guard !elements.isEmpty else {
                appendASCII("[]")
                return
            }
            bytes.append(JSONByte.openBracket)
            var first = true
            for element in elements {
                if first {
                    first = false
                } else {
                    bytes.append(JSONByte.comma)
                }
                if pretty { newline(depth: depth + 1) }
                write(element, depth: depth + 1)
            }
            if pretty { newline(depth: depth) }
            bytes.append(JSONByte.closeBracket)
        case .object(let members):
            writeObject(keys: members.keys, values: members.values, depth: depth)
        }
    }

    /// An object from parallel arrays, so records that share their keys need no `JSONObject`.
    mutating func writeObject(keys: [String], values: [JSON], depth: Int) {
        guard !keys.isEmpty else {
            appendASCII("{}")
            return
        }
        bytes.append(JSONByte.openBrace)
        for (position, (key, value)) in zip(keys, values).enumerated() {
            if position > 0 { bytes.append(JSONByte.comma) }
            if pretty { newline(depth: depth + 1) }
            appendQuoted(key)
            bytes.append(JSONByte.colon)
            if pretty { bytes.append(JSONByte.space) }
            write(value, depth: depth + 1)
        }
        if pretty { newline(depth: depth) }
        bytes.append(JSONByte.closeBrace)
    }

    /// Opens or continues a top-level array, element by element.
    mutating func beginElement(first: Bool) {
        bytes.append(first ? JSONByte.openBracket : JSONByte.comma)
        if pretty { newline(depth: 1) }
    }

    mutating func endArray(empty: Bool) {
        if empty {
            appendASCII("[]")
            return
        }
        if pretty { newline(depth: 0) }
        bytes.append(JSONByte.closeBracket)
    }

    @inline(__always)
    private mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func newline(depth: Int) {
        bytes.append(JSONByte.newline)
        let width = depth * 2
        while indentation.count < width {
            indentation.append(JSONByte.space)
        }
        indentation.withUnsafeBufferPointer { spaces in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[0..<width]))
        }
    }

    private mutating func appendInteger(_ number: Int64) {
        // Digits are produced backwards into a fixed buffer; working with the magnitude as
        // UInt64 covers Int64.min, whose negation does not fit in Int64.
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes, room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = JSONByte.zero + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
        }
        if number < 0 {
            bytes.append(JSONByte.minus)
        }
        withUnsafeBytes(of: &digits) { buffer in
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// Swift's `description` is the shortest text that reads back as the same `Double`,
    /// and for finite values it is always valid JSON (`2.0`, `0.1`, `1e-05`, `1.5e+20`).
    /// Integral values keep their `.0`, which is what makes them parse back as `.double`.
    private mutating func appendDouble(_ number: Double) {
        guard number.isFinite else {
            // JSON has no NaN or infinity; null is what JavaScript writes for them too.
            appendASCII("null")
            return
        }
        bytes.append(contentsOf: number.description.utf8)
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(JSONByte.quote)
        var text = text
        // Native strings are contiguous already, so this does not copy in practice.
        text.withUTF8 { appendEscaped($0) }
        bytes.append(JSONByte.quote)
    }

    /// Only `"`, `\` and control characters are escaped; everything else goes out as
    /// UTF-8, unchanged, in runs so the common no-escape case is a single copy.
    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in source.indices {
            let byte = source[index]
            guard byte < 0x20 || byte == JSONByte.quote || byte == JSONByte.backslash else { continue }
            if runStart < index {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
            }
            runStart = index + 1
            switch byte {
            case JSONByte.quote: appendASCII("\\\"")
            case JSONByte.backslash: appendASCII("\\\\")
            case JSONByte.newline: appendASCII("\\n")
            case JSONByte.tab: appendASCII("\\t")
            case JSONByte.carriageReturn: appendASCII("\\r")
            case 0x08: appendASCII("\\b")
            case 0x0C: appendASCII("\\f")
            default:
                appendASCII("\\u00")
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0x0F))
            }
        }
        if runStart < source.count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? JSONByte.zero + value : UInt8(ascii: "a") + value - 10
    }

    /// Escapes a string for use inside an error message.
    static func escapedContents(of text: String) -> String {
        var writer = JSONWriter(pretty: false, capacity: text.utf8.count)
        var text = text
        text.withUTF8 { writer.appendEscaped($0) }
        return writer.finish()
    }
}
